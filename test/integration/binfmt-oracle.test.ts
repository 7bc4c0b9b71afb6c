// The parser against the real kernel: every fixture registration and grammar edge case, in a private binfmt_misc.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { oracleCases, runOracle } from '../support/binfmt-oracle';

test('kernel oracle: accept/reject and errno agree with a private binfmt_misc instance', (t) => {
  const result = runOracle(oracleCases());
  if (!result.available) {
    t.skip(result.reason ?? 'private binfmt_misc unavailable');
    return;
  }
  assert.ok(result.compared >= 50, `only ${result.compared} cases compared`);
  assert.deepEqual(result.disagreements, []);
});
