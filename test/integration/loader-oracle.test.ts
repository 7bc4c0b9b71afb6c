// The env dialect model against the real loaders: dotenv 17.4.2 and dotenv-expand 13.0.0 (pinned devDependencies)
// and godotenv 1.5.1 (Debian's golang-github-joho-godotenv-dev, built by scripts/build-godotenv-oracle.sh).
// Every key's effective value must match on every env fixture, example and tricky case below.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { differences, GODOTENV_READ, loaded, modelled, type LoaderDialect } from '../support/loader-oracle';
import { filesBelow, fixtureFiles, isFixedFile, ROOT } from '../support/fixture-files';

const TRICKY = [
  'A=hello\nB=${A}\nA=bye\n',
  'PATH=/usr/bin\nPATH=${PATH}:/usr/local/go/bin\n',
  'A=1\nB=\'${A}x\'\nC="${A}y"\nD=\\$A\nE=${A}z\nF=${MISSING:-dflt}\nG=${A:+set}\n',
  'GOFLAGS=\'-ldflags=-s -w\' -trimpath\nX="quoted" # comment\nY=plain # comment\nZ=a#b\n',
  'export GOPATH=/go\nGOBIN=${GOPATH}/bin\n  INDENTED=1\nEMPTY=\nSPACED = value \n',
  'MULTI="line1\nline2"\nAFTER=1\nSINGLE=\'a\\nb\'\nDOUBLE="a\\nb"\n',
  'PATH=${GOPATH}/bin:${PATH}\nGOPATH=/go\n',
  'URL=https://user:pa$$word@host\nDOLLAR=$$\n',
];

function envFiles(): string[] {
  return [...fixtureFiles(), ...filesBelow(path.join(ROOT, 'examples', 'env'))].filter(
    (f) => /\.env$/.test(f) && !isFixedFile(f),
  );
}

function compare(dialects: readonly LoaderDialect[]): { compared: number; diffs: string[] } {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-loader-'));
  let compared = 0;
  const diffs: string[] = [];
  try {
    const cases = [
      ...envFiles().map((f) => ({ name: path.relative(ROOT, f), file: f, text: fs.readFileSync(f, 'utf8') })),
      ...TRICKY.map((text, i) => ({ name: `tricky ${i}`, file: path.join(tmp, `tricky-${i}.env`), text })),
    ];
    for (const c of cases) {
      if (!fs.existsSync(c.file)) fs.writeFileSync(c.file, c.text);
      for (const d of dialects) {
        const theirs = loaded(c.file, c.text, d);
        if (theirs === undefined) continue;
        compared++;
        for (const x of differences(modelled(c.text, d), theirs)) diffs.push(`${d} ${c.name}: ${x}`);
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return { compared, diffs };
}

test('dotenv and dotenv-expand load every env fixture, example and tricky case as the model says', () => {
  const r = compare(['dotenv', 'dotenv-expand']);
  assert.ok(r.compared > 100, `only ${r.compared} comparisons`);
  assert.deepEqual(r.diffs, []);
});

test('godotenv loads every env fixture, example and tricky case as the model says', (t) => {
  if (!fs.existsSync(GODOTENV_READ)) {
    if (process.env['GDL_REQUIRE_E2E'] === '1')
      assert.fail(`${GODOTENV_READ} missing: .ci/run builds it (scripts/build-godotenv-oracle.sh)`);
    t.skip(
      'godotenv oracle not built: apt-get install golang-go golang-github-joho-godotenv-dev && bash scripts/build-godotenv-oracle.sh',
    );
    return;
  }
  const r = compare(['godotenv']);
  assert.ok(r.compared > 50, `only ${r.compared} comparisons`);
  assert.deepEqual(r.diffs, []);
});
