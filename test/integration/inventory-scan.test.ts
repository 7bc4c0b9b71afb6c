// `go-deploy-lint scan --inventory`: Ansible reads the inventory and runs the probe (raw module) against sshd on
// 127.0.0.1; groups, host vars, --limit, an unreachable host, and the same findings as our own ssh runner.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI, runCli, type CliRun } from '../support/cli';
import { HOST_WORKSPACE, ROOTS } from '../support/probe';
import { sshdPath, startSshd, writeInventory, type TestSshd, sshdOrSkip } from '../support/sshd';
import { findTool } from '../support/tools';
import { inventoryGroups } from '../../server/src/host/ansible';
import { shellQuote } from '../../server/src/protocol';

let sshd: TestSshd | undefined;
let unavailable = '';
let dir = '';
let inventory = '';

/** A loopback port nothing listens on (bound, then released). */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

before(async () => {
  if (sshdPath() === undefined || findTool('ssh') === undefined)
    unavailable = 'openssh-server/openssh-client not installed';
  else if (findTool('ansible') === undefined) unavailable = 'ansible-core not installed (.ci/run installs it)';
  else {
    sshd = await startSshd();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-inventory-'));
    inventory = path.join(dir, 'hosts.ini');
    // Groups and host vars: web-01/web-02 reach sshd; edge-01 too, with its probe reading a prepared Alpine root;
    // db-01 is a port nothing listens on; slow-01's probe blocks on a FIFO until its deadline stops it.
    const slow = path.join(dir, 'slow-root');
    fs.mkdirSync(path.join(slow, 'proc', '1'), { recursive: true });
    const fifo = spawnSync('mkfifo', [path.join(slow, 'proc', '1', 'comm')]);
    assert.equal(fifo.status, 0, 'mkfifo');
    writeInventory(
      inventory,
      sshd,
      { web: ['web-01', 'web-02'], db: ['db-01'], edge: ['edge-01'], slow: ['slow-01'] },
      {
        'db-01': { port: await closedPort() },
        'edge-01': { root: path.join(ROOTS, 'alpine') },
        'slow-01': { root: slow },
      },
    );
  }
});
after(async () => {
  await sshd?.stop();
  if (dir !== '') fs.rmSync(dir, { recursive: true, force: true });
});

function cli(args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
  // Ansible keeps its temporary files under HOME: a throwaway one. (The inventory turns ControlPersist off.)
  return runCli(args, { cwd: HOST_WORKSPACE, timeoutMs: 120_000, env: { ...process.env, HOME: dir, ...env } });
}

function needAnsible(t: { skip: (m: string) => void }): TestSshd | undefined {
  return sshdOrSkip(sshd, unavailable, t);
}

interface JsonReport {
  files: { path: string; diagnostics: { code: string }[] }[];
}

test('an inventory scan: hosts from the inventory, run by Ansible; the unreachable one is reported and fails the run', (t) => {
  if (needAnsible(t) === undefined) return;
  const r = cli(['scan', '--inventory', inventory, '--limit', 'web:db', '--root', '.', '--fail-on', 'none']);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stdout, /Fleet: 2 of 3 hosts answered/);
  assert.match(r.stdout, /GDL5\d\d [a-z-]+ \([a-z]+\): 2 of 2 hosts: web-01, web-02/);
  assert.match(r.stdout, /db-01: no report: unreachable: .*Connection refused/);
  assert.match(r.stderr, /db-01: unreachable/);
  // stderr is not a terminal here: no progress lines.
  assert.doesNotMatch(r.stderr, /\d+\/\d+ hosts/);
});

