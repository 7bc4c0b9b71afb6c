// Owns the `go-deploy-lint-scan` task type: tasks.json entries and the scans the command starts, each in a terminal.
import * as vscode from 'vscode';
import { hostLabel, ScanTerminal, TASK_TYPE, type ScanOutcome, type ScanTaskDefinition } from '../host-scan-task';
import { hostCheckSettings } from './settings';

/** Called with each finished scan; returns the summary line and exit code the terminal shows. */
export type ScanHandler = (outcome: ScanOutcome, openReport: boolean) => Promise<{ summary: string; exitCode: number }>;

export class ScanTaskProvider implements vscode.TaskProvider {
  private readonly terminals = new Map<vscode.Task, ScanTerminal>();

  constructor(
    context: vscode.ExtensionContext,
    private readonly onScanned: ScanHandler,
  ) {
    context.subscriptions.push(vscode.tasks.registerTaskProvider(TASK_TYPE, this));
  }

  provideTasks(): vscode.Task[] {
    if (!vscode.workspace.isTrusted) return [];
    return [this.task({ type: TASK_TYPE })];
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    if (!vscode.workspace.isTrusted) return undefined;
    const def = task.definition as ScanTaskDefinition;
    if (def.host !== undefined && typeof def.host !== 'string') return undefined;
    return this.task(def, task.scope);
  }

  /** A scan task; run on its own (tasks.json), it opens the report when done. */
  task(
    def: ScanTaskDefinition,
    scope: vscode.Task['scope'] = vscode.TaskScope.Workspace,
    openReport = true,
  ): vscode.Task {
    const s = hostCheckSettings();
    const full: ScanTaskDefinition = {
      ...def,
      binaries: def.binaries ?? s.binaries,
      units: def.units ?? s.units,
      ...((def.sshConfig ?? s.sshConfig) ? { sshConfig: def.sshConfig ?? s.sshConfig } : {}),
    };
    const task = new vscode.Task(
      def,
      scope ?? vscode.TaskScope.Workspace,
      `scan ${hostLabel(def)}`,
      TASK_TYPE,
      new vscode.CustomExecution(() => {
        const term = new ScanTerminal(full, s.timeoutSeconds * 1000, (o) => this.onScanned(o, openReport));
        this.terminals.set(task, term);
        return Promise.resolve(term);
      }),
      [],
    );
    task.presentationOptions = {
      reveal: vscode.TaskRevealKind.Always,
      panel: vscode.TaskPanelKind.Dedicated,
      clear: true,
    };
    return task;
  }

  /** Resolves when the task's terminal has finished and its result is published. */
  whenFinished(task: vscode.Task, execution: vscode.TaskExecution): Promise<ScanOutcome> {
    return new Promise((resolve) => {
      const sub = vscode.tasks.onDidEndTask((e) => {
        if (
          e.execution !== execution &&
          !(e.execution.task.name === task.name && e.execution.task.source === task.source)
        )
          return;
        sub.dispose();
        const term = this.terminals.get(task);
        this.terminals.delete(task);
        if (term === undefined)
          resolve({
            host: hostLabel(task.definition as ScanTaskDefinition),
            output: '',
            stderr: 'the task did not start',
            code: null,
            cancelled: true,
            timedOut: false,
          });
        else void term.finished.then(resolve);
      });
    });
  }
}
