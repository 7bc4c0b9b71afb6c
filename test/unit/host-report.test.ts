// The report parser and the editor's host report: real captured output, hostile output, scan command argv.
import { RECORD_KEYS } from '../../server/src/parsers/host-report/keys';
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseInventoryGraph } from '../../server/src/host/ansible';
import { barChart, failedFleetHost, fleetMarkdown } from '../../server/src/host/fleet';
import type { HostSummary } from '../../server/src/host/host-report';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { hostFacts } from '../../server/src/parsers/host-report/facts';
import { hasGoBuildIdNote } from '../../server/src/knowledge/elf';
import { hostReportResult } from '../../server/src/lsp/host-report';
import { parseHostReport, recordsOf, valueOf } from '../../server/src/parsers/host-report/parse';
import { scanCommand } from '../../server/src/protocol';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { LineIndex } from '../../server/src/text/line-index';
import { FsProject } from '../../server/src/workspace/project';
import { sshConfigHosts, sshConfigHostsOf, validDestination } from '../../client/src/ssh-hosts';
import { readableRecord, printable } from '../../client/src/terminal-text';
import { ROOT } from '../support/fixture-files';
import { HOST_WORKSPACE } from '../support/probe';

const hex = (s: string): string => Buffer.from(s, 'latin1').toString('hex');
const rec = (key: string, ...values: string[]): string => `${key} ${values.map(hex).join(' ')}`;
const parse = (text: string): ReturnType<typeof parseHostReport>['ast'] => parseHostReport(new LineIndex(text)).ast;

test('captured output of a Debian 12 container parses into the expected facts', () => {
  const text = fs.readFileSync(
    path.join(ROOT, 'test', 'fixtures', 'host', 'captured', 'debian12-container.gdlprobe'),
    'latin1',
  );
  const report = parse(text);
  assert.equal(report.version, 1);
  assert.equal(report.complete, true);
  const f = hostFacts(report);
  assert.equal(f.os, 'Linux');
  assert.equal(f.arch, 'x86_64');
  assert.equal(f.osRelease.get('VERSION_ID'), '12');
  assert.equal(f.systemdVersion, 252);
  assert.equal(f.glibcVersion, '2.36');
  assert.equal(f.musl, false);
  const ssh = f.binaries.find((b) => b.path === '/usr/bin/ssh');
  assert.equal(ssh?.elf?.machine, 62);
  assert.equal(ssh?.elf?.interpreter, '/lib64/ld-linux-x86-64.so.2');
  assert.ok(ssh?.glibc.includes('GLIBC_2.17'));
  assert.equal(f.binaries.find((b) => b.path === '/bin/busybox')?.elf?.machine, 62);
  assert.equal(f.binaries.find((b) => b.path === '/nonexistent/app')?.missing, true);
  assert.deepEqual(
    f.binfmtD.map((b) => path.basename(b.path)),
    ['llvm-14-runtime.binfmt.conf', 'python3.11.conf'],
  );
});

test('ANSI escapes around records (a colouring login shell) do not hide them', () => {
  const text = [
    '\x1b[0m\x1b[32mWelcome\x1b[0m',
    'GDLPROBE 1',
    `\x1b[0m${rec('pid1', 'systemd')}\x1b[K`,
    'GDLPROBE-END',
  ].join('\r\n');
  const report = parse(text);
  assert.equal(valueOf(report, 'pid1'), 'systemd');
  assert.equal(report.complete, true);
});

test('records before the header, after the end, with odd or non-hex values, or upper-case keys are ignored', () => {
  const text = [
    rec('pid1', 'forged-before'),
    'GDLPROBE 1',
    'pid1 73797',
    'pid1 zz',
    'PID1 73',
    `pid1 ${hex('init')} extra`,
    rec('pid1', 'real'),
    'GDLPROBE-END',
    rec('pid1', 'forged-after'),
  ].join('\n');
  assert.deepEqual(
    recordsOf(parse(text), 'pid1').map((r) => r.values[0]),
    ['real'],
  );
});

test('an output without header or end is reported as such, never thrown on', () => {
  const none = parse('ssh: connect to host x port 22: Connection refused\n');
  assert.equal(none.version, undefined);
  assert.equal(none.records.length, 0);
  const partial = parse(`GDLPROBE 1\n${rec('uname_s', 'Linux')}\n`);
  assert.equal(partial.complete, false);
  const result = hostReportResult(
    'web-1',
    `GDLPROBE 1\n${rec('uname_s', 'Linux')}\n`,
    DEFAULT_SETTINGS,
    new FsProject([HOST_WORKSPACE]),
  );
  assert.match(result.markdown, /did not finish/);
  assert.equal(result.complete, false);
});

