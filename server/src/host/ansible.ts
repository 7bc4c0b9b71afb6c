// Owns running the probe through Ansible: hosts and connection settings come from an inventory (`ansible
// --list-hosts`; `ansible-inventory --graph` for the editor's picker), the probe runs with the `raw` module (nothing
// copied to the host, no Python needed there, read-only as ever: the script is piped to `sh -s`), one JSON result per
// host from ansible-core's own `--tree` output.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { probeScript } from './probe-script';
import { oneLine } from '../text/printable';
import { shellQuote } from '../protocol';

/** The Debian package that brings `ansible` and `ansible-inventory`. */
export const ANSIBLE_PACKAGE = 'ansible-core';

export interface InventoryHostResult {
  /** The probe's output, when the host answered. */
  readonly output?: string;
  /** Why there is no output: unreachable, failed, timed out. */
  readonly problem?: string;
}

export interface InventoryProgress {
  readonly done: number;
  readonly total: number;
  /** Hosts done without a report so far (unreachable, failed, timed out). */
  readonly failed: number;
  /** The host that just finished, with `ok` false when it gave no report. */
  readonly host?: string;
  readonly ok?: boolean;
}

export interface InventoryOptions {
  readonly inventory: string;
  /** Ansible host pattern (`--limit`); default `all`. */
  readonly limit?: string;
  readonly forks: number;
  /** Per host: the probe stops itself 2 s before; Ansible's connection timeout is bounded by it too. */
  readonly timeoutSeconds: number;
  readonly binaries: readonly string[];
  readonly units: readonly string[];
  /** Progress: called as each host finishes, and once at the end (without `host`). */
  readonly onHostDone?: (p: InventoryProgress) => void;
  /** Aborting stops Ansible and every connection it opened; the hosts without a result are reported as cancelled. */
  readonly signal?: AbortSignal;
}

function childProcess(): typeof import('node:child_process') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node:child_process') as typeof import('node:child_process');
}

interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The program is not installed (ENOENT). */
  readonly missing: boolean;
}

/** A command's exit status and output; never rejects (a missing program is status null with the error as stderr). */
function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<RunResult> {
  return new Promise((resolve) => {
    childProcess().execFile(
      command,
      args,
      { encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024, env },
      (error, stdout, stderr) => {
        const code = (error as { code?: unknown } | null)?.code;
        resolve({
          status: error === null ? 0 : typeof code === 'number' ? code : null,
          stdout,
          stderr: stderr !== '' ? stderr : error !== null ? error.message : '',
          missing: code === 'ENOENT',
        });
      },
    );
  });
}

/** What to install when Ansible is missing. */
export const ANSIBLE_MISSING = `inventory scans need Ansible: install the ${ANSIBLE_PACKAGE} package (apt-get install ${ANSIBLE_PACKAGE}); scans of ssh hosts (--ssh, Scan Host) work without it`;

const ANSIBLE_ENV = {
  // Results come from `--tree` (a builtin of ansible-core: the json callback lives in a collection that
  // ansible-core alone does not have). One line per host on stdout, no colour, no retry files, and no pty, so the
  // probe's output stays byte-exact.
  ANSIBLE_STDOUT_CALLBACK: 'oneline',
  ANSIBLE_NOCOLOR: '1',
  ANSIBLE_RETRY_FILES_ENABLED: '0',
  ANSIBLE_SSH_USETTY: 'False',
};

/** The inventory's hosts that the pattern selects, as Ansible itself resolves groups, patterns and limits. */
export async function inventoryHosts(
  inventory: string,
  limit: string | undefined,
): Promise<{ hosts: string[]; error?: string }> {
  const r = await run('ansible', [limit ?? 'all', '-i', inventory, '--list-hosts'], {
    ...process.env,
    ANSIBLE_NOCOLOR: '1',
  });
  if (r.missing) return { hosts: [], error: ANSIBLE_MISSING };
  if (r.status !== 0)
    return { hosts: [], error: (r.stderr || r.stdout).trim().split('\n').pop() ?? `exit ${String(r.status)}` };
  const hosts = r.stdout
    .split('\n')
    .slice(1)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return { hosts };
}

export interface InventoryGroup {
  readonly name: string;
  /** Every host of the group, its child groups' included, in inventory order. */
  readonly hosts: readonly string[];
}

/**
 * Groups and hosts from `ansible-inventory --graph` (`@all:`, then `  |--@web:`, `  |  |--web-01`, three characters
 * per level): each group with every host below it, `all` and empty groups left out, names sorted. A group under two
 * parents is printed twice and counted once.
 */
