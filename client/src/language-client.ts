// Owns the language client: how the server starts, which documents it sees, and trace redaction.
import * as vscode from 'vscode';
import {
  CloseAction,
  DidOpenTextDocumentNotification,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type Middleware,
  type ServerOptions,
  vsdiag,
} from 'vscode-languageclient/node';
import { RestartPolicy } from './restart-policy';
import { redactingChannel } from './redacting-output-channel';
import {
  isComposeFileName,
  isKubernetesManifest,
  SELECTED_FILE_PATTERNS,
  SYNCED_LANGUAGE_IDS,
  UNIT_TYPES,
} from '../../server/src/protocol';

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const policy = new RestartPolicy();
  const outputChannel = vscode.window.createOutputChannel('Go Deploy Lint', { log: true });
  const clientOptions: LanguageClientOptions = {
    // A crashed server is restarted; the user hears about it once, and again only if it keeps crashing.
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        const d = policy.onClosed(Date.now());
        if (d.notify === 'restarted')
          void vscode.window.showWarningMessage(
            'Go Deploy Lint: the language server stopped unexpectedly and was restarted.',
          );
        if (d.notify === 'gave-up')
          void vscode.window.showErrorMessage(
            'Go Deploy Lint: the language server crashed 5 times in 3 minutes and will not be restarted. See the "Go Deploy Lint" output; "Go Deploy Lint: Restart Language Server" tries again.',
          );
        return { action: d.restart ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true };
      },
    },
    documentSelector: [
      ...SYNCED_LANGUAGE_IDS.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
        { scheme: 'vscode-remote', language },
      ]),
      // YAML: only Compose files and Kubernetes manifests reach the server (the middleware below drops the rest).
      { scheme: 'file', language: 'yaml' },
      { scheme: 'vscode-remote', language: 'yaml' },
      // Units, drop-ins and binfmt.d files under another extension's language id are still linted.
      ...SELECTED_FILE_PATTERNS.flatMap((pattern) => [
        { scheme: 'file', pattern },
        { scheme: 'vscode-remote', pattern },
      ]),
      // Extension-less files (/etc/default/api) open as plain text: the server lints those a unit names in
      // EnvironmentFile= as env files, and leaves the others alone.
      { scheme: 'file', language: 'plaintext' },
    ],
    middleware: yamlMiddleware(),
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/go.mod'),
        vscode.workspace.createFileSystemWatcher('**/.go-deploy-lint.json'),
        // Other documents' findings depend on these (binfmt.d precedence, drop-ins, EnvironmentFile= targets): the
        // server's workspace index is rebuilt when one changes on disk.
        vscode.workspace.createFileSystemWatcher('**/binfmt.d/*.conf'),
        vscode.workspace.createFileSystemWatcher(`**/*.{${UNIT_TYPES.join(',')}}`),
        vscode.workspace.createFileSystemWatcher('**/*.d/*.conf'),
        // Dockerfile findings depend on the build context (env files, .dockerignore) and units' on the Go code
        // (which module builds a binary, whether it sends sd_notify).
        vscode.workspace.createFileSystemWatcher('**/{.dockerignore,*.dockerignore,.env,.env.*,*.env}'),
        vscode.workspace.createFileSystemWatcher('**/*.go'),
      ],
    },
    // Traces show message payloads; env files hold secrets, so document text and values are masked.
    traceOutputChannel: redactingChannel(vscode.window.createOutputChannel('Go Deploy Lint Trace', { log: true })),
    outputChannel,
  };
  const created = new LanguageClient('goDeployLint', 'Go Deploy Lint', serverOptions, clientOptions);
  client = created;
  return created;
}

let client: LanguageClient | undefined;

/**
 * YAML documents that are neither Compose files nor Kubernetes manifests are never sent to the server: not opened,
 * changed, closed or asked for diagnostics. A manifest is recognised when it is opened, or when an edit makes it one.
 */
function yamlMiddleware(): Middleware {
  const accepted = new Set<string>();
  const ours = (doc: vscode.TextDocument): boolean => {
    if (doc.languageId !== 'yaml') return true;
    const key = doc.uri.toString();
    if (accepted.has(key)) return true;
    if (isComposeFileName(doc.uri.path.split('/').pop() ?? '') || isKubernetesManifest(doc.getText())) {
      accepted.add(key);
      return true;
    }
    return false;
  };
  return {
    didOpen: (doc, next) => (ours(doc) ? next(doc) : Promise.resolve()),
    didChange: async (event, next) => {
      const doc = event.document;
      if (doc.languageId !== 'yaml' || accepted.has(doc.uri.toString())) return next(event);
      // Became a manifest with this edit: the server gets the whole document as newly opened.
      if (ours(doc))
        await client?.sendNotification(DidOpenTextDocumentNotification.type, {
          textDocument: {
            uri: doc.uri.toString(),
            languageId: doc.languageId,
            version: doc.version,
            text: doc.getText(),
          },
        });
    },
    didClose: (doc, next) => {
      if (doc.languageId !== 'yaml') return next(doc);
      const was = accepted.delete(doc.uri.toString());
      return was ? next(doc) : Promise.resolve();
    },
    provideDiagnostics: (doc, previous, token, next) => {
      const uri = doc instanceof vscode.Uri ? doc : doc.uri;
      const open = vscode.workspace.textDocuments.find((t) => t.uri.toString() === uri.toString());
      if (open !== undefined && open.languageId === 'yaml' && !accepted.has(uri.toString()))
        return { kind: vsdiag.DocumentDiagnosticReportKind.full, items: [] };
      return next(doc, previous, token);
    },
  };
}
