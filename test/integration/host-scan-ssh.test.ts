// `go-deploy-lint scan` end to end over real ssh: sshd on 127.0.0.1 with temporary keys, then stopped.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli, type CliRun } from '../support/cli';
import { HOST_WORKSPACE } from '../support/probe';
import { sshdPath, startSshd, type TestSshd, sshdOrSkip } from '../support/sshd';
import { findTool } from '../support/tools';

let sshd: TestSshd | undefined;
let unavailable = '';

before(async () => {
  if (sshdPath() === undefined || findTool('ssh') === undefined)
    unavailable = 'openssh-server/openssh-client not installed (.ci/run installs them)';
  else sshd = await startSshd();
});
after(async () => {
  await sshd?.stop();
});

function cli(args: string[]): CliRun {
  return runCli(args, { cwd: HOST_WORKSPACE, timeoutMs: 60_000 });
}

function needSshd(t: { skip: (m: string) => void }): TestSshd | undefined {
  return sshdOrSkip(sshd, unavailable, t);
}

interface JsonReport {
  files: { path: string; diagnostics: { code: string }[] }[];
}

test('scan over ssh finds what a local scan finds (same machine)', (t) => {
  const s = needSshd(t);
  if (s === undefined) return;
  const remote = cli([
    'scan',
    '--ssh',
    s.alias,
    '--ssh-config',
    s.sshConfig,
    '--binary',
    '/usr/bin/ssh',
    '--format',
    'json',
    '--fail-on',
    'none',
  ]);
  assert.equal(remote.code, 0, remote.stderr);
  const local = cli(['scan', '--binary', '/usr/bin/ssh', '--format', 'json', '--fail-on', 'none']);
  assert.equal(local.code, 0, local.stderr);
  const r = JSON.parse(remote.stdout) as JsonReport;
  const l = JSON.parse(local.stdout) as JsonReport;
  assert.equal(r.files[0]?.path, s.alias);
  assert.deepEqual(
    r.files[0]?.diagnostics.map((f) => f.code).sort(),
    l.files[0]?.diagnostics.map((f) => f.code).sort(),
  );
});

test('several hosts in one scan, SARIF output', (t) => {
  const s = needSshd(t);
  if (s === undefined) return;
  const r = cli([
    'scan',
    '--ssh',
    s.alias,
    '--ssh',
    `${os.userInfo().username}@${s.alias}`,
    '--ssh-config',
    s.sshConfig,
    '--format',
    'sarif',
    '--fail-on',
    'none',
  ]);
  assert.equal(r.code, 0, r.stderr);
  const sarif = JSON.parse(r.stdout) as {
    runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
  };
  assert.equal(sarif.runs.length, 1);
  // Each host's findings are located in that host's report, and both hosts (the same machine) report the same rules.
  const byHost = new Map<string, string[]>();
  for (const res of sarif.runs[0]?.results ?? []) {
    const host = res.locations[0]?.physicalLocation.artifactLocation.uri ?? '';
    byHost.set(host, [...(byHost.get(host) ?? []), res.ruleId].sort());
  }
  const user = `${os.userInfo().username}@${s.alias}`;
  assert.deepEqual(
    [...byHost.keys()].sort(),
    [s.alias, user]
      .sort()
      .map((h) => encodeURI(h))
      .sort(),
  );
  assert.ok((byHost.get(s.alias) ?? []).length > 0);
  assert.deepEqual(byHost.get(s.alias), byHost.get(encodeURI(user)));
});

test('an unreachable host is an I/O error (exit 2) with the reason', (t) => {
  const s = needSshd(t);
  if (s === undefined) return;
  const cfg = path.join(s.dir, 'bad_config');
  fs.writeFileSync(cfg, fs.readFileSync(s.sshConfig, 'utf8').replace(/Port \d+/, 'Port 1'));
  const r = cli(['scan', '--ssh', s.alias, '--ssh-config', cfg]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /cannot scan gdl-test-host: .*(refused|port 1)/i);
});

test('a destination that looks like an ssh option is not run as one', (t) => {
  const s = needSshd(t);
  if (s === undefined) return;
  const marker = path.join(s.dir, 'pwned');
  const r = cli(['scan', '--ssh', `-oProxyCommand=touch${'\t'}${marker}`, '--ssh-config', s.sshConfig]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--ssh destination .* contains whitespace or control characters/);
  const r2 = cli(['scan', '--ssh', `-oProxyCommand=sh -c 'touch ${marker}'`, '--ssh-config', s.sshConfig]);
  assert.equal(r2.code, 2);
  assert.match(r2.stderr, /--ssh destination .* contains whitespace or control characters/);
  const r3 = cli(['scan', '--ssh', `-oProxyCommand=/usr/bin/touch`, '--ssh-config', s.sshConfig]);
  assert.equal(r3.code, 2, 'ssh must treat it as a host name, not an option');
  assert.equal(fs.existsSync(marker), false);
});

test('on a timeout nothing of the probe keeps running on the host: the remote side stops itself', async (t) => {
  if (needSshd(t) === undefined) return;
  // A host where the probe gets stuck at 100 % CPU: the sshd puts a `uname` that never ends first on PATH.
  const fake = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-stuck-'));
  fs.writeFileSync(path.join(fake, 'uname'), '#!/bin/sh\nwhile :; do :; done\n', { mode: 0o755 });
  const stuck = await startSshd({ extraConfig: [`SetEnv PATH=${fake}:/usr/bin:/bin`] });
  const running = (): string => spawnSync('pgrep', ['-af', `${fake}/uname`], { encoding: 'utf8' }).stdout.trim();
  try {
    const r = cli(['scan', '--ssh', stuck.alias, '--ssh-config', stuck.sshConfig, '--timeout', '6']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot scan gdl-test-host: /);
    // The probe's watchdog stopped its process group 2 s before the client gave up on ssh.
    assert.equal(running(), '', 'probe processes still running on the host after the scan ended');
  } finally {
    spawnSync('pkill', ['-f', `${fake}/uname`]);
    await stuck.stop();
    fs.rmSync(fake, { recursive: true, force: true });
  }
});
