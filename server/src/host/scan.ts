// Owns running a scan: spawn the scan command (argument array) in its own process group, feed the probe on stdin,
// stream output to the caller, bound time and output, and stop the whole group on timeout or abort.
import type { ChildProcess } from 'node:child_process';
import { remoteDeadlineSeconds, scanCommand, type ScanTarget } from '../protocol';
import { probeScript } from './probe-script';

export interface ScanResult {
  readonly output: string;
  readonly stderr: string;
  readonly code: number | null;
  readonly timedOut: boolean;
  /** Stopped through the abort signal. */
  readonly cancelled: boolean;
  readonly ms: number;
}

export interface ScanOptions {
  readonly timeoutMs?: number;
  /** Probe output as it arrives (latin1: records are ASCII, anything else is kept byte for byte). */
  readonly onData?: (chunk: string) => void;
  readonly onStderr?: (chunk: string) => void;
  readonly signal?: AbortSignal;
}

const MAX_OUTPUT = 16 * 1024 * 1024;
const MAX_STDERR = 65_536;

/** Signals the child's whole process group (it is spawned detached), falling back to the child alone. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

export function runScan(target: ScanTarget, opts: ScanOptions = {}): Promise<ScanResult> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  // The remote side gives up two seconds before we do: killing ssh alone leaves a stuck probe running on the host.
  const deadlineSeconds = target.deadlineSeconds ?? remoteDeadlineSeconds(timeoutMs);
  const { command, args } = scanCommand({ ...target, deadlineSeconds });
  const t0 = Date.now();
  return new Promise((resolve) => {
    // Its own process group: stopping the scan also stops what ssh started (a ProxyCommand keeps our pipes open).
    // Loaded here, not at startup: `lint` never starts a process and should not pay for child_process.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { spawn } = require('node:child_process') as typeof import('node:child_process');
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    let output = '';
    let stderr = '';
    let timedOut = false;
    let cancelled = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child, 'SIGKILL');
    }, timeoutMs);
    const abort = (): void => {
      cancelled = true;
      killGroup(child, 'SIGTERM');
    };
    if (opts.signal?.aborted === true) abort();
    opts.signal?.addEventListener('abort', abort, { once: true });
    child.stdout.setEncoding('latin1');
    child.stdout.on('data', (d: string) => {
      if (output.length < MAX_OUTPUT) output += d;
      opts.onData?.(d);
    });
    child.stderr.on('data', (d: Buffer) => {
      const text = d.toString();
      if (stderr.length < MAX_STDERR) stderr += text;
      opts.onStderr?.(text);
    });
    child.on('error', (e) => {
      stderr += String(e.message);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', abort);
      resolve({ output, stderr, code, timedOut, cancelled, ms: Date.now() - t0 });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(probeScript());
  });
}
