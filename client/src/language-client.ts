// Owns the language client: how the server starts, which documents it sees, and trace redaction.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { redactingChannel } from './redacting-output-channel';

export const LANGUAGES = ['dotenv', 'systemd-unit', 'binfmt', 'dockerfile', 'shellscript'] as const;

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
      { scheme: 'vscode-remote', language },
    ]),
    synchronize: {
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/go.mod'), vscode.workspace.createFileSystemWatcher('**/.go-deploy-lint.json')],
    },
    // Traces show message payloads; env files hold secrets, so document text and values are masked.
    traceOutputChannel: redactingChannel(vscode.window.createOutputChannel('Go Deploy Lint Trace', { log: true })),
    outputChannel: vscode.window.createOutputChannel('Go Deploy Lint', { log: true }),
  };
  return new LanguageClient('goDeployLint', 'Go Deploy Lint', serverOptions, clientOptions);
}
