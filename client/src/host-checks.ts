// Owns "Scan Host…": the host picker, running scan tasks (bounded concurrency, cancellable), the report and Problems.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ANALYZE_HOST_REPORT, HOST_REPORT_SCHEME, hostOfReportPath, type AnalyzeHostReportParams, type HostReportResult } from '../../server/src/protocol';
import { sshConfigHosts, validDestination } from './ssh-hosts';
import { hostLabel, ScanTerminal, TASK_TYPE, type ScanOutcome, type ScanTaskDefinition } from './host-scan-task';

const REPORT_SCHEME = 'go-deploy-lint-report';
const RECENT_KEY = 'goDeployLint.recentHosts';
const THIS_MACHINE = 'This machine';
const ENTER = 'Enter user@host…';

interface HostCheckSettings {
  readonly concurrency: number;
  readonly timeoutSeconds: number;
  readonly sshConfig: string;
  readonly binaries: string[];
  readonly units: string[];
}

function settings(): HostCheckSettings {
  const c = vscode.workspace.getConfiguration('goDeployLint.hostChecks');
  return {
    concurrency: Math.max(1, Math.min(32, c.get<number>('concurrency', 4))),
    timeoutSeconds: Math.max(5, c.get<number>('timeoutSeconds', 60)),
    sshConfig: c.get<string>('sshConfig', ''),
    binaries: c.get<string[]>('binaries', []),
    units: c.get<string[]>('units', []),
  };
}

