// Owns the `go-deploy-lint` task type: a pseudoterminal that runs the probe (ssh argument array, probe on stdin).
import * as vscode from 'vscode';
import { remoteDeadlineSeconds, scanCommand, type ScanTarget } from '../../server/src/protocol';
import { runScan } from '../../server/src/host/scan';
import { readableRecord, printable } from './terminal-text';
import { ScanPseudoterminal, type OutcomeHandler } from './scan-terminal-base';

export const TASK_TYPE = 'go-deploy-lint';

export interface ScanTaskDefinition extends vscode.TaskDefinition {
  readonly type: typeof TASK_TYPE;
  /** ssh destination; absent for this machine. */
  readonly host?: string;
  readonly binaries?: string[];
  readonly units?: string[];
  readonly sshConfig?: string;
}

export interface ScanOutcome {
  readonly host: string;
  readonly output: string;
  readonly stderr: string;
  readonly code: number | null;
  readonly cancelled: boolean;
  readonly timedOut: boolean;
}

export function hostLabel(def: Pick<ScanTaskDefinition, 'host'>): string {
  return def.host ?? 'this machine';
}

/** Runs one scan in a terminal; `finished` settles when the process ends (or the terminal is closed). */
export class ScanTerminal extends ScanPseudoterminal<ScanOutcome> {
  constructor(
    private readonly def: ScanTaskDefinition,
    private readonly timeoutMs: number,
    /** Called with the outcome; returns the line to print before the terminal closes. */
    onOutcome: OutcomeHandler<ScanOutcome>,
  ) {
    super(onOutcome);
  }

  open(): void {
    const target: ScanTarget = {
      host: this.def.host,
      binaries: this.def.binaries ?? [],
      units: this.def.units ?? [],
      ...(this.def.sshConfig ? { sshConfig: this.def.sshConfig } : {}),
      deadlineSeconds: remoteDeadlineSeconds(this.timeoutMs),
    };
    let cmd: { command: string; args: string[] };
    try {
      cmd = scanCommand(target);
    } catch (e) {
      this.line(`Go Deploy Lint: ${(e as Error).message}`);
      this.finish({
        host: hostLabel(this.def),
        output: '',
        stderr: (e as Error).message,
        code: null,
        cancelled: false,
        timedOut: false,
      });
      return;
    }
    this.line(`Go Deploy Lint: probing ${hostLabel(this.def)} (read-only)…`);
    this.line(
      `$ ${[cmd.command, ...cmd.args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a)))].join(' ')} < probe.sh`,
    );
    let pending = '';
    const label = hostLabel(this.def);
    void runScan(target, {
      timeoutMs: this.timeoutMs,
      signal: this.abort.signal,
      onData: (d) => {
        pending += d;
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const l of lines) this.line(readableRecord(l.replace(/\r$/, '')));
      },
      onStderr: (text) => {
        for (const l of text.split('\n')) if (l.trim() !== '') this.line(`\x1b[33m${printable(l)}\x1b[0m`);
      },
    }).then((r) => {
      if (pending !== '') this.line(readableRecord(pending));
      this.finish({
        host: label,
        output: r.output,
        stderr: r.stderr,
        code: r.code,
        cancelled: r.cancelled,
        timedOut: r.timedOut,
      });
    });
  }
}
