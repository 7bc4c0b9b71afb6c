// Owns the server's state: open documents, per-resource settings, memoized analyses and validation scheduling.
import { fileURLToPath } from 'node:url';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { analyzeEdit } from '../analysis/incremental';
import { analyze, compactAnalysis, type Analysis } from '../analysis/analyze';
import type { SourceDocument } from '../languages/source-document';
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../settings';
import { FsProject } from '../workspace/project';
import { toDiagnostics } from './diagnostics';
import { Methods } from '../protocol';

/** How many documents keep their full analysis (the ones being edited and looked at); the others keep findings. */
const FULL_ANALYSES_KEPT = 3;

/** Characters in a document of the size limit (a character counts as a byte: the limit is about size, not exact). */
function maxChars(settings: Settings): number {
  return settings.maxFileSizeMB * 1024 * 1024;
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export class Session {
  private readonly settingsCache = new Map<string, Promise<Settings>>();
  private readonly analyses = new Map<string, { readonly analysis: Analysis; readonly settings: Settings }>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly warned = new Set<string>();
  project: FsProject = new FsProject([]);
  /** True when the client pulls diagnostics (LSP 3.17); otherwise the server pushes them. */
  pullDiagnostics = false;
  configurationSupport = false;

  constructor(
    private readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
  ) {}

  setWorkspaceRoots(roots: readonly string[]): void {
    this.project = new FsProject(roots);
  }

  async settingsFor(uri: string): Promise<Settings> {
    if (!this.configurationSupport) return DEFAULT_SETTINGS;
    let cached = this.settingsCache.get(uri);
    if (cached === undefined) {
      cached = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'goDeployLint' }).then(
        (raw: unknown) => {
          const { settings, problems } = readSettings(raw);
          for (const p of problems) this.warnOnce(`Invalid setting ignored: ${p}`);
          return settings;
        },
        () => DEFAULT_SETTINGS,
      );
      this.settingsCache.set(uri, cached);
    }
    return cached;
  }

  settingsChanged(): void {
    this.settingsCache.clear();
    this.analyses.clear();
  }

  /** Evidence outside the documents changed (a host scan found Go binaries): analyses are recomputed. */
  evidenceChanged(): void {
    this.analyses.clear();
  }

  filesChanged(): void {
    this.project.invalidate();
    this.analyses.clear();
  }

  /** Analysis of the document's current version, computed once per version and settings. */
  /** The full analysis (rule inputs included, for hover, completion, links and code actions). */
  async analysisFor(doc: TextDocument): Promise<Analysis> {
    return this.analysisOf(doc, true);
  }

  /**
   * What code actions need: findings, suppressions and statement ranges. An env file or unit without multi-line
   * statements has one statement per line, which is what code actions assume without the parse: the keystroke
   * path's result serves, and the light bulb after each keystroke does not re-analyse the whole file.
   */
  async codeActionAnalysisFor(doc: TextDocument): Promise<Analysis> {
    const a = await this.analysisOf(doc, false);
    return a.prepared !== undefined || (a.lines !== undefined && !a.lines.spanning) ? a : this.analysisOf(doc, true);
  }

  private async analysisOf(doc: TextDocument, full: boolean): Promise<Analysis> {
    const settings = await this.settingsFor(doc.uri);
    const cached = this.analyses.get(doc.uri);
    if (
      cached !== undefined &&
      cached.analysis.version === doc.version &&
      cached.settings === settings &&
      !(full && cached.analysis.compacted === true)
    ) {
      this.touch(doc.uri, cached);
      return cached.analysis;
    }
    // LSP counts a lone \r as a line break, our line index does not: the same-length swap to \n keeps every
    // offset and makes lines (and so every position we send) match the editor's.
    const raw = doc.getText();
    const text = raw.includes('\r') ? raw.replace(/\r(?!\n)/g, '\n') : raw;
    const source: SourceDocument = {
      uri: doc.uri,
      path: uriToPath(doc.uri),
      text: text.length > maxChars(settings) ? '' : text,
      version: doc.version,
      languageId: doc.languageId,
    };
    const ctx = {
      settings,
      project: this.project,
      onRuleError: (id: string, error: unknown): void =>
        this.connection.console.error(
          `Rule ${id} failed on ${doc.uri}: ${error instanceof Error ? (error.stack ?? error.message) : 'unknown error'}`,
        ),
    };
    // A keystroke in an env file: the edited line alone when nothing else can depend on it (diagnostics only;
    // hover and code actions ask for the full analysis).
    const edited =
      !full && cached !== undefined && cached.settings === settings && source.text !== ''
        ? analyzeEdit(cached.analysis, source, ctx)
        : undefined;
    const analysis = edited ?? analyze(source, ctx);
    this.touch(doc.uri, { analysis, settings });
    return analysis;
  }

  /**
   * Marks a document as the most recently used. The few most recent keep their full analysis; older ones keep the
   * compact form (findings, no parse tree), so memory grows with findings, not with the parse objects.
   */
  private touch(uri: string, entry: { readonly analysis: Analysis; readonly settings: Settings }): void {
    this.analyses.delete(uri);
    this.analyses.set(uri, entry);
    let full = 0;
    for (const [u, e] of [...this.analyses].reverse()) {
      if (e.analysis.compacted === true || e.analysis.prepared === undefined) continue;
      if (++full > FULL_ANALYSES_KEPT) this.analyses.set(u, { ...e, analysis: compactAnalysis(e.analysis) });
    }
  }

  async diagnosticsFor(doc: TextDocument): Promise<Diagnostic[]> {
    const analysis = await this.analysisOf(doc, false);
    const settings = await this.settingsFor(doc.uri);
    const diags = toDiagnostics(analysis);
    const size = doc.getText().length;
    if (size > maxChars(settings)) {
      diags.push({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 3,
        source: 'go-deploy-lint',
        message: `This file is ${(size / 1024 / 1024).toFixed(1)} MB, above goDeployLint.maxFileSizeMB (${settings.maxFileSizeMB} MB): Go Deploy Lint does not analyse it`,
      });
    }
    return diags;
  }

  /** Push mode: validate after a short pause; a newer change cancels the pending run. */
  scheduleValidation(doc: TextDocument, delayMs: number): void {
    if (this.pullDiagnostics) return;
    const pending = this.timers.get(doc.uri);
    if (pending !== undefined) clearTimeout(pending);
    const version = doc.version;
    this.timers.set(
      doc.uri,
      setTimeout(() => {
        this.timers.delete(doc.uri);
        const current = this.documents.get(doc.uri);
        if (current === undefined || current.version !== version) return;
        void this.diagnosticsFor(current).then(
          (diagnostics) => {
            if (this.documents.get(doc.uri)?.version !== version) return;
            void this.connection.sendDiagnostics({ uri: doc.uri, version, diagnostics });
          },
          (error: unknown) => this.connection.console.error(`Validation failed for ${doc.uri}: ${String(error)}`),
        );
      }, delayMs),
    );
  }

  closed(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending !== undefined) clearTimeout(pending);
    this.timers.delete(uri);
    this.analyses.delete(uri);
    this.settingsCache.delete(uri);
    if (!this.pullDiagnostics) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  revalidateAll(): void {
    if (this.pullDiagnostics) {
      void this.connection.languages.diagnostics.refresh();
      return;
    }
    for (const doc of this.documents.all()) this.scheduleValidation(doc, 0);
  }

  warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    void this.connection.sendNotification(Methods.showWarning, { message });
  }
}