test('10 MB of output: parsed without throwing, records kept, noise dropped', () => {
  const noise = 'x'.repeat(1000);
  const lines = ['GDLPROBE 1'];
  for (let i = 0; i < 10_000; i++) lines.push(i % 2 === 0 ? noise : rec('loader', `/lib/ld-${i}.so`));
  lines.push('GDLPROBE-END');
  const text = lines.join('\n');
  assert.ok(text.length > 5_000_000);
  const report = parse(text + '\n' + 'y'.repeat(5_000_000));
  assert.equal(recordsOf(report, 'loader').length, 5000);
  assert.equal(report.complete, true);
});

test('the Markdown report escapes host-controlled text and links rule docs', () => {
  const text = [
    'GDLPROBE 1',
    rec('uname_s', 'Linux'),
    rec('uname_m', 'x86_64'),
    rec('os_release', '/etc/os-release', 'PRETTY_NAME="<img src=x onerror=alert(1)> [pwn](http://e)"\n'),
    rec('pid1', 'init'),
    rec('bin_sh', 'missing'),
    'GDLPROBE-END',
  ].join('\n');
  const r = hostReportResult('web-1', text, DEFAULT_SETTINGS, new FsProject([HOST_WORKSPACE]));
  assert.ok(!/(^|[^\\])<img/.test(r.markdown), r.markdown);
  assert.ok(!/(^|[^\\])\[pwn\]/.test(r.markdown), r.markdown);
  assert.ok(r.markdown.includes('\\<img'));
  assert.match(r.markdown, /\[GDL510\]\(GDL510-no-bin-sh\.md\)/);
  assert.match(r.markdown, /evidence: `bin_sh` missing/);
  assert.equal(r.files[0]?.uri, 'go-deploy-lint-host-report:/web-1.gdlprobe');
  assert.ok(r.files[0]?.diagnostics.some((d) => d.code === 'GDL510'));
});

test('findings about workspace files are also published on those files', () => {
  const text = [
    'GDLPROBE 1',
    rec('uname_s', 'Linux'),
    rec('pid1', 'systemd'),
    rec('systemd_version', 'systemd 219 (219-78.el7)'),
    rec('cgroup', 'v1'),
    'GDLPROBE-END',
  ].join('\n');
  const r = hostReportResult('old-host', text, DEFAULT_SETTINGS, new FsProject([HOST_WORKSPACE]));
  const onUnits = r.files.filter((f) => f.uri.startsWith('file:'));
  assert.ok(onUnits.length > 0, 'no workspace file got a diagnostic');
  for (const f of onUnits) for (const d of f.diagnostics) assert.match(String(d.message), /^old-host: /);
  assert.ok(onUnits.some((f) => f.diagnostics.some((d) => d.code === 'GDL517')));
});

test('GDL516 on a cgroup v1 host: a short list of the v2 settings, one related location per setting', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-cgroup-'));
  try {
    const dir = path.join(root, 'etc/systemd/system');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'a.service'),
      '[Service]\nExecStart=/usr/local/bin/a\nMemoryMax=1G\nMemoryHigh=800M\nCPUWeight=50\n',
    );
    fs.writeFileSync(
      path.join(dir, 'b.service'),
      '[Service]\nExecStart=/usr/local/bin/b\nMemoryMax=2G\nIOWeight=50\nMemoryLow=100M\n',
    );
    const text = [
      'GDLPROBE 1',
      rec('uname_s', 'Linux'),
      rec('pid1', 'systemd'),
      rec('cgroup', 'v1'),
      'GDLPROBE-END',
    ].join('\n');
    const r = hostReportResult('h', text, DEFAULT_SETTINGS, new FsProject([root]));
    const d = r.files
      .flatMap((f) => f.diagnostics)
      .find((x) => x.code === 'GDL516' && !String(x.message).startsWith('h: '));
    assert.ok(d !== undefined);
    assert.match(
      String(d.message),
      /but MemoryMax=, MemoryHigh=, CPUWeight= and 2 more in workspace units need v2; boot with cgroup v2 or add MemoryLimit=, CPUShares=, BlockIOWeight= too/,
    );
    assert.deepEqual((d.relatedInformation ?? []).map((x) => x.message).sort(), [
      'CPUWeight= in a.service',
      'IOWeight= in b.service',
      'MemoryHigh= in a.service',
      'MemoryLow= in b.service',
      'MemoryMax= in a.service',
    ]);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('scan command: an argument array with batch mode, a timeout and -- before the destination', () => {
  const { command, args } = scanCommand({
    host: 'deploy@web-1',
    binaries: ["/srv/it's"],
    units: ['api.service'],
    sshConfig: '/tmp/cfg',
  });
  assert.equal(command, 'ssh');
  assert.deepEqual(args.slice(0, 5), ['-o', 'BatchMode=yes', '-o', 'ConnectTimeout=10', '-T']);
  assert.deepEqual(args.slice(5, 9), ['-F', '/tmp/cfg', '--', 'deploy@web-1']);
  assert.equal(args[9], `'sh' '-s' '--' '-b' '/srv/it'\\''s' '-u' 'api.service'`);
  // A destination that looks like an option stays a destination (after --); spaces or NUL are refused.
  assert.equal(scanCommand({ host: '-oProxyCommand=x' }).args.at(-2), '-oProxyCommand=x');
  assert.throws(() => scanCommand({ host: 'a b' }));
  assert.throws(() => scanCommand({ host: 'a\0b' }));
  assert.deepEqual(scanCommand({ host: undefined }), { command: 'sh', args: ['-s', '--'] });
});

