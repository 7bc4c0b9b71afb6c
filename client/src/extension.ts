// Owns activate/deactivate: wiring only.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Methods, type ReferencedEnvFilesParams } from '../../server/src/protocol';
import { registerCommands } from './commands';
import { HostChecks } from './host-checks/index';
import { createLanguageClient } from './language-client';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = createLanguageClient(context);
  registerCommands(context, client, new HostChecks(context, client));
  context.subscriptions.push(
    client.onNotification(Methods.showWarning, (p: { message: string }) => {
      void vscode.window.showWarningMessage(`Go Deploy Lint: ${p.message}`);
    }),
  );
  // Files named by units' EnvironmentFile= are env files whatever their name: open them as such.
  const envFiles = new Set<string>();
  const adopt = (doc: vscode.TextDocument): void => {
    if (envFiles.has(doc.uri.toString()) && doc.languageId !== 'dotenv')
      void vscode.languages.setTextDocumentLanguage(doc, 'dotenv');
  };
  context.subscriptions.push(
    client.onNotification(Methods.referencedEnvFiles, (p: ReferencedEnvFilesParams) => {
      for (const u of p.uris) envFiles.add(vscode.Uri.parse(u).toString());
      vscode.workspace.textDocuments.forEach(adopt);
    }),
    vscode.workspace.onDidOpenTextDocument(adopt),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
