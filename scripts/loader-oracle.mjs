// Compares the env dialect model with the real loaders (dotenv, dotenv-expand, godotenv) on the corpus env files
// (`npm run corpus`). Exits 1 when a key's effective value differs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT, corpusOrExit } from './corpus-location.mjs';

const CORPUS = corpusOrExit('loader oracle');
const require = createRequire(import.meta.url);
const { modelled, loaded, differences, GODOTENV_READ } = require(
  path.join(ROOT, 'out', 'test', 'support', 'loader-oracle.js'),
);
const { filesBelow } = require(path.join(ROOT, 'out', 'test', 'support', 'fixture-files.js'));
const dialects = ['dotenv', 'dotenv-expand', ...(fs.existsSync(GODOTENV_READ) ? ['godotenv'] : [])];
let compared = 0;
const diffs = [];
for (const set of ['dotenv', 'envfile-default', 'envfile-other']) {
  const dir = path.join(CORPUS, set);
  for (const file of filesBelow(dir)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const d of dialects) {
      const theirs = loaded(file, text, d);
      if (theirs === undefined) continue;
      compared++;
      for (const x of differences(modelled(text, d), theirs)) diffs.push(`${d} ${path.relative(CORPUS, file)}: ${x}`);
    }
  }
}
console.log(
  `\nloader oracle over the corpus env files: ${compared} file loads compared (${dialects.join(', ')}${dialects.includes('godotenv') ? '' : '; godotenv not built: bash scripts/build-godotenv-oracle.sh'}), ${diffs.length} differences`,
);
for (const d of diffs) console.log(`  ${d}`);
process.exit(diffs.length === 0 ? 0 : 1);
