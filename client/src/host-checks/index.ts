// Owns "Scan Host…" and "Scan Inventory…": picks hosts (or an inventory and its groups), runs the scan tasks
// (cancellable, with progress), and shows the report.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ANALYZE_FLEET,
  ANALYZE_HOST_REPORT,
  type AnalyzeFleetParams,
  type AnalyzeHostReportParams,
  type FleetResult,
  type HostReportResult,
} from '../../../server/src/protocol';
import { inventoryGroups } from '../../../server/src/host/ansible';
import type { InventoryOutcome } from '../inventory-scan-task';
import { pickInventory, pickTargets } from './inventory-picker';
import { validDestination } from '../ssh-hosts';
import { TASK_TYPE, type ScanOutcome, type ScanTaskDefinition } from '../host-scan-task';
import { pickHosts, rememberHosts } from './picker';
import { ScanResults } from './results';
import { hostCheckSettings } from './settings';
import { ScanTaskProvider } from './task-provider';

export class HostChecks {
  private readonly results: ScanResults;
  private readonly tasks: ScanTaskProvider;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
  ) {
    this.results = new ScanResults(context, client);
    this.tasks = new ScanTaskProvider(
      context,
      (o, openReport) => this.accept(o, openReport),
      (o) => this.acceptFleet(o),
    );
  }

  showReport(): Promise<void> {
    return this.results.showReport();
  }

  /** Hands the output to the server and publishes what it finds. */
  private async accept(o: ScanOutcome, openReport: boolean): Promise<{ summary: string; exitCode: number }> {
    if (o.cancelled) return { summary: 'Go Deploy Lint: scan cancelled.', exitCode: 130 };
    const params: AnalyzeHostReportParams = { host: o.host, output: o.output };
    const result = await this.client.sendRequest<HostReportResult>(ANALYZE_HOST_REPORT, params);
    await this.results.add(o.host, o.output, result);
    if (openReport) await this.results.showReport();
    if (!result.complete) {
      const why = o.timedOut ? 'timed out' : (o.stderr.trim().split('\n').pop() ?? '') || `exit ${String(o.code)}`;
      return { summary: `Go Deploy Lint: the scan of ${o.host} failed (${why}).`, exitCode: 2 };
    }
    const count = result.files[0]?.diagnostics.length ?? 0;
    const errors = result.files[0]?.diagnostics.filter((d) => d.severity === 1).length ?? 0;
    return {
      summary: `Go Deploy Lint: ${o.host}: ${count} finding(s), ${errors} error(s). See the Host report and Problems.`,
      exitCode: errors > 0 ? 1 : 0,
    };
  }

  private lastFleet: FleetResult | undefined;

  /** Hands an inventory scan's outputs to the server, publishes the hosts' findings and opens the fleet report. */
  private async acceptFleet(o: InventoryOutcome): Promise<{ summary: string; exitCode: number }> {
    this.lastFleet = undefined;
    if (o.cancelled) return { summary: 'Go Deploy Lint: inventory scan cancelled.', exitCode: 130 };
    if (o.error !== undefined) return { summary: `Go Deploy Lint: ${o.error}.`, exitCode: 2 };
    const params: AnalyzeFleetParams = { hosts: o.hosts };
    const result = await this.client.sendRequest<FleetResult>(ANALYZE_FLEET, params);
    const outputs = new Map(o.hosts.flatMap((h) => (h.output !== undefined ? [[h.host, h.output] as const] : [])));
    await this.results.addFleet(result, outputs);
    await this.results.showFleetReport();
    this.lastFleet = result;
    const errors = result.hosts.reduce(
      (n, h) => n + (h.files[0]?.diagnostics.filter((d) => d.severity === 1).length ?? 0),
      0,
    );
    return {
      summary: `Go Deploy Lint: ${result.hosts.length} of ${o.hosts.length} host(s) answered, ${errors} error(s). See the Fleet report and Problems.`,
      exitCode: result.failures.length > 0 ? 2 : errors > 0 ? 1 : 0,
    };
  }

  /**
   * The command: the inventory (argument, setting or file picker), its groups and hosts (argument or picker), one
   * Ansible run as a task with progress and cancel, then the fleet report. Resolves to the fleet result, undefined
   * when cancelled or failed.
   */
  async scanInventory(arg?: { inventory?: string; limit?: string }): Promise<FleetResult | undefined> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(
        'Go Deploy Lint: host checks run ssh and are disabled in untrusted workspaces.',
      );
      return undefined;
    }
    const inventory = typeof arg?.inventory === 'string' ? arg.inventory : await pickInventory();
    if (inventory === undefined) return undefined;
    let limit = typeof arg?.limit === 'string' ? arg.limit : undefined;
    if (limit === undefined) {
      const listed = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'Go Deploy Lint: reading the inventory' },
        () => inventoryGroups(inventory),
      );
      if (listed.error !== undefined) {
        void vscode.window.showErrorMessage(`Go Deploy Lint: cannot read the inventory: ${listed.error}`);
        return undefined;
      }
      limit = await pickTargets(inventory, listed.groups, listed.hosts);
      if (limit === undefined) return undefined;
    }
    const pattern = limit;
    const outcome = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: 'Go Deploy Lint: scanning the inventory',
        cancellable: true,
      },
      async (progress, token) => {
        let reported = 0;
        const task = this.tasks.inventoryTask(
          { type: TASK_TYPE, inventory, ...(pattern !== 'all' ? { limit: pattern } : {}) },
          vscode.TaskScope.Workspace,
          (p) => {
            progress.report({
              message: `${p.done}/${p.total} hosts${p.failed > 0 ? `, ${p.failed} without a report` : ''}`,
              increment: ((p.done - reported) * 100) / Math.max(1, p.total),
            });
            reported = p.done;
          },
        );
        const execution = await vscode.tasks.executeTask(task);
        const sub = token.onCancellationRequested(() => execution.terminate());
        try {
          return await this.tasks.whenInventoryFinished(task, execution);
        } finally {
          sub.dispose();
        }
      },
    );
    if (outcome.cancelled) return undefined;
    if (outcome.error !== undefined) {
      void vscode.window.showErrorMessage(`Go Deploy Lint: ${outcome.error}.`);
      return undefined;
    }
    const failed = outcome.hosts.filter((h) => h.problem !== undefined);
    if (failed.length > 0)
      void vscode.window.showWarningMessage(
        `Go Deploy Lint: ${failed.length} of ${outcome.hosts.length} host(s) gave no report (${failed
          .slice(0, 3)
          .map((h) => h.host)
          .join(', ')}${failed.length > 3 ? ', …' : ''}): see the Fleet report.`,
      );
    return this.lastFleet;
  }

  /** The command: pick hosts (or take them from the argument), scan them a few at a time, show the report. */
  async scanHosts(arg?: { hosts?: (string | null)[]; sshConfig?: string }): Promise<HostReportResult[]> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(
        'Go Deploy Lint: host checks run ssh and are disabled in untrusted workspaces.',
      );
      return [];
    }
    const picked = arg?.hosts !== undefined ? arg.hosts.map((h) => h ?? undefined) : await pickHosts(this.context);
    if (picked === undefined || picked.length === 0) return [];
    for (const h of picked) {
      const bad = h === undefined ? undefined : validDestination(h);
      if (bad !== undefined) {
        void vscode.window.showErrorMessage(`Go Deploy Lint: ${bad}.`);
        return [];
      }
    }
    const hosts = [...new Set(picked)];
    await rememberHosts(
      this.context,
      hosts.filter((h): h is string => h !== undefined),
    );
    this.results.newBatch();
    const scanned = await this.runAll(hosts, arg?.sshConfig);
    if (scanned.length > 0) await this.results.showReport();
    const failed = scanned.filter((r) => !r.complete).map((r) => r.host);
    if (failed.length > 0)
      void vscode.window.showErrorMessage(
        `Go Deploy Lint: could not scan ${failed.join(', ')}: see the task terminal.`,
      );
    return scanned;
  }

  /** Runs one scan task per host, `concurrency` at a time, with progress and cancel. */
  private async runAll(
    hosts: readonly (string | undefined)[],
    sshConfig: string | undefined,
  ): Promise<HostReportResult[]> {
    const { concurrency } = hostCheckSettings();
    const scanned: HostReportResult[] = [];
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Go Deploy Lint: scanning', cancellable: true },
      async (progress, token) => {
        let next = 0;
        let done = 0;
        const running = new Set<vscode.TaskExecution>();
        token.onCancellationRequested(() => running.forEach((e) => e.terminate()));
        const worker = async (): Promise<void> => {
          while (next < hosts.length && !token.isCancellationRequested) {
            const host = hosts[next++];
            const def: ScanTaskDefinition = {
              type: TASK_TYPE,
              ...(host !== undefined ? { host } : {}),
              ...(sshConfig !== undefined ? { sshConfig } : {}),
            };
            const task = this.tasks.task(def, vscode.TaskScope.Workspace, false);
            const execution = await vscode.tasks.executeTask(task);
            running.add(execution);
            const outcome = await this.tasks.whenFinished(task, execution);
            running.delete(execution);
            done++;
            progress.report({ message: `${done}/${hosts.length} (${outcome.host})`, increment: 100 / hosts.length });
            const r = this.results.result(outcome.host);
            if (r !== undefined && !outcome.cancelled) scanned.push(r);
          }
        };
        await Promise.all(Array.from({ length: Math.min(concurrency, hosts.length) }, worker));
      },
    );
    return scanned;
  }
}