test('progress on stderr when it is a terminal: hosts done / total and those without a report', (t) => {
  if (needAnsible(t) === undefined) return;
  const script = findTool('script');
  if (script === undefined) {
    if (process.env.GDL_REQUIRE_E2E === '1') assert.fail('script (util-linux) not installed');
    t.skip('script (util-linux) not installed');
    return;
  }
  // script(1) gives the CLI a pseudo-terminal; its stdout and stderr both arrive on script's stdout.
  const command = [process.execPath, CLI, 'scan', '--inventory', inventory, '--limit', 'web:db', '--fail-on', 'none']
    .map(shellQuote)
    .join(' ');
  const r = spawnSync(script, ['-qec', command, '/dev/null'], {
    cwd: HOST_WORKSPACE,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, HOME: dir },
  });
  assert.equal(r.status, 2, r.stdout);
  assert.match(r.stdout, /\rgo-deploy-lint: 3\/3 hosts, 1 without a report/);
});

test('--limit selects hosts with an Ansible pattern; the findings equal those of our own ssh runner', (t) => {
  const s = needAnsible(t);
  if (s === undefined) return;
  const viaAnsible = cli(['scan', '--inventory', inventory, '--limit', 'web', '--format', 'json', '--fail-on', 'none']);
  assert.equal(viaAnsible.code, 0, viaAnsible.stderr);
  const a = JSON.parse(viaAnsible.stdout) as JsonReport;
  assert.deepEqual(
    a.files.map((f) => f.path),
    ['web-01', 'web-02'],
  );
  const viaSsh = cli(['scan', '--ssh', s.alias, '--ssh-config', s.sshConfig, '--format', 'json', '--fail-on', 'none']);
  assert.equal(viaSsh.code, 0, viaSsh.stderr);
  const b = JSON.parse(viaSsh.stdout) as JsonReport;
  const codes = (r: JsonReport, i: number): string[] => (r.files[i]?.diagnostics.map((d) => d.code) ?? []).sort();
  assert.ok(codes(a, 0).length > 0);
  assert.deepEqual(codes(a, 0), codes(b, 0));
  assert.deepEqual(codes(a, 1), codes(b, 0));
});

