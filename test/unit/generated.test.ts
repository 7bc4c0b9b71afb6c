// Fails when generated files are stale: rule docs, the rules index and the settings in package.json (BLESS=1 regenerates).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../server/src/rules/index';
import { docFileName } from '../../server/src/analysis/rule-docs';
import { expectedConfiguration, renderReadmeRules, renderRuleDoc, renderRulesIndex } from '../support/generated';
import { ROOT } from '../support/fixture-files';

const bless = process.env['BLESS'] === '1';
const DOCS = path.join(ROOT, 'docs', 'rules');

function check(file: string, expected: string): void {
  if (bless) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, expected);
    return;
  }
  assert.ok(fs.existsSync(file), `${path.relative(ROOT, file)} is missing (BLESS=1 npm test generates it)`);
  assert.equal(
    fs.readFileSync(file, 'utf8'),
    expected,
    `${path.relative(ROOT, file)} is stale (BLESS=1 npm test regenerates it)`,
  );
}

test('rule doc pages are up to date', () => {
  for (const r of allRules) check(path.join(DOCS, docFileName(r)), renderRuleDoc(r));
});

test('rules index is up to date', () => {
  check(path.join(DOCS, 'README.md'), renderRulesIndex());
});

test('no stray doc pages', () => {
  const expected = new Set(['README.md', ...allRules.map(docFileName)]);
  const stray = fs.readdirSync(DOCS).filter((f) => !expected.has(f));
  if (bless) for (const f of stray) fs.rmSync(path.join(DOCS, f));
  else
    assert.deepEqual(
      stray,
      [],
      'doc pages without a rule (a retired rule keeps a stub: add it to the registry as retired)',
    );
});

test('package.json settings match the zod schema', () => {
  const pkgPath = path.join(ROOT, 'package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8')) as {
    contributes: { configuration: { properties: unknown } };
  };
  const expected = expectedConfiguration();
  if (bless) {
    pkg.contributes.configuration.properties = expected;
    fs.writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);
    return;
  }
  assert.deepEqual(pkg.contributes.configuration.properties, expected);
});

test('README rules table is up to date', () => {
  const file = path.join(ROOT, 'README.md');
  const text = fs.readFileSync(file, 'utf8');
  const m = /<!-- rules:start -->\n[\s\S]*?<!-- rules:end -->/.exec(text);
  assert.ok(m !== null, 'README.md needs <!-- rules:start --> and <!-- rules:end --> markers');
  const expected = text.replace(m[0], `<!-- rules:start -->\n${renderReadmeRules()}<!-- rules:end -->`);
  if (bless) fs.writeFileSync(file, expected);
  else assert.equal(text, expected, 'README.md rules table is stale (BLESS=1 npm test regenerates it)');
});
