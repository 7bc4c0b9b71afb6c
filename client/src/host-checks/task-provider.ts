// Owns the `go-deploy-lint` task type: tasks.json entries and the scans the commands start, each in a terminal. A
// definition with `inventory` scans an Ansible inventory's hosts through Ansible; otherwise one host over ssh.
import * as vscode from 'vscode';
import { hostLabel, ScanTerminal, TASK_TYPE, type ScanOutcome, type ScanTaskDefinition } from '../host-scan-task';
import { InventoryTerminal, inventoryLabel, type InventoryOutcome } from '../inventory-scan-task';
import type { InventoryProgress } from '../../../server/src/host/ansible';
import { hostCheckSettings } from './settings';

type Summary = Promise<{ summary: string; exitCode: number }>;

/** Called with each finished scan; returns the summary line and exit code the terminal shows. */
export type ScanHandler = (outcome: ScanOutcome, openReport: boolean) => Summary;
export type InventoryHandler = (outcome: InventoryOutcome) => Summary;

/** The task definition of an inventory scan (tasks.json: `"inventory"`, optional `"limit"`). */
export type InventoryTaskDefinition = ScanTaskDefinition & { readonly inventory: string; readonly limit?: string };

export class ScanTaskProvider implements vscode.TaskProvider {
  private readonly terminals = new Map<vscode.Task, ScanTerminal>();
  private readonly inventories = new Map<vscode.Task, InventoryTerminal>();

  constructor(
    context: vscode.ExtensionContext,
    private readonly onScanned: ScanHandler,
    private readonly onInventoryScanned: InventoryHandler,
  ) {
    context.subscriptions.push(vscode.tasks.registerTaskProvider(TASK_TYPE, this));
  }

  provideTasks(): vscode.Task[] {
    if (!vscode.workspace.isTrusted) return [];
    return [this.task({ type: TASK_TYPE })];
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    if (!vscode.workspace.isTrusted) return undefined;
    const def = task.definition as ScanTaskDefinition & { inventory?: unknown; limit?: unknown };
    if (def.host !== undefined && typeof def.host !== 'string') return undefined;
    if (def.inventory !== undefined) {
      if (typeof def.inventory !== 'string' || (def.limit !== undefined && typeof def.limit !== 'string'))
        return undefined;
      return this.inventoryTask(def as InventoryTaskDefinition, task.scope);
    }
    return this.task(def, task.scope);
  }

  private static present(task: vscode.Task): vscode.Task {
    task.presentationOptions = {
      reveal: vscode.TaskRevealKind.Always,
      panel: vscode.TaskPanelKind.Dedicated,
      clear: true,
    };
    return task;
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
    return ScanTaskProvider.present(task);
  }

  /** An inventory scan task; it opens the fleet report when done. */
  inventoryTask(
    def: InventoryTaskDefinition,
    scope: vscode.Task['scope'] = vscode.TaskScope.Workspace,
    onProgress?: (p: InventoryProgress) => void,
  ): vscode.Task {
    const s = hostCheckSettings();
    const task = new vscode.Task(
      def,
      scope ?? vscode.TaskScope.Workspace,
      `scan inventory ${inventoryLabel(def)}`,
      TASK_TYPE,
      new vscode.CustomExecution(() => {
        const term = new InventoryTerminal(
          { ...def, binaries: def.binaries ?? s.binaries, units: def.units ?? s.units },
          {
            forks: s.concurrency,
            timeoutSeconds: s.timeoutSeconds,
            ...(onProgress !== undefined ? { onProgress } : {}),
            onOutcome: (o) => this.onInventoryScanned(o),
          },
        );
        this.inventories.set(task, term);
        return Promise.resolve(term);
      }),
      [],
    );
    return ScanTaskProvider.present(task);
  }

  /** Resolves when the task's terminal has finished and its result is published. */
  whenFinished(task: vscode.Task, execution: vscode.TaskExecution): Promise<ScanOutcome> {
    return this.ended(task, execution).then((): Promise<ScanOutcome> => {
      const term = this.terminals.get(task);
      this.terminals.delete(task);
      return term !== undefined
        ? term.finished
        : Promise.resolve({
            host: hostLabel(task.definition as ScanTaskDefinition),
            output: '',
            stderr: 'the task did not start',
            code: null,
            cancelled: true,
            timedOut: false,
          });
    });
  }

  /** Resolves when the inventory task's terminal has finished and the fleet report is published. */
  whenInventoryFinished(task: vscode.Task, execution: vscode.TaskExecution): Promise<InventoryOutcome> {
    return this.ended(task, execution).then((): Promise<InventoryOutcome> => {
      const term = this.inventories.get(task);
      this.inventories.delete(task);
      return term !== undefined ? term.finished : Promise.resolve({ hosts: [], cancelled: true });
    });
  }

  private ended(task: vscode.Task, execution: vscode.TaskExecution): Promise<void> {
    return new Promise((resolve) => {
      const sub = vscode.tasks.onDidEndTask((e) => {
        if (
          e.execution !== execution &&
          !(e.execution.task.name === task.name && e.execution.task.source === task.source)
        )
          return;
        sub.dispose();
        resolve();
      });
    });
  }
}
