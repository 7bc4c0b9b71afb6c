// Settings: one bad key never discards the others; defaults come from the schema.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, readSettings } from '../../server/src/settings';

test('defaults', () => {
  assert.deepEqual(DEFAULT_SETTINGS, {
    rules: {},
    envDialects: {},
    goVersion: '',
    systemdVersion: 252,
    hostArch: '',
    pathMappings: {},
    maxFileSizeMB: 8,
    reportUnusedSuppressions: false,
    hostChecks: { concurrency: 4, timeoutSeconds: 60, sshConfig: '', binaries: [], units: [], inventory: '' },
    trace: { server: 'off' },
  });
});

test('valid settings pass through', () => {
  const { settings, problems } = readSettings({
    rules: { GDL101: 'off' },
    envDialects: { '*.env': 'compose' },
    goVersion: '1.24',
    systemdVersion: 257,
  });
  assert.deepEqual(problems, []);
  assert.equal(settings.rules['GDL101'], 'off');
  assert.equal(settings.systemdVersion, 257);
});

test('an invalid key is reported and falls back alone', () => {
  const { settings, problems } = readSettings({ rules: { GDL101: 'loud' }, goVersion: 'latest', systemdVersion: 255 });
  assert.equal(problems.length, 2);
  assert.match(problems.join('\n'), /goDeployLint\.rules/);
  assert.match(problems.join('\n'), /goDeployLint\.goVersion/);
  assert.deepEqual(settings.rules, {});
  assert.equal(settings.systemdVersion, 255);
});

test('garbage input gives defaults', () => {
  assert.deepEqual(readSettings(null).settings, DEFAULT_SETTINGS);
  assert.deepEqual(readSettings('x').settings, DEFAULT_SETTINGS);
});