export class HostChecks implements vscode.TaskProvider, vscode.TextDocumentContentProvider {
  private readonly diagnostics: vscode.DiagnosticCollection;
  private readonly results = new Map<string, HostReportResult>();
  private readonly outputs = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** Hosts of the last batch, in order: the report shows them. */
  private lastBatch: string[] = [];
  readonly reportUri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: '/Host report.md' });

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
  ) {
    this.diagnostics = vscode.languages.createDiagnosticCollection(HOST_REPORT_SCHEME);
    context.subscriptions.push(
      this.diagnostics,
      this.changed,
      vscode.tasks.registerTaskProvider(TASK_TYPE, this),
      vscode.workspace.registerTextDocumentContentProvider(HOST_REPORT_SCHEME, this),
      vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, this),
    );
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    // Rule pages linked from the report (relative links resolve next to it).
    const page = /^\/(GDL\d{3}-[a-z0-9-]+\.md)$/.exec(uri.path)?.[1];
    if (uri.scheme === REPORT_SCHEME && page !== undefined) {
      try {
        return fs.readFileSync(this.context.asAbsolutePath(path.join('docs', 'rules', page)), 'utf8');
      } catch {
        return `# ${page}\n\nThis page is not in the installed extension.`;
      }
    }
    if (uri.scheme === REPORT_SCHEME) {
      const parts = this.lastBatch.map((h) => this.results.get(h)?.markdown).filter((m): m is string => m !== undefined);
      return parts.length > 0 ? parts.join('\n\n---\n\n') : '# Host report\n\nNo scan yet: run "Go Deploy Lint: Scan Host…".';
    }
    return this.outputs.get(hostOfReportPath(uri.path)) ?? '';
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

  private terminals = new Map<vscode.Task, ScanTerminal>();

  /** A scan task; run on its own (tasks.json), it opens the report when done. */
  task(def: ScanTaskDefinition, scope: vscode.Task['scope'] = vscode.TaskScope.Workspace, openReport = true): vscode.Task {
    const s = settings();
    const full: ScanTaskDefinition = { ...def, binaries: def.binaries ?? s.binaries, units: def.units ?? s.units, ...(def.sshConfig ?? s.sshConfig ? { sshConfig: def.sshConfig ?? s.sshConfig } : {}) };
    const task = new vscode.Task(
      def,
      scope ?? vscode.TaskScope.Workspace,
      `scan ${hostLabel(def)}`,
      TASK_TYPE,
      new vscode.CustomExecution(async () => {
        const term = new ScanTerminal(full, s.timeoutSeconds * 1000, (o) => this.accept(o, openReport));
        this.terminals.set(task, term);
        return term;
      }),
      [],
    );
    task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, panel: vscode.TaskPanelKind.Dedicated, clear: true };
    return task;
  }

  /** Hands the output to the server and publishes what it finds. */
  private async accept(o: ScanOutcome, openReport: boolean): Promise<{ summary: string; exitCode: number }> {
    if (o.cancelled) return { summary: 'Go Deploy Lint: scan cancelled.', exitCode: 130 };
    this.outputs.set(o.host, o.output);
    const params: AnalyzeHostReportParams = { host: o.host, output: o.output };
    const result = await this.client.sendRequest<HostReportResult>(ANALYZE_HOST_REPORT, params);
    this.results.set(o.host, result);
    if (!this.lastBatch.includes(o.host)) this.lastBatch.push(o.host);
    await this.publish();
    this.changed.fire(vscode.Uri.parse(result.uri));
    this.changed.fire(this.reportUri);
    if (openReport) await this.showReport();
    if (!result.complete) {
      const why = o.timedOut ? 'timed out' : (o.stderr.trim().split('\n').pop() ?? '') || `exit ${String(o.code)}`;
      return { summary: `Go Deploy Lint: the scan of ${o.host} failed (${why}).`, exitCode: 2 };
    }
    const count = result.files[0]?.diagnostics.length ?? 0;
    const errors = result.files[0]?.diagnostics.filter((d) => d.severity === 1).length ?? 0;
    return { summary: `Go Deploy Lint: ${o.host}: ${count} finding(s), ${errors} error(s). See the Host report and Problems.`, exitCode: errors > 0 ? 1 : 0 };
  }

  /** Problems: each host's findings on its probe output, plus the workspace files they concern. */
  private async publish(): Promise<void> {
    const merged = new Map<string, vscode.Diagnostic[]>();
    for (const r of this.results.values()) {
      for (const f of r.files) {
        const list = merged.get(f.uri) ?? [];
        list.push(...(await this.client.protocol2CodeConverter.asDiagnostics([...f.diagnostics])));
        merged.set(f.uri, list);
      }
    }
    this.diagnostics.clear();
    for (const [uri, list] of merged) this.diagnostics.set(vscode.Uri.parse(uri), list);
  }

  async showReport(): Promise<void> {
    await vscode.commands.executeCommand('markdown.showPreview', this.reportUri);
  }

  /** What the picker offers: this machine, recent hosts, hosts of the ssh config. */
  hostItems(): vscode.QuickPickItem[] {
    const s = settings();
    const recent = this.context.globalState.get<string[]>(RECENT_KEY, []);
    let configHosts: string[] = [];
    const file = s.sshConfig !== '' ? s.sshConfig : path.join(os.homedir(), '.ssh', 'config');
    try {
      configHosts = sshConfigHosts(fs.readFileSync(file, 'utf8'));
    } catch {
      // No ssh config: only recent hosts and manual entry.
    }
    const items: vscode.QuickPickItem[] = [{ label: THIS_MACHINE, description: 'run the probe locally' }];
    if (recent.length > 0) items.push({ label: 'Recent', kind: vscode.QuickPickItemKind.Separator }, ...recent.map((h) => ({ label: h, description: 'recent' })));
    const fromConfig = configHosts.filter((h) => !recent.includes(h));
    if (fromConfig.length > 0) items.push({ label: 'ssh config', kind: vscode.QuickPickItemKind.Separator }, ...fromConfig.map((h) => ({ label: h, description: path.basename(file) })));
    items.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, { label: ENTER, alwaysShow: true });
    return items;
  }

  private async pickHosts(): Promise<(string | undefined)[] | undefined> {
    const picked = await vscode.window.showQuickPick(this.hostItems(), { title: 'Go Deploy Lint: Scan Host', placeHolder: 'Hosts to probe (read-only, over ssh)', canPickMany: true, ignoreFocusOut: true });
    if (picked === undefined || picked.length === 0) return undefined;
    const hosts: (string | undefined)[] = [];
    for (const p of picked) {
      if (p.label === THIS_MACHINE) hosts.push(undefined);
      else if (p.label === ENTER) {
        const typed = await vscode.window.showInputBox({ title: 'Go Deploy Lint: Scan Host', prompt: 'ssh destination (user@host or a config alias)', validateInput: validDestination, ignoreFocusOut: true });
        if (typed === undefined) return undefined;
        hosts.push(typed.trim());
      } else hosts.push(p.label);
    }
    return hosts;
  }

  /** The command: pick hosts (or take them from the argument), scan them a few at a time, show the report. */
  async scanHosts(arg?: { hosts?: (string | null)[]; sshConfig?: string }): Promise<HostReportResult[]> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('Go Deploy Lint: host checks run ssh and are disabled in untrusted workspaces.');
      return [];
    }
    const hosts = arg?.hosts !== undefined ? arg.hosts.map((h) => h ?? undefined) : await this.pickHosts();
    if (hosts === undefined || hosts.length === 0) return [];
    for (const h of hosts) {
      const bad = h === undefined ? undefined : validDestination(h);
      if (bad !== undefined) {
        void vscode.window.showErrorMessage(`Go Deploy Lint: ${bad}.`);
        return [];
      }
    }
    const unique = [...new Set(hosts)];
    hosts.splice(0, hosts.length, ...unique);
    const named = hosts.filter((h): h is string => h !== undefined);
    const recent = this.context.globalState.get<string[]>(RECENT_KEY, []);
    await this.context.globalState.update(RECENT_KEY, [...named, ...recent.filter((h) => !named.includes(h))].slice(0, 10));
    this.lastBatch = [];
    const { concurrency } = settings();
    const results: HostReportResult[] = [];
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Go Deploy Lint: scanning', cancellable: true }, async (progress, token) => {
      let next = 0;
      let done = 0;
      const running = new Set<vscode.TaskExecution>();
      token.onCancellationRequested(() => running.forEach((e) => e.terminate()));
      const worker = async (): Promise<void> => {
        while (next < hosts.length && !token.isCancellationRequested) {
          const host = hosts[next++];
          const def: ScanTaskDefinition = { type: TASK_TYPE, ...(host !== undefined ? { host } : {}), ...(arg?.sshConfig !== undefined ? { sshConfig: arg.sshConfig } : {}) };
          const task = this.task(def, vscode.TaskScope.Workspace, false);
          const execution = await vscode.tasks.executeTask(task);
          running.add(execution);
          const outcome = await this.whenFinished(task, execution);
          running.delete(execution);
          done++;
          progress.report({ message: `${done}/${hosts.length} (${outcome.host})`, increment: 100 / hosts.length });
          const r = this.results.get(outcome.host);
          if (r !== undefined && !outcome.cancelled) results.push(r);
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, hosts.length) }, worker));
    });
    if (results.length > 0) await this.showReport();
    const failed = results.filter((r) => !r.complete).map((r) => r.host);
    if (failed.length > 0) void vscode.window.showErrorMessage(`Go Deploy Lint: could not scan ${failed.join(', ')}: see the task terminal.`);
    return results;
  }

  /** Resolves when the task's terminal has finished and its result is published. */
  private whenFinished(task: vscode.Task, execution: vscode.TaskExecution): Promise<ScanOutcome> {
    return new Promise((resolve) => {
      const sub = vscode.tasks.onDidEndTask((e) => {
        if (e.execution !== execution && !(e.execution.task.name === task.name && e.execution.task.source === task.source)) return;
        sub.dispose();
        const term = this.terminals.get(task);
        this.terminals.delete(task);
        if (term === undefined) resolve({ host: hostLabel(task.definition as ScanTaskDefinition), output: '', stderr: 'the task did not start', code: null, cancelled: true, timedOut: false });
        else void term.finished.then(resolve);
      });
    });
  }
}
