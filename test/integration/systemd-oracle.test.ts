// Our unit rules against `systemd-analyze verify --man=no` on every unit fixture, for the categories both report.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { oracleUnitFiles, runSystemdOracle } from '../support/systemd-oracle';
import { FIXTURES } from '../support/fixture-files';

test('systemd-analyze verify and our rules agree on the fixture units', (t) => {
  const result = runSystemdOracle(oracleUnitFiles(path.join(FIXTURES, 'systemd')));
  if (!result.available) {
    t.skip(result.reason ?? 'systemd-analyze unavailable');
    return;
  }
  assert.ok(result.agreed >= 20, `only ${result.agreed} findings compared`);
  assert.deepEqual({ onlyVerify: result.onlyVerify, onlyOurs: result.onlyOurs }, { onlyVerify: [], onlyOurs: [] });
});
