// Checks that rules, fixtures, docs and examples agree: ids, names, files, and executable doc examples.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../server/src/rules/index';
import { docFileName } from '../../server/src/analysis/rule-docs';
import { RULE_LANGUAGES } from '../../server/src/rules/rule-languages';
import { FIXTURES, ROOT, fixtureFiles } from '../support/fixture-files';
import { parseMarkers } from '../support/markers';
import { decodeLikeCli, lintText } from '../support/lint-text';
import { FsProject } from '../../server/src/workspace/project';

test('ids are unique, well-formed and sorted', () => {
  const ids = allRules.map((r) => r.id);
  assert.deepEqual(ids, [...new Set(ids)].sort());
  for (const id of ids) assert.match(id, /^GDL\d{3}$/);
});

// These two names shipped with their codes and stay; they describe the host state flagged ("no systemd"), not a prohibition.
const CATALOG_NO_NAMES = ['no-systemd', 'no-bin-sh'];

test('names are unique kebab-case and never start with no- (except catalog names)', () => {
  const names = allRules.map((r) => r.name);
  assert.equal(new Set(names).size, names.length);
  for (const n of names) {
    assert.match(n, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(!n.startsWith('no-') || CATALOG_NO_NAMES.includes(n), n);
  }
});

test('codes sit in the block of their language', () => {
  for (const r of allRules) assert.equal(r.id[3], RULE_LANGUAGES[r.language].block, `${r.id} in the wrong block`);
});

test('each rule lives in a file named after it', () => {
  for (const r of allRules) {
    const file = path.join(ROOT, 'server', 'src', 'rules', r.language, `${r.name}.ts`);
    assert.ok(fs.existsSync(file), `${r.id}: missing ${path.relative(ROOT, file)}`);
    assert.match(
      fs.readFileSync(file, 'utf8'),
      new RegExp(`id: '${r.id}'`),
      `${r.id} is not defined in ${path.relative(ROOT, file)}`,
    );
  }
});

test('each rule has fixtures with a positive marker and at least one clean statement', () => {
  const files = fixtureFiles();
  for (const r of allRules) {
    const mine = files.filter((f) => path.basename(f).startsWith(`${r.id}-${r.name}`));
    assert.ok(mine.length > 0, `${r.id}: no fixture in ${path.relative(ROOT, FIXTURES)}/${r.language}/`);
    const markers = mine.flatMap((f) => parseMarkers(decodeLikeCli(fs.readFileSync(f))).filter((m) => m.code === r.id));
    assert.ok(markers.length > 0, `${r.id}: fixtures have no ${r.id} marker`);
    const clean = mine.some((f) => {
      const text = decodeLikeCli(fs.readFileSync(f));
      const analysis = lintText(text, { file: f });
      const flagged = new Set(analysis.findings.filter((x) => x.rule.id === r.id).map((x) => x.range.start.line));
      return (analysis.prepared?.statements ?? []).some((s) => !flagged.has(s.start.line));
    });
    assert.ok(clean, `${r.id}: fixtures need a negative case (a statement the rule does not flag)`);
  }
});

test('each rule has a fix iff its fix safety says so', () => {
  for (const r of allRules) {
    const files = fixtureFiles().filter((f) => path.basename(f).startsWith(`${r.id}-`));
    const hasFixed = files.some((f) => fs.existsSync(f.replace(/(GDL\d{3}-[a-z0-9-]+)/, '$1.fixed')));
    if (r.fixSafety === 'none') assert.ok(!hasFixed, `${r.id} has no fix but a .fixed fixture`);
    else assert.ok(hasFixed, `${r.id} (${r.fixSafety} fix) needs a .fixed fixture`);
  }
});

test('doc examples fire the rule and the "use instead" text does not', () => {
  for (const r of allRules) {
    const file = path.join(ROOT, 'test', 'doc-example', r.docs.exampleFile ?? '.env');
    // Host checks compare the host with a workspace: their examples run against the host fixtures' units.
    const project =
      r.language === 'host-report' ? new FsProject([path.join(FIXTURES, 'host-report', 'workspace')]) : undefined;
    const opts = {
      file,
      ...(r.docs.exampleSettings !== undefined ? { settings: r.docs.exampleSettings } : {}),
      ...(project !== undefined ? { project } : {}),
    };
    const fired = lintText(r.docs.example, opts).findings.filter((f) => f.rule.id === r.id);
    assert.ok(fired.length > 0, `${r.id}: docs.example does not fire the rule`);
    const insteadOpts = {
      ...opts,
      file: path.join(ROOT, 'test', 'doc-example', r.docs.useInsteadFile ?? r.docs.exampleFile ?? '.env'),
    };
    const clean = lintText(r.docs.useInstead, insteadOpts).findings.filter((f) => f.rule.id === r.id);
    assert.deepEqual(
      clean.map((f) => f.message),
      [],
      `${r.id}: docs.useInstead fires the rule`,
    );
  }
});

test('every rule has a doc page', () => {
  for (const r of allRules)
    assert.ok(
      fs.existsSync(path.join(ROOT, 'docs', 'rules', docFileName(r))),
      `${r.id}: missing docs/rules/${docFileName(r)}`,
    );
});
