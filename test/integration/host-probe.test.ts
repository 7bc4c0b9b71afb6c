// The probe itself: runs under dash, busybox sh and bash against prepared roots, gives the same report in each,
// cannot be forged by values, and runs where the file system is read-only.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { rawProbeCommand } from '../../server/src/host/ansible';
import { shellQuote } from '../../server/src/protocol';
import { parseHostReport, valueOf, recordsOf } from '../../server/src/parsers/host-report/parse';
import { hostFacts } from '../../server/src/parsers/host-report/facts';
import { LineIndex } from '../../server/src/text/line-index';
import { codesOf, PROBE, runProbe } from '../support/probe';
import { requireTools } from '../support/tools';

const SHELLS: readonly (readonly string[])[] = [['dash'], ['busybox', 'sh'], ['bash', '--posix']];

/** What each prepared root must produce (GDL519 depends on this machine's ulimit and is left out). */
const EXPECTED: Record<string, { codes: string[]; facts: (f: ReturnType<typeof hostFacts>) => void }> = {
  alpine: {
    codes: ['GDL505', 'GDL509'],
    facts: (f) => {
      assert.equal(f.osRelease.get('ID'), 'alpine');
      assert.equal(f.musl, true);
      assert.equal(f.glibcVersion, undefined);
      assert.equal(f.pid1, 'init');
      assert.equal(f.cgroup, 'v2');
      assert.deepEqual(
        f.goOnPath.map((g) => [g.path, g.version]),
        [['/usr/local/go/bin/go', 'go1.23.4']],
      );
      assert.deepEqual(f.binaries[0]?.glibc, ['GLIBC_2.2.5', 'GLIBC_2.34']);
    },
  },
  debian: {
    codes: ['GDL502', 'GDL505', 'GDL507', 'GDL508'],
    facts: (f) => {
      assert.equal(f.osRelease.get('VERSION_ID'), '12');
      assert.equal(f.glibcVersion, '2.36');
      assert.equal(f.musl, false);
      assert.equal(f.binfmt.mounted, true);
      assert.deepEqual(
        f.binfmt.entries.map((e) => [e.name, e.enabled, e.flags]),
        [['qemu-aarch64', true, 'POCF']],
      );
      assert.equal(f.binaries[0]?.elf?.machine, 183);
    },
  },
  centos7: {
    codes: ['GDL501', 'GDL504', 'GDL515', 'GDL516'],
    facts: (f) => {
      assert.equal(f.cgroup, 'v1');
      assert.equal(f.glibcVersion, '2.17');
    },
  },
  scratch: {
    codes: ['GDL501', 'GDL505', 'GDL509', 'GDL510', 'GDL511', 'GDL512'],
    facts: (f) => {
      assert.equal(f.loaders.length, 0);
      assert.equal(f.osRelease.size, 0);
    },
  },
  macos: {
    codes: ['GDL518'],
    facts: (f) => {
      assert.equal(f.os, 'Darwin');
      assert.equal(f.cgroup, 'none');
    },
  },
};

for (const [root, want] of Object.entries(EXPECTED)) {
  test(`probe on a ${root} root: same report under dash, busybox sh and bash; expected findings`, (t) => {
    const found = requireTools(t, ['dash', 'busybox', 'bash']);
    if (found === undefined) return;
    const outputs = SHELLS.map((sh) => runProbe(sh, root, ['-b', '/app/server']));
    for (const [i, o] of outputs.entries()) {
      assert.equal(o.status, 0, `${SHELLS[i]?.join(' ')}: ${o.stderr}`);
      assert.equal(o.stderr, '', `${SHELLS[i]?.join(' ')} wrote to stderr`);
    }
    assert.equal(outputs[1]?.output, outputs[0]?.output, 'busybox sh differs from dash');
    assert.equal(outputs[2]?.output, outputs[0]?.output, 'bash differs from dash');
    const report = parseHostReport(new LineIndex(outputs[0]?.output ?? '')).ast;
    assert.equal(report.version, 1);
    assert.equal(report.complete, true);
    want.facts(hostFacts(report));
    assert.deepEqual(codesOf(outputs[0]?.output ?? ''), want.codes);
  });
}

