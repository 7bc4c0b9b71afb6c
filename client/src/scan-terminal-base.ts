// Owns what every scan terminal shares: writing lines, settling `finished` once with the outcome, printing the
// handler's summary before closing with its exit code, and stopping the scan when the terminal is closed.
import * as vscode from 'vscode';

export type OutcomeHandler<O> = (o: O) => Promise<{ summary: string; exitCode: number }>;

export abstract class ScanPseudoterminal<O> implements vscode.Pseudoterminal {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  private readonly closeEmitter = new vscode.EventEmitter<number>();
  readonly onDidWrite = this.writeEmitter.event;
  readonly onDidClose = this.closeEmitter.event;
  /** Aborted when the user closes the terminal or the task is terminated. */
  protected readonly abort = new AbortController();
  private settle: ((o: O) => void) | undefined;
  /** Settles when the scan ends (or the terminal is closed). */
  readonly finished: Promise<O>;

  constructor(private readonly onOutcome: OutcomeHandler<O>) {
    this.finished = new Promise((resolve) => (this.settle = resolve));
  }

  abstract open(): void;

  protected line(text: string): void {
    this.writeEmitter.fire(`${text}\r\n`);
  }

  protected finish(outcome: O): void {
    this.settle?.(outcome);
    this.settle = undefined;
    void this.onOutcome(outcome).then(
      ({ summary, exitCode }) => {
        this.line(summary);
        this.closeEmitter.fire(exitCode);
      },
      (e: unknown) => {
        this.line(`Go Deploy Lint: ${String(e)}`);
        this.closeEmitter.fire(2);
      },
    );
  }

  close(): void {
    this.abort.abort();
  }
}
