// Owns the command id → handler table.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands } from '../../server/src/protocol';
import type { HostChecks } from './host-checks/index';

export function registerCommands(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  hostChecks: HostChecks,
): void {
  const table: Record<string, (...args: unknown[]) => unknown> = {
    [Commands.showRuleDocumentation]: async (href: unknown) => {
      if (typeof href !== 'string') return;
      const uri = vscode.Uri.parse(href);
      await vscode.commands.executeCommand('markdown.showPreview', uri);
    },
    [Commands.scanHost]: (arg: unknown) =>
      hostChecks.scanHosts(typeof arg === 'object' && arg !== null ? arg : undefined),
    [Commands.scanInventory]: (arg: unknown) =>
      hostChecks.scanInventory(typeof arg === 'object' && arg !== null ? arg : undefined),
    [Commands.showHostReport]: () => hostChecks.showReport(),
    [Commands.restartServer]: async () => {
      await client.restart();
    },
  };
  for (const [id, handler] of Object.entries(table))
    context.subscriptions.push(vscode.commands.registerCommand(id, handler));
}
