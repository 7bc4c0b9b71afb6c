// Owns activate/deactivate: wiring only.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Methods } from '../../server/src/protocol';
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
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
