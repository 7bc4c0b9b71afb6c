// Owns the language server entry: connection and handler wiring only.
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  DidChangeConfigurationNotification,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind } from 'vscode-languageserver-types';
import { Session, uriToPath } from './lsp/session';
import { codeActions } from './lsp/code-actions';
import { hover } from './lsp/hover/index';
import { completion } from './lsp/completion/index';
import { documentLinks } from './lsp/document-links';
import { analyzeHostOutput, goBinariesIn } from './host/host-report';
import { fleetResult, hostReportResultOf } from './lsp/host-report';
import {
  ANALYZE_FLEET,
  ANALYZE_HOST_REPORT,
  FIX_ALL_KIND,
  type AnalyzeFleetParams,
  type AnalyzeHostReportParams,
  type FleetResult,
  type HostReportResult,
} from './protocol';

/** Starts the server on the process's stdio (or node-ipc when the client asks for it). */
export function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const session = new Session(connection, documents);
  let dynamicConfig = false;

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    session.configurationSupport = caps.workspace?.configuration === true;
    dynamicConfig = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    session.pullDiagnostics = caps.textDocument?.diagnostic !== undefined;
    const roots = (params.workspaceFolders ?? [])
      .map((f) => uriToPath(f.uri))
      .filter((p): p is string => p !== undefined);
    const rootPath = params.rootUri === null || params.rootUri === undefined ? undefined : uriToPath(params.rootUri);
    session.setWorkspaceRoots(roots.length > 0 ? roots : rootPath !== undefined ? [rootPath] : []);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        documentLinkProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: ['=', '[', '%'] },
        ...(session.pullDiagnostics
          ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } }
          : {}),
      },
      serverInfo: { name: 'go-deploy-lint' },
    };
  });

  connection.onInitialized(() => {
    if (dynamicConfig)
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'goDeployLint' });
  });

  connection.onDidChangeConfiguration(() => {
    session.settingsChanged();
    session.revalidateAll();
  });
  connection.onDidChangeWatchedFiles(() => {
    session.filesChanged();
    session.revalidateAll();
  });

  documents.onDidOpen((e) => session.scheduleValidation(e.document, 0));
  documents.onDidChangeContent((e) => session.scheduleValidation(e.document, 30));
  documents.onDidClose((e) => session.closed(e.document.uri));

  connection.languages.diagnostics.on(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    return { kind: 'full', items: doc === undefined ? [] : await session.diagnosticsFor(doc) };
  });

  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (doc === undefined) return [];
    const analysis = await session.codeActionAnalysisFor(doc);
    return codeActions({ analysis, range: params.range, only: params.context.only });
  });

  connection.onHover(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc === undefined ? null : (hover(await session.analysisFor(doc), params.position) ?? null);
  });

  connection.onDocumentLinks(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (doc === undefined) return [];
    const analysis = await session.analysisFor(doc);
    return documentLinks(analysis);
  });

  connection.onCompletion(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc === undefined ? [] : completion(await session.analysisFor(doc), params.position);
  });

  /** Host outputs are no workspace file: they are analysed with the settings of the first workspace folder. */
  const workspaceSettings = (): ReturnType<typeof session.settingsFor> => {
    const root = session.project.roots[0];
    return session.settingsFor(root === undefined ? '' : pathToFileURL(root).href);
  };

  connection.onRequest(ANALYZE_HOST_REPORT, async (params: AnalyzeHostReportParams): Promise<HostReportResult> => {
    const settings = await workspaceSettings();
    const analysis = analyzeHostOutput(String(params.host), String(params.output), settings, session.project);
    const result = hostReportResultOf(String(params.host), analysis);
    // The Go binaries the scan found are evidence for the Go service rules of the units that run them.
    session.project.recordHostGoBinaries(String(params.host), goBinariesIn(analysis));
    session.evidenceChanged();
    session.revalidateAll();
    return result;
  });

  connection.onRequest(ANALYZE_FLEET, async (params: AnalyzeFleetParams): Promise<FleetResult> => {
    const settings = await workspaceSettings();
    // Entries that are not objects are dropped; fleetResult() turns the fields of the others into strings.
    const hosts = Array.isArray(params.hosts)
      ? params.hosts.filter((h): h is AnalyzeFleetParams['hosts'][number] => typeof h === 'object' && h !== null)
      : [];
    const result = fleetResult({ hosts }, settings, session.project, (host, analysis) =>
      session.project.recordHostGoBinaries(host, goBinariesIn(analysis)),
    );
    session.evidenceChanged();
    session.revalidateAll();
    return result;
  });

  documents.listen(connection);
  connection.listen();
}
