// Owns a throwaway sshd for tests: 127.0.0.1, a free port, temporary host and user keys, an ssh_config alias.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export interface TestSshd {
  /** ssh_config file with the alias below (key, port, no known_hosts writes). */
  readonly sshConfig: string;
  readonly alias: string;
  readonly port: number;
  readonly dir: string;
  /**
   * Resolves when sshd logs a line matching `pattern` after this call (the file is watched, not polled); rejects
   * after `timeoutMs`.
   */
  logged(pattern: RegExp, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export function sshdPath(): string | undefined {
  for (const p of ['/usr/sbin/sshd', '/usr/local/sbin/sshd']) if (fs.existsSync(p)) return p;
  const r = spawnSync('sh', ['-c', 'command -v sshd'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * Resolves when sshd's log says that it listens, rejects when it exits first. The log is a file (`-E`), not a pipe:
 * a pipe to this process fills up while the test blocks in spawnSync (a CLI scanning many hosts), and then every
 * sshd session blocks on its next log line, which hangs the connections mid-scan.
 */
function listening(child: ChildProcess, log: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error): void => {
      clearInterval(poll);
      clearTimeout(bound);
      child.off('exit', onExit);
      if (error === undefined) resolve();
      else reject(error);
    };
    const poll = setInterval(() => {
      if (/Server listening on 127\.0\.0\.1/.test(log())) done();
    }, 20);
    const onExit = (): void => done(new Error(`sshd exited: ${log()}`));
    // A bound, not a pause: an sshd that neither listens nor exits within it is a failure.
    const bound = setTimeout(() => done(new Error(`sshd did not report listening: ${log()}`)), 10_000);
    child.once('exit', onExit);
  });
}

/** Starts sshd for the current user; the caller must call stop(). */
export async function startSshd(opts: { readonly extraConfig?: readonly string[] } = {}): Promise<TestSshd> {
  const sshd = sshdPath();
  if (sshd === undefined) throw new Error('sshd not installed');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-sshd-'));
  const keygen = (name: string): void => {
    const r = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(dir, name)], {
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`ssh-keygen: ${r.stderr}`);
  };
  keygen('host_key');
  keygen('user_key');
  fs.copyFileSync(path.join(dir, 'user_key.pub'), path.join(dir, 'authorized_keys'));
  fs.chmodSync(path.join(dir, 'authorized_keys'), 0o600);
  const user = os.userInfo().username;
  const port = await freePort();
  fs.writeFileSync(
    path.join(dir, 'sshd_config'),
    [
      `ListenAddress 127.0.0.1`,
      `Port ${port}`,
      `HostKey ${dir}/host_key`,
      `AuthorizedKeysFile ${dir}/authorized_keys`,
      `PidFile ${dir}/sshd.pid`,
      'StrictModes no',
      'UsePAM no',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      `AllowUsers ${user}`,
      'MaxStartups 50:30:100',
      'MaxSessions 50',
      // Inventory tests point a host's probe at a prepared root (ssh -o SetEnv=GDL_PROBE_ROOT=…).
      'AcceptEnv GDL_PROBE_ROOT',
      ...(opts.extraConfig ?? []),
      '',
    ].join('\n'),
  );
  const alias = 'gdl-test-host';
  const sshConfig = path.join(dir, 'ssh_config');
  fs.writeFileSync(
    sshConfig,
    [
      `Host ${alias}`,
      '  HostName 127.0.0.1',
      `  Port ${port}`,
      `  User ${user}`,
      `  IdentityFile ${dir}/user_key`,
      '  IdentitiesOnly yes',
      '  StrictHostKeyChecking no',
      '  UserKnownHostsFile /dev/null',
      '  LogLevel ERROR',
      '',
    ].join('\n'),
  );
  // Privilege separation needs this directory when sshd runs as root.
  if (process.getuid?.() === 0) fs.mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const logFile = path.join(dir, 'sshd.log');
  const child = spawn(sshd, ['-D', '-E', logFile, '-f', path.join(dir, 'sshd_config')], { stdio: 'ignore' });
  const log = (): string => {
    try {
      return fs.readFileSync(logFile, 'utf8').slice(-100_000);
    } catch {
      return '';
    }
  };
  try {
    await listening(child, log);
  } catch (error) {
    // A server that never listened leaves nothing behind: no process, no keys.
    child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    sshConfig,
    alias,
    port,
    dir,
    logged: (pattern, timeoutMs = 30_000) =>
      new Promise<void>((resolve, reject) => {
        const done = (error?: Error): void => {
          watcher.close();
          clearTimeout(bound);
          if (error === undefined) resolve();
          else reject(error);
        };
        const from = fs.statSync(logFile).size;
        const check = (): void => {
          let added: string;
          try {
            added = fs.readFileSync(logFile).subarray(from).toString('utf8');
          } catch {
            return;
          }
          if (pattern.test(added)) done();
        };
        const watcher = fs.watch(logFile, check);
        const bound = setTimeout(() => done(new Error(`sshd never logged ${String(pattern)}`)), timeoutMs);
        check();
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        const done = (): void => {
          fs.rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}

/** What one inventory host differs in: another port (nothing listening: unreachable), a prepared probe root. */
export interface TestHostVars {
  readonly port?: number;
  /** GDL_PROBE_ROOT on the host (sent with ssh SetEnv): the probe reads its files under this folder. */
  readonly root?: string;
}

/**
 * An Ansible inventory (INI) whose hosts all reach this sshd (or the given port), with its key and without
 * known_hosts writes; `groups` maps a group name to host names, and `vars` sets a host's port or probe root.
 */
export function writeInventory(
  file: string,
  sshd: TestSshd,
  groups: Readonly<Record<string, readonly string[]>>,
  vars: Readonly<Record<string, TestHostVars>> = {},
): void {
  const lines: string[] = [];
  for (const [group, hosts] of Object.entries(groups)) {
    lines.push(`[${group}]`);
    for (const h of hosts) {
      const v = vars[h] ?? {};
      const root = v.root === undefined ? '' : ` ansible_ssh_extra_args="-o SetEnv=GDL_PROBE_ROOT=${v.root}"`;
      lines.push(`${h} ansible_host=127.0.0.1 ansible_port=${v.port ?? sshd.port}${root}`);
    }
  }
  lines.push(
    '[all:vars]',
    `ansible_user=${os.userInfo().username}`,
    `ansible_ssh_private_key_file=${path.join(sshd.dir, 'user_key')}`,
    'ansible_ssh_common_args=-o UserKnownHostsFile=/dev/null -o StrictHostKeyChecking=no -o LogLevel=ERROR',
    // No ControlPersist master: it would outlive the test by a minute, holding a connection to the sshd it stops.
    'ansible_ssh_args=-o ControlMaster=no',
    '',
  );
  fs.writeFileSync(file, lines.join('\n'));
}

/**
 * The running sshd, or undefined after skipping the test: in CI (GDL_REQUIRE_E2E=1) a missing tool is a failure,
 * never a skip counted as a pass.
 */
export function sshdOrSkip(
  sshd: TestSshd | undefined,
  unavailable: string,
  t: { skip: (m: string) => void },
): TestSshd | undefined {
  if (sshd !== undefined) return sshd;
  if (process.env.GDL_REQUIRE_E2E === '1') throw new Error(unavailable);
  t.skip(unavailable);
  return undefined;
}
