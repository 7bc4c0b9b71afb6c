// Agreement with systemd on its own test units (test/fixtures/systemd-tests, from systemd 252.39): every complaint
// systemd-analyze verify made is one we make, and we make no other, except the misses named here with their reason.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ourCategories } from '../support/systemd-oracle';
import { ROOT } from '../support/fixture-files';

const DIR = path.join(ROOT, 'test', 'fixtures', 'systemd-tests');

interface Verdicts {
  readonly files: Readonly<Record<string, { readonly verify: readonly string[]; readonly stopsAt?: number }>>;
}

/** Complaints we deliberately do not make, with why. */
const KNOWN_MISSES: Readonly<Record<string, string>> = {
  // Personality= is judged against the architecture verify runs on (x86_64 cannot take aarch64): host-dependent.
  'exec-personality-aarch64.service:8:invalid-value':
    'host-dependent: Personality= is checked against the verifying machine',
};

test('our findings on systemd 252 test units match what systemd-analyze verify reported', () => {
  const verdicts = JSON.parse(fs.readFileSync(path.join(DIR, 'verdicts.json'), 'utf8')) as Verdicts;
  const differences: string[] = [];
  let agreed = 0;
  for (const [file, v] of Object.entries(verdicts.files)) {
    const ours = ourCategories(path.join(DIR, file), v.stopsAt ?? Infinity);
    for (const k of v.verify) {
      if (ours.has(k)) agreed++;
      else if (KNOWN_MISSES[`${file}:${k}`] === undefined) differences.push(`only verify: ${file}:${k}`);
    }
    for (const k of ours) if (!v.verify.includes(k)) differences.push(`only ours: ${file}:${k}`);
  }
  assert.ok(agreed > 20, `only ${agreed} agreements`);
  assert.deepEqual(differences, []);
});
