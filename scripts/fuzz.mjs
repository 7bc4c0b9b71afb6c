// `npm run fuzz`: the long fuzz run. Per surface: FUZZ_PARSER_RUNS inputs (default 10^6) through the parsers,
// FUZZ_PROPERTY_RUNS (default 10^4) through the whole linter with every property of test/support/fuzz.ts.
// Seeds: in-repo fixtures, plus ../shared/corpus when present (said so when it is not).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(import.meta.url);
const fc = require('fast-check');
const { SURFACES, seedTexts, documents, parseOnly, checkDocument } = require(
  path.join(ROOT, 'out/test/support/fuzz.js'),
);

const PARSER_RUNS = Number(process.env.FUZZ_PARSER_RUNS ?? 1_000_000);
const PROPERTY_RUNS = Number(process.env.FUZZ_PROPERTY_RUNS ?? 10_000);
const CORPUS = process.env.GDL_CORPUS ?? path.resolve(ROOT, '..', 'shared', 'corpus');
const CORPUS_DIRS = {
  env: ['dotenv', 'envfile-default', 'envfile-other'],
  systemd: ['systemd', 'systemd-go'],
  binfmt: ['binfmt'],
  dockerfile: ['dockerfile', 'dockerfiles', 'docker'],
  shell: [],
  host: [],
  compose: ['compose'],
  kubernetes: ['k8s'],
  quadlet: [],
  gomod: [],
};

/** Seeds above this size are left out: a million mutations of the 100 KB API fixtures of the k8s corpus take half an hour. */
const MAX_SEED_BYTES = { kubernetes: 20_000 };

function corpusSeeds(name) {
  if (!fs.existsSync(CORPUS)) return [];
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && fs.statSync(p).size < (MAX_SEED_BYTES[name] ?? 100_000))
        out.push(fs.readFileSync(p, 'latin1'));
    }
  };
  for (const sub of CORPUS_DIRS[name] ?? []) if (fs.existsSync(path.join(CORPUS, sub))) walk(path.join(CORPUS, sub));
  return out;
}

if (!fs.existsSync(CORPUS))
  console.log(`note: no corpus at ${CORPUS}; mutating in-repo fixtures only (set GDL_CORPUS to use one)`);
const only = process.argv.slice(2);
let failed = false;
const t00 = Date.now();
for (const surface of SURFACES) {
  if (only.length > 0 && !only.includes(surface.name)) continue;
  const seeds = [...seedTexts(surface), ...corpusSeeds(surface.name)];
  const arb = documents(surface, seeds);
  let t0 = Date.now();
  let parsed = 0;
  try {
    // Generated in batches: fc.sample keeps memory flat; every input goes through the parsers.
    const seed = Date.now();
    for (let done = 0; done < PARSER_RUNS;) {
      const n = Math.min(20_000, PARSER_RUNS - done);
      for (const text of fc.sample(arb, { numRuns: n, seed: seed + done })) {
        parseOnly(surface, text);
        parsed++;
      }
      done += n;
    }
  } catch (e) {
    failed = true;
    console.log(`${surface.name}: parser threw after ${parsed} inputs: ${e?.stack ?? e}`);
  }
  const parseSecs = (Date.now() - t0) / 1000;
  t0 = Date.now();
  const result = fc.check(
    fc.property(arb, (text) => checkDocument(surface, text)),
    { numRuns: PROPERTY_RUNS },
  );
  const propSecs = (Date.now() - t0) / 1000;
  if (result.failed) {
    failed = true;
    console.log(
      `${surface.name}: property failed after ${result.numRuns} runs (seed ${result.seed}, path ${result.counterexamplePath}):\n  ${JSON.stringify(result.counterexample)}\n  ${String(result.errorInstance).split('\n')[0]}`,
    );
  }
  console.log(
    `${surface.name.padEnd(10)} parsers: ${parsed.toLocaleString('en')} inputs in ${parseSecs.toFixed(1)} s · linter + properties: ${result.numRuns.toLocaleString('en')} documents in ${propSecs.toFixed(1)} s · ${seeds.length} seed files${result.failed ? ' · FAILED' : ''}`,
  );
}
console.log(`fuzz: ${failed ? 'FAILED' : 'all properties held'} in ${((Date.now() - t00) / 1000).toFixed(0)} s`);
process.exit(failed ? 1 : 0);