test('picker: Host names of an ssh config, without patterns; destinations validated', () => {
  const cfg =
    'Host *\n  User x\nHost web-1 web-2 !bad\n  HostName 10.0.0.1\nHost db-?\nMatch host foo\n  User y\nHost "quoted"\n';
  assert.deepEqual(sshConfigHosts(cfg), ['web-1', 'web-2', 'quoted']);
  assert.deepEqual(sshConfigHosts('Host\n\0\0 garbage \\'), []);
  assert.equal(validDestination('deploy@web-1'), undefined);
  assert.ok(validDestination('-oProxyCommand=x') !== undefined);
  assert.ok(validDestination('a b') !== undefined);
  assert.ok(validDestination('') !== undefined);
});

test('picker: Include lines are followed as ssh follows them (relative to ~/.ssh, globs sorted, ~ expanded, bounded)', () => {
  const files: Record<string, string> = {
    '/home/u/.ssh/config': 'Include config.d/*.conf ~/extra/hosts\nHost main\n',
    '/home/u/.ssh/config.d/b.conf': 'Host bravo\n',
    '/home/u/.ssh/config.d/a.conf': 'Host alpha *.example\nInclude loop\n',
    '/home/u/.ssh/config.d/notes.txt': 'Host ignored\n',
    '/home/u/.ssh/loop': 'Include loop\nHost looped\n',
    '/home/u/extra/hosts': 'Host extra\n',
  };
  const hosts = sshConfigHostsOf('/home/u/.ssh/config', {
    home: '/home/u',
    read: (f) => files[f],
    list: (d) =>
      Object.keys(files)
        .filter((f) => f.startsWith(`${d}/`) && !f.slice(d.length + 1).includes('/'))
        .map((f) => f.slice(d.length + 1)),
  });
  assert.deepEqual(hosts, ['alpha', 'looped', 'bravo', 'extra', 'main']);
});

test('terminal lines: records decoded for people, control sequences from the host neutralised', () => {
  assert.equal(readableRecord(rec('pid1', 'systemd')).trim(), 'pid1             systemd'.trim());
  assert.ok(!readableRecord(rec('home', '\x1b]0;pwned\x07/root')).includes('\x1b'));
  assert.equal(printable('ok\x1b[31mred\x1b[0m\x07'), 'okred?');
  // An 8-bit CSI (C1) is a control sequence too.
  assert.equal(printable('a\x9b2Jb'), 'a?2Jb');
});

test('units named by the user appear in the report with their systemctl properties', () => {
  const text = [
    'GDLPROBE 1',
    rec('uname_s', 'Linux'),
    rec('unit', 'api.service LoadState=loaded\x1eActiveState=active\x1eMemoryMax=536870912\x1e'),
    rec('unit', 'gone.service '),
    'GDLPROBE-END',
  ].join('\n');
  const r = hostReportResult('web-1', text, DEFAULT_SETTINGS, new FsProject([HOST_WORKSPACE]));
  assert.match(r.markdown, /\| Unit api\.service \| LoadState=loaded; ActiveState=active; MemoryMax=536870912 \|/);
  assert.match(r.markdown, /\| Unit gone\.service \| no properties/);
});

test('a binary whose first page holds the Go build ID note is a Go program', () => {
  const head = Buffer.alloc(128);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]).copy(head, 0);
  Buffer.from([4, 0, 0, 0, 0x53, 0, 0, 0, 4, 0, 0, 0, 0x47, 0x6f, 0, 0]).copy(head, 64);
  assert.equal(hasGoBuildIdNote(head), true);
  // Big-endian targets (s390x, ppc64) write the note words big-endian.
  const be = Buffer.alloc(128);
  Buffer.from([0, 0, 0, 4, 0, 0, 0, 0x53, 0, 0, 0, 4, 0x47, 0x6f, 0, 0]).copy(be, 64);
  assert.equal(hasGoBuildIdNote(be), true);
  // "Go" in some other place of a C program's header is not the note.
  const c = Buffer.alloc(128);
  Buffer.from('Go\0\0').copy(c, 40);
  assert.equal(hasGoBuildIdNote(c), false);
});

