// When systemd added each directive (man pages' "Added in version N."), and what hover and GDL517 make of it.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { addedIn, addedInText, directive, unknownTo } from '../../server/src/knowledge/systemd-directives';
import { hover } from '../../server/src/lsp/hover/index';
import { lintText } from '../support/lint-text';
import { ROOT } from '../support/fixture-files';

const d = (section: string, key: string): NonNullable<ReturnType<typeof directive>> => {
  const x = directive(section, key);
  assert.ok(x !== undefined, `${section}.${key}`);
  return x;
};

test('versions by directive and section; long-standing directives are never "ignored"', () => {
  assert.deepEqual(addedIn(d('Service', 'MemoryMax')), { kind: 'annotated', version: 231 });
  assert.deepEqual(addedIn(d('Service', 'ExecStart')), { kind: 'old' });
  // A CentOS 7 host (systemd 219) knows Description=, ExecStart=, Restart=; not MemoryMax= nor AmbientCapabilities=.
  for (const [s, k] of [
    ['Unit', 'Description'],
    ['Service', 'ExecStart'],
    ['Service', 'Restart'],
    ['Service', 'User'],
    ['Install', 'WantedBy'],
  ] as const)
    assert.equal(unknownTo(d(s, k), 219), false, `${s}.${k}`);
  for (const [s, k] of [
    ['Service', 'MemoryMax'],
    ['Service', 'AmbientCapabilities'],
    ['Service', 'DynamicUser'],
  ] as const)
    assert.equal(unknownTo(d(s, k), 219), true, `${s}.${k}`);
  // RHEL 8 (239) knows DynamicUser= (232) but not ProtectHostname= (242).
  assert.equal(unknownTo(d('Service', 'DynamicUser'), 239), false);
  assert.equal(unknownTo(d('Service', 'ProtectHostname'), 239), true);
});

test('hover says "Added in systemd N", never "Available in systemd 247 and older"', () => {
  const text = '[Unit]\nDescription=api\n[Service]\nExecStart=/usr/local/bin/api\nMemoryMax=512M\n';
  const analysis = lintText(text, {
    file: 'versions/etc/systemd/system/api.service',
    settings: { systemdVersion: 219 },
  });
  const at = (line: number): string => JSON.stringify(hover(analysis, { line, character: 2 }));
  assert.match(at(4), /Added in systemd 231: systemd 219 \(the target\) ignores it/);
  assert.match(at(1), /Added in systemd 201/);
  assert.doesNotMatch(at(1), /ignores it/);
  assert.match(at(3), /Long-standing/);
  for (const l of [1, 3, 4]) assert.doesNotMatch(at(l), /Available in systemd/);
  assert.equal(addedInText(d('Service', 'MemoryMax')), 'Added in systemd 231');
});

test('the generated table matches the man-page table (development workspace only)', (t) => {
  const tsv = path.resolve(ROOT, '..', 'shared', 'ground-truth', 'systemd-directive-versions.tsv');
  if (!fs.existsSync(tsv)) {
    t.skip('the table exists in the development workspace only; the generated file is committed');
    return;
  }
  const target = path.join(ROOT, 'server', 'src', 'knowledge', 'systemd-directive-versions.generated.ts');
  const before = fs.readFileSync(target, 'utf8');
  try {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'generate-systemd-versions.mjs'), tsv], {
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(
      fs.readFileSync(target, 'utf8'),
      before,
      'run node scripts/generate-systemd-versions.mjs and commit the result',
    );
  } finally {
    fs.writeFileSync(target, before);
  }
});
