// Owns what scans produced: probe outputs and results per host, their Problems, and the documents that show them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  HOST_REPORT_SCHEME,
  hostOfReportPath,
  type FleetResult,
  type HostReportResult,
} from '../../../server/src/protocol';

const REPORT_SCHEME = 'go-deploy-lint-report';

export class ScanResults implements vscode.TextDocumentContentProvider {
  private readonly diagnostics: vscode.DiagnosticCollection;
  private readonly results = new Map<string, HostReportResult>();
  private readonly outputs = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** Hosts of the last batch, in order: the report shows them. */
  private lastBatch: string[] = [];
  readonly reportUri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: '/Host report.md' });
  /** The last inventory scan's fleet report; its hosts' reports are at `hosts/<host>.md` next to it. */
  readonly fleetUri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: '/Fleet report.md' });
  private fleet: FleetResult | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
  ) {
    this.diagnostics = vscode.languages.createDiagnosticCollection(HOST_REPORT_SCHEME);
    context.subscriptions.push(
      this.diagnostics,
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(HOST_REPORT_SCHEME, this),
      vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, this),
    );
  }

  /** Probe outputs by host, the Markdown report of the last batch, and the rule pages it links to. */
  provideTextDocumentContent(uri: vscode.Uri): string {
    // Rule pages linked from the reports (relative links resolve next to them, also under hosts/).
    const page = /^\/(?:hosts\/)?(GDL\d{3}-[a-z0-9-]+\.md)$/.exec(uri.path)?.[1];
    if (uri.scheme === REPORT_SCHEME && page !== undefined) {
      try {
        return fs.readFileSync(this.context.asAbsolutePath(path.join('docs', 'rules', page)), 'utf8');
      } catch {
        return `# ${page}\n\nThis page is not in the installed extension.`;
      }
    }
    if (uri.scheme === REPORT_SCHEME && uri.path === this.fleetUri.path)
      return this.fleet?.markdown ?? '# Fleet report\n\nNo inventory scan yet: run "Go Deploy Lint: Scan Inventory…".';
    const hostPage = /^\/hosts\/([^/]+)\.md$/.exec(uri.path)?.[1];
    if (uri.scheme === REPORT_SCHEME && hostPage !== undefined)
      // The URI's path is decoded already: the host's own name.
      return this.results.get(hostPage)?.markdown ?? '# Host report\n\nNo report for this host.';
    if (uri.scheme === REPORT_SCHEME) {
      const parts = this.lastBatch
        .map((h) => this.results.get(h)?.markdown)
        .filter((m): m is string => m !== undefined);
      return parts.length > 0
        ? parts.join('\n\n---\n\n')
        : '# Host report\n\nNo scan yet: run "Go Deploy Lint: Scan Host…".';
    }
    return this.outputs.get(hostOfReportPath(uri.path)) ?? '';
  }

  result(host: string): HostReportResult | undefined {
    return this.results.get(host);
  }

  /** Starts a new batch: the report shows the hosts scanned from now on. */
  newBatch(): void {
    this.lastBatch = [];
  }

  /** Keeps a host's output and result, refreshes its documents and the Problems of every scanned host. */
  async add(host: string, output: string, result: HostReportResult): Promise<void> {
    this.outputs.set(host, output);
    this.results.set(host, result);
    if (!this.lastBatch.includes(host)) this.lastBatch.push(host);
    await this.publish();
    this.changed.fire(vscode.Uri.parse(result.uri));
    this.changed.fire(this.reportUri);
  }

  /** Keeps an inventory scan: each answering host as for Scan Host, the fleet report, and the Problems. */
  async addFleet(result: FleetResult, outputs: ReadonlyMap<string, string>): Promise<void> {
    this.fleet = result;
    this.lastBatch = [];
    for (const r of result.hosts) {
      this.outputs.set(r.host, outputs.get(r.host) ?? '');
      this.results.set(r.host, r);
      this.lastBatch.push(r.host);
      this.changed.fire(vscode.Uri.parse(r.uri));
      this.changed.fire(vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/hosts/${r.host}.md` }));
    }
    await this.publish();
    this.changed.fire(this.reportUri);
    this.changed.fire(this.fleetUri);
  }

  async showFleetReport(): Promise<void> {
    await vscode.commands.executeCommand('markdown.showPreview', this.fleetUri);
  }

  async showReport(): Promise<void> {
    await vscode.commands.executeCommand('markdown.showPreview', this.reportUri);
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
}
