// Owns running a scan: spawn the scan command (argument array), feed the probe on stdin, bound time and output.
import { spawn } from 'node:child_process';
import { scanCommand, type ScanTarget } from '../protocol';
import { probeScript } from './probe-script';

export interface ScanResult {
  readonly output: string;
  readonly stderr: string;
  readonly code: number | null;
  readonly timedOut: boolean;
  readonly ms: number;
}

const MAX_OUTPUT = 16 * 1024 * 1024;

export function runScan(target: ScanTarget, opts: { readonly timeoutMs?: number; readonly onData?: (chunk: string) => void } = {}): Promise<ScanResult> {
  const { command, args } = scanCommand(target);
  const t0 = Date.now();
  return new Promise((resolve) => {
    // Its own process group, so a timeout also stops what ssh started (a ProxyCommand keeps our pipes open).
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    let output = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, opts.timeoutMs ?? 60_000);
    child.stdout.setEncoding('latin1');
    child.stdout.on('data', (d: string) => {
      if (output.length < MAX_OUTPUT) output += d;
      opts.onData?.(d);
    });
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < 65536) stderr += d.toString();
    });
    child.on('error', (e) => {
      stderr += String(e.message);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ output, stderr, code, timedOut, ms: Date.now() - t0 });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(probeScript());
  });
}