test('short values are hex-encoded without tr exactly as with it, in every shell and IFS', (t) => {
  if (requireTools(t, ['dash', 'busybox', 'bash']) === undefined) return;
  // hex() and hexw() as the probe defines them, then both on values with blanks, newlines, globs and high bytes.
  const probe = fs.readFileSync(PROBE, 'utf8');
  const defs = /^hex\(\) .*$/m.exec(probe)?.[0];
  const hexw = /^hexw\(\) \{[\s\S]*?^\}$/m.exec(probe)?.[0];
  assert.ok(defs !== undefined && hexw !== undefined);
  const values = [
    '',
    'a',
    ' lead and trail ',
    'two\nlines\n',
    'tab\there',
    '* ? [a]',
    '\u00e9\u4e2d',
    'x'.repeat(3000),
  ];
  const script = `${defs}\n${hexw}\nfor v in "$@"; do a=$(printf '%s' "$v" | hex); b=$(printf '%s' "$v" | hexw); if [ "$a" = "$b" ]; then echo same; else echo "differs: $a $b"; fi; done; IFS=:; x=$(printf 'a b' | hexw); echo "ifs-after:$IFS:$x"`;
  for (const shell of SHELLS) {
    const r = spawnSync(shell[0] as string, [...shell.slice(1), '-c', script, 'sh', ...values], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.deepEqual(
      lines.slice(0, values.length),
      values.map(() => 'same'),
      `${shell.join(' ')}: ${r.stdout}`,
    );
    // The caller's IFS is kept, and splitting inside hexw does not depend on it.
    assert.equal(lines[values.length], 'ifs-after:::612062', shell.join(' '));
  }
});

test('values cannot forge records: a HOME holding newlines and record text stays one value', (t) => {
  if (requireTools(t, ['dash']) === undefined) return;
  const forged = `/x\npid1 ${Buffer.from('systemd').toString('hex')}\nGDLPROBE-END\nbin_sh 70726573656e74`;
  const o = runProbe(['dash'], 'scratch', [], { HOME: forged });
  const report = parseHostReport(new LineIndex(o.output)).ast;
  assert.equal(valueOf(report, 'home'), forged);
  assert.deepEqual(
    recordsOf(report, 'pid1').map((r) => r.values[0]),
    ['server'],
  );
  assert.deepEqual(
    recordsOf(report, 'bin_sh').map((r) => r.values[0]),
    ['missing'],
  );
  assert.equal(report.complete, true);
});

test('a binary path with spaces and quotes is one argument and one record', (t) => {
  if (requireTools(t, ['dash']) === undefined) return;
  const o = runProbe(['dash'], 'alpine', ['-b', "/app/my 'odd' $(id) server"]);
  const report = parseHostReport(new LineIndex(o.output)).ast;
  assert.deepEqual(
    recordsOf(report, 'binary_missing').map((r) => r.values[0]),
    ["/app/my 'odd' $(id) server"],
  );
});

/**
 * Runs `sh -c COMMAND` in a user and mount namespace where every mount is remounted read-only (checked: a write
 * fails first). Undefined when user namespaces are unavailable here (skipped, or a failure in CI).
 */
function readOnlyRun(t: { skip: (m: string) => void }, command: string): ReturnType<typeof spawnSync> | undefined {
  const remount = `awk '{print $2}' /proc/mounts | while read -r m; do mount -o remount,bind,ro "$m" 2>/dev/null; done; if touch /tmp/.gdl-rw-check 2>/dev/null; then echo WRITABLE >&2; exit 9; fi; exec sh -c "$1"`;
  const ro = spawnSync('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', remount, 'sh', command], {
    encoding: 'latin1',
    env: { PATH: '/usr/bin:/bin', HOME: '/nonexistent' },
  });
  if (ro.status !== 0 && /Operation not permitted|unshare failed/.test(String(ro.stderr))) {
    if (process.env.GDL_REQUIRE_E2E === '1') assert.fail(`user namespaces unavailable: ${String(ro.stderr)}`);
    t.skip(`user namespaces unavailable here: ${String(ro.stderr).trim()}`);
    return undefined;
  }
  assert.equal(ro.status, 0, String(ro.stderr));
  return ro;
}

test('read-only proof: on a read-only file system the probe completes with the same report', (t) => {
  if (requireTools(t, ['unshare', 'dash']) === undefined) return;
  const ro = readOnlyRun(t, `exec dash ${shellQuote(PROBE)}`);
  if (ro === undefined) return;
  const rw = spawnSync('unshare', ['--user', '--map-root-user', '--mount', 'dash', PROBE], {
    encoding: 'latin1',
    env: { PATH: '/usr/bin:/bin', HOME: '/nonexistent' },
  });
  const a = parseHostReport(new LineIndex(String(ro.stdout))).ast;
  const b = parseHostReport(new LineIndex(rw.stdout)).ast;
  assert.equal(a.complete, true);
  // Journal queries look at a moving window; everything else must be identical.
  const stable = (r: typeof a): string[] =>
    r.records.filter((x) => x.key !== 'avc_denials').map((x) => `${x.key} ${x.values.join(' ')}`);
  assert.deepEqual(stable(a), stable(b));
});

