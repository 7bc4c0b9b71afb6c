// Quick fuzz inside npm test (npm run fuzz runs the long version): every surface, random, grammar-shaped and
// mutated-fixture documents; the properties are in test/support/fuzz.ts.
import { test } from 'node:test';
import fc from 'fast-check';
import { checkDocument, documents, parseOnly, seedTexts, SURFACES } from '../support/fuzz';

const RUNS = Number(process.env.GDL_FUZZ_QUICK_RUNS ?? 300);

for (const surface of SURFACES) {
  const seeds = seedTexts(surface);
  test(`fuzz ${surface.name}: parsers never throw`, () => {
    fc.assert(
      fc.property(documents(surface, seeds), (text) => parseOnly(surface, text)),
      { numRuns: RUNS * 4 },
    );
  });
  test(`fuzz ${surface.name}: findings and fixes keep their properties`, () => {
    fc.assert(
      fc.property(documents(surface, seeds), (text) => checkDocument(surface, text)),
      { numRuns: RUNS },
    );
  });
}