test('the record keys readers know are exactly the keys probe.sh writes', () => {
  const script = fs.readFileSync(path.join(ROOT, 'server', 'src', 'host', 'probe.sh'), 'utf8');
  const written = new Set(
    [...script.matchAll(/\bemit(?:file)?\s+([a-z0-9_]+)/g), ...script.matchAll(/printf '([a-z0-9_]+) %s/g)].map(
      (m) => m[1] ?? '',
    ),
  );
  assert.deepEqual([...written].sort(), [...RECORD_KEYS].sort());
});

test('the Markdown report shows code spans as code and says which init runs and which systemd is installed', () => {
  const hex = (s: string): string => Buffer.from(s).toString('hex');
  const text = [
    'GDLPROBE 1',
    `pid1 ${hex('process_api')}`,
    `systemd_version ${hex('systemd 252 (252.39-1~deb12u1)')}`,
    `uname_s ${hex('Linux')}`,
    'GDLPROBE-END',
    '',
  ].join('\n');
  const r = hostReportResult('web-1', text, DEFAULT_SETTINGS, new FsProject([HOST_WORKSPACE]));
  assert.match(r.markdown, /\| init \| `process_api` \(not systemd\); systemd 252 is installed \|/);
  assert.match(r.markdown, /PID 1 is `process_api`, not systemd/);
  assert.doesNotMatch(r.markdown, /\\`process_api\\`/);
});

test('inventory groups from ansible-inventory --graph: hosts below each group, a group under two parents once', () => {
  const graph = [
    '@all:',
    '  |--@ungrouped:',
    '  |--@prod:',
    '  |  |--@web:',
    '  |  |  |--web-01',
    '  |  |  |--web-02',
    '  |  |--@db:',
    '  |  |  |--db-01',
    '  |--@edge:',
    '  |  |--@web:',
    '  |  |  |--web-01',
    '  |  |  |--web-02',
    '  |--@empty:',
    '  |--@loner:',
    '  |  |--solo\r',
    '',
  ].join('\n');
  const { groups, hosts } = parseInventoryGraph(graph);
  assert.deepEqual(hosts, ['web-01', 'web-02', 'db-01', 'solo']);
  assert.deepEqual(
    groups.map((g) => [g.name, [...g.hosts]]),
    [
      ['db', ['db-01']],
      ['edge', ['web-01', 'web-02']],
      ['loner', ['solo']],
      ['prod', ['web-01', 'web-02', 'db-01']],
      ['web', ['web-01', 'web-02']],
    ],
  );
  assert.deepEqual(parseInventoryGraph('@all:\n  |--@ungrouped:\n'), { groups: [], hosts: [] });
});

test('fleet report: hosts per rule, Go versions without "unknown, unknown", host names escaped, links as given', () => {
  const summary = (go: string[]): HostSummary => ({
    os: 'Debian GNU/Linux 12 (bookworm)',
    arch: 'x86_64',
    init: 'systemd',
    systemd: 252,
    libc: 'glibc 2.36',
    go,
  });
  const md = fleetMarkdown(
    [
      { name: 'web-01', summary: summary(['1.22.1', 'unknown', 'unknown']), findings: [] },
      { name: 'web|02', summary: summary([]), findings: [] },
      failedFleetHost('db-01', 'unreachable: Connection refused'),
    ],
    { chart: (name) => `${name}.svg`, host: (name) => `#${name}`, rule: () => 'rule.md' },
  );
  assert.match(md, /^3 hosts scanned: 2 answered, 1 gave no report\.$/m);
  assert.match(md, /\| \[web-01\]\(#web-01\) \|.*\| 1\.22\.1, 2 of unknown version \| 0 \|/);
  assert.doesNotMatch(md, /unknown, unknown/);
  // A host name cannot break the table: the pipe is escaped.
  assert.match(md, /\[web\\\|02\]/);
  assert.match(md, /\| db-01 \| unreachable: Connection refused \|/);
  assert.match(md, /<img alt="Go on PATH" src="go\.svg">/);
  assert.match(md, /No findings on any host that answered\./);
});

test('fleet charts: labels from the hosts are escaped, control characters (not allowed in XML) become spaces', () => {
  const svg = barChart('C library <of hosts>', [['glibc\x01 2.36 <b>&', 3]], 3);
  assert.doesNotMatch(svg, /[\x00-\x08\x0b\x0c\x0e-\x1f]/);
  assert.match(svg, />glibc {2}2\.36 &lt;b&gt;&amp;</);
  assert.match(svg, />C library &lt;of hosts&gt;</);
});