test('read-only proof for Ansible: the raw-module command (probe piped through base64 into sh -s) on a read-only file system', (t) => {
  if (requireTools(t, ['unshare', 'dash', 'base64']) === undefined) return;
  const ro = readOnlyRun(t, rawProbeCommand(20, [], []));
  if (ro === undefined) return;
  const report = parseHostReport(new LineIndex(String(ro.stdout))).ast;
  assert.equal(report.complete, true);
  assert.ok(report.records.length > 10);
});

test('only regular files are read: a FIFO or a device named as a binary does not hang the probe', (t) => {
  if (requireTools(t, ['dash', 'mkfifo']) === undefined) return;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-probe-special-'));
  try {
    fs.mkdirSync(path.join(root, 'app'));
    spawnSync('mkfifo', [path.join(root, 'app', 'fifo')]);
    fs.symlinkSync('/dev/zero', path.join(root, 'app', 'zero'));
    const o = runProbe(['dash'], 'scratch', ['-b', '/app/fifo', '-b', '/app/zero'], { GDL_PROBE_ROOT: root });
    assert.equal(o.status, 0, o.stderr);
    const report = parseHostReport(new LineIndex(o.output)).ast;
    assert.equal(report.complete, true);
    assert.deepEqual(
      recordsOf(report, 'binary_missing').map((r) => r.values[0]),
      ['/app/fifo', '/app/zero'],
    );
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

/** A folder of fake commands put first on PATH for a probe run against this machine (no GDL_PROBE_ROOT). */
function fakeBin(scripts: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-probe-bin-'));
  for (const [name, body] of Object.entries(scripts))
    fs.writeFileSync(path.join(dir, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return dir;
}

test('ExecStart= arguments never leave the host: only the executable path is sent', (t) => {
  if (requireTools(t, ['dash']) === undefined) return;
  const bin = fakeBin({
    systemctl: [
      'case "$*" in',
      '  *"-p ExecStart "*) echo "ExecStart={ path=/usr/local/bin/api ; argv[]=/usr/local/bin/api --db-password=hunter2 ; ignore_errors=no ; start_time=[n/a] }" ;;',
      '  *"show"*) printf "LoadState=loaded\\nActiveState=active\\nUser=api\\n" ;;',
      '  *) echo "systemd 252 (252.30-1~deb12u2)" ;;',
      'esac',
    ].join('\n'),
  });
  try {
    const r = spawnSync('dash', [PROBE, '-u', 'api.service'], {
      encoding: 'latin1',
      env: { HOME: '/nonexistent', PATH: `${bin}:/usr/bin:/bin` },
      timeout: 30_000,
    });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(!r.stdout.includes(Buffer.from('hunter2').toString('hex')), 'an ExecStart= argument was sent');
    const unit = recordsOf(parseHostReport(new LineIndex(r.stdout)).ast, 'unit').map((x) => x.values[0] ?? '');
    assert.equal(unit.length, 1);
    assert.match(
      unit[0] ?? '',
      /^api\.service LoadState=loaded\x1eActiveState=active\x1eUser=api\x1eExecStart=\/usr\/local\/bin\/api\x1e$/,
    );
  } finally {
    fs.rmSync(bin, { recursive: true, force: true });
  }
});

test('go env runs with GOTOOLCHAIN=local, so a scan never downloads a toolchain', (t) => {
  if (requireTools(t, ['dash']) === undefined) return;
  const bin = fakeBin({ go: 'echo "GOTOOLCHAIN=${GOTOOLCHAIN:-unset} GOTELEMETRY=${GOTELEMETRY:-unset}"' });
  try {
    const r = spawnSync('dash', [PROBE], {
      encoding: 'latin1',
      env: { HOME: '/nonexistent', PATH: `${bin}:/usr/bin:/bin`, GOTOOLCHAIN: 'go1.99.0' },
      timeout: 30_000,
    });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(valueOf(parseHostReport(new LineIndex(r.stdout)).ast, 'go_env'), 'GOTOOLCHAIN=local GOTELEMETRY=off');
  } finally {
    fs.rmSync(bin, { recursive: true, force: true });
  }
});