export function parseInventoryGraph(graph: string): { groups: InventoryGroup[]; hosts: string[] } {
  const members = new Map<string, Set<string>>();
  const all = new Set<string>();
  const stack: string[] = [];
  for (const raw of graph.split('\n')) {
    const line = raw.trimEnd();
    const at = line.indexOf('|--');
    if (!line.startsWith('@') && at < 0) continue;
    const depth = at < 0 ? 0 : (at + 1) / 3;
    const entry = at < 0 ? line : line.slice(at + 3);
    stack.length = Math.min(stack.length, depth);
    if (entry.startsWith('@')) {
      const group = entry.slice(1).replace(/:$/, '');
      stack.push(group);
      if (!members.has(group)) members.set(group, new Set());
      continue;
    }
    all.add(entry);
    for (const g of stack) members.get(g)?.add(entry);
  }
  const groups = [...members]
    .filter(([name, hosts]) => name !== 'all' && hosts.size > 0)
    .map(([name, hosts]) => ({ name, hosts: [...hosts] }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { groups, hosts: [...all] };
}

/**
 * The groups and hosts of an inventory, for the editor's picker. `--graph` prints names only: host variables, which
 * can hold passwords, never reach this process (`--list` would print them all).
 */
export async function inventoryGroups(
  inventory: string,
): Promise<{ groups: InventoryGroup[]; hosts: string[]; error?: string }> {
  const r = await run('ansible-inventory', ['-i', inventory, '--graph'], { ...process.env, ANSIBLE_NOCOLOR: '1' });
  if (r.missing) return { groups: [], hosts: [], error: ANSIBLE_MISSING };
  if (r.status !== 0 || r.stdout === '')
    return { groups: [], hosts: [], error: r.stderr.trim().split('\n').pop() ?? `exit ${String(r.status)}` };
  const { groups, hosts } = parseInventoryGraph(r.stdout);
  // A file Ansible cannot parse is a warning and an empty inventory for ansible-inventory (exit 0).
  if (hosts.length === 0)
    return {
      groups: [],
      hosts,
      error: /\[WARNING\]: (.*)/.exec(r.stderr)?.[1]?.trim() ?? `no hosts in ${inventory}`,
    };
  return { groups, hosts };
}

/** The remote command: the probe, base64-encoded, decoded into `sh -s` (nothing is written on the host). */
export function rawProbeCommand(
  deadlineSeconds: number,
  binaries: readonly string[],
  units: readonly string[],
): string {
  const script = Buffer.from(probeScript(), 'utf8').toString('base64');
  const args = [
    '-t',
    String(Math.max(1, deadlineSeconds)),
    ...binaries.flatMap((b) => ['-b', b]),
    ...units.flatMap((u) => ['-u', u]),
  ];
  // setsid (util-linux, busybox) puts the probe in a process group of its own: its deadline then stops the probe
  // alone, the command's shell survives and Ansible reports exit 143 with the output so far. Without setsid the
  // deadline ends the whole session, and ssh reports it like a lost connection.
  return `s=; command -v setsid >/dev/null 2>&1 && s=setsid; echo ${script} | base64 -d | $s sh -s -- ${args.map(shellQuote).join(' ')}`;
}

interface RawResult {
  readonly stdout?: string;
  readonly msg?: string;
  readonly rc?: number;
  readonly unreachable?: boolean;
  readonly failed?: boolean;
}

/** What an inventory scan gives: each selected host's output or problem. */
export interface InventoryRun {
  /** The selected hosts, in inventory order. */
  readonly hosts: readonly string[];
  readonly results: ReadonlyMap<string, InventoryHostResult>;
  /** Why nothing ran: Ansible missing, an inventory it cannot read, no host matching. */
  readonly error?: string;
}

/**
 * Lists the selected hosts and runs the probe on them through Ansible. Both start at once: each `ansible` start costs
 * a Python start-up (0.6 s here), and the run does not need the list, only the report does.
 */
export async function probeInventory(opts: InventoryOptions): Promise<InventoryRun> {
  const abort = new AbortController();
  const onAbort = (): void => abort.abort();
  if (opts.signal?.aborted === true) abort.abort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const listing = inventoryHosts(opts.inventory, opts.limit).then((l) =>
    l.error !== undefined
      ? l
      : l.hosts.length === 0
        ? { hosts: [], error: `no hosts in ${opts.inventory}${opts.limit !== undefined ? ` match ${opts.limit}` : ''}` }
        : l,
  );
  const running = runInventory(
    { ...opts, signal: abort.signal },
    listing.then((l) => {
      if (l.error !== undefined) abort.abort();
      return l.hosts;
    }),
  );
  const [listed, results] = await Promise.all([listing, running]);
  opts.signal?.removeEventListener('abort', onAbort);
  return listed.error !== undefined
    ? { hosts: [], results: new Map(), error: listed.error }
    : { hosts: listed.hosts, results };
}

/** Runs the probe on every selected host through `ansible -m raw` and returns each host's output or problem. */
function runInventory(
  opts: InventoryOptions,
  selected: Promise<readonly string[]>,
): Promise<Map<string, InventoryHostResult>> {
  const deadline = Math.max(1, opts.timeoutSeconds - 2);
  let hosts: readonly string[] | undefined;
  const args = [
    opts.limit ?? 'all',
    '-i',
    opts.inventory,
    '-m',
    'raw',
    '-a',
    rawProbeCommand(deadline, opts.binaries, opts.units),
    '--forks',
    String(opts.forks),
    '-T',
    String(Math.min(30, opts.timeoutSeconds)),
    // Ansible's own bound per host, for a host whose connection hangs after it opened: the probe has stopped itself
    // by then (2 s earlier).
    '--task-timeout',
    String(opts.timeoutSeconds),
  ];
  // The tree folder is on this machine (the controller): one JSON file per host, removed afterwards.
  const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-ansible-'));
  return new Promise((resolve) => {
    const child = childProcess().spawn('ansible', [...args, '--tree', tree], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...ANSIBLE_ENV },
      detached: true,
    });
    let stderr = '';
    let timedOut = false;
    let cancelled = false;
    // Progress: a host is done when its result file appears.
    const seen = new Set<string>();
    let failed = 0;
    const report = (): void => {
      if (hosts === undefined) return;
      const total = hosts.length;
      let names: string[];
      try {
        names = fs.readdirSync(tree);
      } catch {
        return;
      }
      for (const n of names) {
        if (seen.has(n)) continue;
        // A file still being written does not parse yet: it is read again on the next tick.
        let r: RawResult;
        try {
          r = JSON.parse(fs.readFileSync(path.join(tree, n), 'utf8')) as RawResult;
        } catch {
          continue;
        }
        seen.add(n);
        const ok = hostResult(r, deadline, opts.timeoutSeconds).problem === undefined;
        if (!ok) failed++;
        opts.onHostDone?.({ done: seen.size, total, failed, host: n, ok });
      }
    };
    const poll = setInterval(report, 250);
    const stop = (): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    // Ansible runs forks hosts at a time: the whole run is bounded by the waves, plus start-up.
    let totalMs = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    void selected.then((h) => {
      hosts = h;
      const waves = Math.max(1, Math.ceil(h.length / Math.max(1, opts.forks)));
      totalMs = (waves * opts.timeoutSeconds + 30) * 1000;
      timer = setTimeout(() => {
        timedOut = true;
        stop();
      }, totalMs);
    });
    const onAbort = (): void => {
      cancelled = true;
      stop();
    };
    if (opts.signal?.aborted === true) onAbort();
    else opts.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.resume();
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < 65_536) stderr += d.toString();
    });
    child.on('error', (e) => {
      if (stderr.length < 65_536) stderr += `${e.message}\n`;
    });
    child.on('close', () => void selected.then((h) => finish(h)));
    const finish = (all: readonly string[]): void => {
      hosts = all;
      clearTimeout(timer);
      clearInterval(poll);
      report();
      opts.signal?.removeEventListener('abort', onAbort);
      const results = new Map<string, InventoryHostResult>();
      for (const host of all) {
        let r: RawResult | undefined;
        try {
          r = JSON.parse(fs.readFileSync(path.join(tree, host), 'utf8')) as RawResult;
        } catch {
          r = undefined;
        }
        if (r === undefined)
          results.set(host, {
            problem: cancelled
              ? 'cancelled'
              : timedOut
                ? `timed out after ${Math.round(totalMs / 1000)} s`
                : `no result from ansible${stderr.trim() !== '' ? `: ${stderr.trim().split('\n').pop() ?? ''}` : ''}`,
          });
        else results.set(host, hostResult(r, deadline, opts.timeoutSeconds));
      }
      fs.rmSync(tree, { recursive: true, force: true });
      opts.onHostDone?.({
        done: all.length,
        total: all.length,
        failed: [...results.values()].filter((r) => r.problem !== undefined).length,
      });
      resolve(results);
    };
  });
}