test('JSON has a hosts list (status, facts, codes); --report writes a Markdown fleet report with SVG charts', (t) => {
  if (needAnsible(t) === undefined) return;
  const report = path.join(dir, 'fleet.md');
  const r = cli([
    'scan',
    '--inventory',
    inventory,
    '--limit',
    'all:!slow',
    '--format',
    'json',
    '--report',
    report,
    '--fail-on',
    'none',
  ]);
  assert.equal(r.code, 2, r.stderr);
  const j = JSON.parse(r.stdout) as {
    hosts: { name: string; status: string; problem?: string; facts?: { libc: string }; codes: string[] }[];
  };
  assert.deepEqual(
    j.hosts.map((h) => [h.name, h.status]),
    [
      ['web-01', 'ok'],
      ['web-02', 'ok'],
      ['db-01', 'no-report'],
      ['edge-01', 'ok'],
    ],
  );
  assert.match(j.hosts[0]?.facts?.libc ?? '', /glibc|musl/);
  // The prepared root is what the probe read on edge-01: the host's own facts, not the machine's.
  assert.equal(j.hosts[3]?.facts?.libc, 'musl');
  assert.ok((j.hosts[0]?.codes.length ?? 0) > 0);
  assert.match(j.hosts[2]?.problem ?? '', /unreachable/);
  const md = fs.readFileSync(report, 'utf8');
  assert.match(md, /4 hosts scanned: 3 answered, 1 gave no report/);
  assert.match(md, /<img alt="Hosts per finding" src="fleet-findings\.svg">/);
  assert.match(md, /\| db-01 \| unreachable/);
  // Rules link to their pages; hosts to their section below.
  assert.match(md, /\| \[GDL5\d\d\]\(https:\/\/[^)]+\/docs\/rules\/GDL5\d\d-[a-z0-9-]+\.md\) /);
  assert.match(md, /\[edge-01\]\(#edge-01\)/);
  assert.match(md, /^### edge-01$/m);
  const os = fs.readFileSync(path.join(dir, 'fleet-os.svg'), 'utf8');
  assert.match(os, />Alpine Linux v3\.20</);
  for (const chart of ['findings', 'os', 'libc', 'init', 'systemd', 'go']) {
    const svg = fs.readFileSync(path.join(dir, `fleet-${chart}.svg`), 'utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.ok(!/https?:\/\/(?!www\.w3\.org)/.test(svg), 'no network references');
  }
});

test('a host whose probe does not finish in time: reported as timed out, within the timeout, the others unaffected', (t) => {
  if (needAnsible(t) === undefined) return;
  const t0 = Date.now();
  const r = cli(['scan', '--inventory', inventory, '--limit', 'slow:web-01', '--timeout', '6', '--format', 'json']);
  const took = Date.now() - t0;
  assert.equal(r.code, 2, r.stderr);
  const j = JSON.parse(r.stdout) as { hosts: { name: string; status: string; problem?: string }[] };
  const byName = new Map(j.hosts.map((h) => [h.name, h]));
  assert.equal(byName.get('web-01')?.status, 'ok');
  assert.equal(byName.get('slow-01')?.status, 'no-report');
  assert.match(byName.get('slow-01')?.problem ?? '', /^timed out: the probe stopped itself after 4 s$/);
  assert.match(r.stderr, /slow-01: timed out/);
  // Bounded by the timeout plus Ansible's start-up, not by the probe that would block forever.
  assert.ok(took < 40_000, `took ${took} ms`);
});

test("the groups and hosts of an inventory as ansible-inventory lists them (for the editor's picker)", async (t) => {
  if (needAnsible(t) === undefined) return;
  const { groups, hosts, error } = await inventoryGroups(inventory);
  assert.equal(error, undefined);
  assert.deepEqual(hosts.sort(), ['db-01', 'edge-01', 'slow-01', 'web-01', 'web-02']);
  assert.deepEqual(
    groups.map((g) => [g.name, [...g.hosts]]),
    [
      ['db', ['db-01']],
      ['edge', ['edge-01']],
      ['slow', ['slow-01']],
      ['web', ['web-01', 'web-02']],
    ],
  );
  const nested = path.join(dir, 'nested.ini');
  fs.writeFileSync(nested, '[a]\nh1\n[b]\nh2\n[prod:children]\na\nb\n[empty]\n');
  assert.deepEqual(
    (await inventoryGroups(nested)).groups.map((g) => [g.name, [...g.hosts]]),
    [
      ['a', ['h1']],
      ['b', ['h2']],
      ['prod', ['h1', 'h2']],
    ],
  );
  assert.match((await inventoryGroups(path.join(dir, 'missing.ini'))).error ?? '', /.+/);
});

test('SARIF: each host is a logical location of its findings', (t) => {
  if (needAnsible(t) === undefined) return;
  const r = cli(['scan', '--inventory', inventory, '--limit', 'web', '--format', 'sarif', '--fail-on', 'none']);
  assert.equal(r.code, 0, r.stderr);
  const sarif = JSON.parse(r.stdout) as {
    runs: { results: { locations: { logicalLocations?: { name: string; kind: string }[] }[] }[] }[];
  };
  const names = new Set(
    (sarif.runs[0]?.results ?? []).flatMap((x) =>
      x.locations.flatMap((l) => (l.logicalLocations ?? []).map((g) => g.name)),
    ),
  );
  assert.deepEqual([...names].sort(), ['web-01', 'web-02']);
});

test('without Ansible: a clear message that names the package, exit 2', (t) => {
  if (needAnsible(t) === undefined) return;
  const r = cli(['scan', '--inventory', inventory], { PATH: '/nonexistent' });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /install the ansible-core package/);
});

test('--inventory and --ssh do not mix; --limit needs --inventory', () => {
  assert.match(cli(['scan', '--inventory', 'x.ini', '--ssh', 'h']).stderr, /do not mix/);
  assert.match(cli(['scan', '--limit', 'web']).stderr, /--limit needs --inventory/);
});
