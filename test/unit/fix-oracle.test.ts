// The fix-safety oracle over every fixture and example: each safe fix, alone and all together, changes only its target.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkEdits, checkFixes, cleanupOracle } from '../support/fix-oracle';
import { LineIndex } from '../../server/src/text/line-index';
import type { TextEdit } from '../../server/src/text/edits';
import { filesBelow, fixtureFiles, isFixedFile, ROOT } from '../support/fixture-files';
import { decodeLikeCli } from '../support/lint-text';
import { verifyAvailable } from '../support/systemd-oracle';
import { detectLanguage } from '../../server/src/workspace/language-id';

const SETTINGS_LINE = /^# go-deploy-lint-test (\{.*\})\s*$/m;

const files = [
  ...fixtureFiles(),
  ...filesBelow(path.join(ROOT, 'examples')),
  ...filesBelow(path.join(ROOT, 'test', 'fixtures', 'workspace')),
].filter((f) => !isFixedFile(f) && !f.includes(`${path.sep}host${path.sep}`) && detectLanguage(f) !== undefined);
// In CI systemd-analyze is installed (.ci/run); without it the unit comparison is only ours.
const verify = verifyAvailable() === undefined;
if (!verify && process.env['GDL_REQUIRE_E2E'] === '1')
  throw new Error('systemd-analyze is required for the fix oracle in CI');
after(cleanupOracle);

/** An edit that replaces `from` (first occurrence) with `to`. */
function edit(text: string, from: string, to: string): TextEdit[] {
  const at = text.indexOf(from);
  const index = new LineIndex(text);
  return [{ range: index.range(at, at + from.length), newText: to }];
}

test('the oracle catches edits that change more than their target', () => {
  // Env: changing A is its own business, unless a later line expands it (the GDL101 trap of expanding dialects).
  const env = 'A=1\nB=${A}\n';
  assert.deepEqual(checkEdits(env, edit(env, 'A=1', 'A=2'), { file: 'oracle/.env' }), []);
  const expanding = `# go-deploy-lint dialect=dotenv-expand\n${env}`;
  assert.match(
    checkEdits(expanding, edit(expanding, 'A=1', 'A=2'), { file: 'oracle/.env' }).join(),
    /B: effective value changed/,
  );
  // Dockerfile: a USER placed before a RUN changes the user the RUN runs as; a broken ENV is a new error.
  const docker = 'FROM alpine:3.20\nRUN apk add curl\nCMD ["/app"]\n';
  assert.match(
    checkEdits(docker, edit(docker, 'RUN', 'USER 65532\nRUN'), { file: 'oracle/Dockerfile' }).join(),
    /RUN runs as another user/,
  );
  const env2 = 'FROM alpine:3.20\nENV GOROOT /usr/local/go\n';
  assert.match(
    checkEdits(env2, edit(env2, ' /usr/local/go', ' '), { file: 'oracle/Dockerfile' }).join(),
    /dockerfile-utils: new error/,
  );
  // Units: a fix on one directive may not change another one (here a continuation swallows the next line).
  const unit = '[Service]\nExecStart=/usr/bin/api\nRestart=always\nUser=app\n';
  assert.match(
    checkEdits(unit, edit(unit, 'always', 'always \\'), { file: 'oracle/api.service' }).join(),
    /\[Service\] User changed/,
  );
  // YAML: a value fix that leaves a quote open swallows the next key (and the yaml library reports it).
  const compose = 'services:\n  api:\n    environment:\n      GOGC: "off"\n    mem_limit: 1g\n';
  const swallowed = checkEdits(compose, edit(compose, '"off"', '"off'), { file: 'oracle/compose.yaml' }).join();
  assert.match(swallowed, /mem_limit changed/);
  assert.match(swallowed, /yaml: new parse error/);
  // binfmt: a flags fix that makes the kernel refuse the registration.
  const reg = ':qemu-arm:M::\\x7fELF:\\xff\\xff\\xff\\xff:/usr/bin/qemu-arm:F\n';
  assert.match(
    checkEdits(reg, edit(reg, ':F', ':FZ'), { file: 'oracle/etc/binfmt.d/qemu.conf' }, 'GDL322').join(),
    /refuses it/,
  );
});

test(`every safe fix on ${files.length} fixtures and examples changes only its target`, (t) => {
  if (!verify) t.diagnostic('systemd-analyze is not installed: units are compared by directive values only');
  const violations: string[] = [];
  let applied = 0;
  for (const file of files) {
    const text = decodeLikeCli(fs.readFileSync(file));
    const settings = SETTINGS_LINE.exec(text)?.[1];
    const outcome = checkFixes(text, {
      file,
      verify,
      ...(settings !== undefined ? { settings: JSON.parse(settings) as Record<string, unknown> } : {}),
    });
    const rel = path.relative(ROOT, file);
    for (const f of outcome.fixes) {
      applied++;
      for (const v of f.violations) violations.push(`${rel}: ${f.rule} "${f.title}": ${v}`);
    }
    for (const v of outcome.fixAll) violations.push(`${rel}: fix-all: ${v}`);
  }
  assert.ok(applied > 50, `only ${applied} safe fixes applied: the oracle is not reaching the fixtures`);
  assert.deepEqual(violations, []);
});