/** One host's result file: the probe's output, or why there is none. */
function hostResult(r: RawResult, deadline: number, timeoutSeconds: number): InventoryHostResult {
  if (r.unreachable === true) return { problem: `unreachable: ${reason(r.msg)}` };
  if (typeof r.stdout === 'string' && r.stdout.includes('GDLPROBE-END')) return { output: r.stdout };
  // The probe's watchdog ends its process group with SIGTERM (exit 143); Ansible's task timeout says so in msg.
  if (r.rc === 143 || r.rc === -15) return { problem: `timed out: the probe stopped itself after ${deadline} s` };
  if (/timed out/i.test(r.msg ?? '')) return { problem: `timed out after ${timeoutSeconds} s` };
  const msg = r.msg !== undefined && r.msg !== '' ? `: ${reason(r.msg)}` : '';
  return { problem: `the probe did not finish (exit ${String(r.rc ?? '?')}${msg})` };
}

/** Ansible's message for a host, on one line, without the prefix that repeats on every connection failure. */
function reason(s: string | undefined): string {
  const text = oneLine((s ?? '').replace(/^Failed to connect to the host via ssh: /, ''), 300);
  // ssh says nothing when the session ends by a signal: a probe stopping itself on a host without setsid ends so.
  return text !== ''
    ? text
    : 'ssh ended without a message (the session was killed, e.g. a probe that hit its deadline on a host without setsid)';
}
