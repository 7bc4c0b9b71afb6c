// Owns the Scan Host picker: this machine, recent hosts, hosts of the ssh config, or one typed in.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { sshConfigHostsOf, validDestination } from '../ssh-hosts';
import { hostCheckSettings } from './settings';

export const RECENT_KEY = 'goDeployLint.recentHosts';
const THIS_MACHINE = 'This machine';
const ENTER = 'Enter user@host…';

/** What the picker offers: this machine, recent hosts, hosts of the ssh config. */
export function hostItems(context: vscode.ExtensionContext): vscode.QuickPickItem[] {
  const s = hostCheckSettings();
  const recent = context.globalState.get<string[]>(RECENT_KEY, []);
  const file = s.sshConfig !== '' ? s.sshConfig : path.join(os.homedir(), '.ssh', 'config');
  // Include lines are followed as ssh follows them; no ssh config means only recent hosts and manual entry.
  const configHosts = sshConfigHostsOf(file, {
    home: os.homedir(),
    read: (f) => {
      try {
        return fs.readFileSync(f, 'utf8');
      } catch {
        return undefined;
      }
    },
    list: (d) => {
      try {
        return fs.readdirSync(d);
      } catch {
        return [];
      }
    },
  });
  const items: vscode.QuickPickItem[] = [{ label: THIS_MACHINE, description: 'run the probe locally' }];
  if (recent.length > 0)
    items.push(
      { label: 'Recent', kind: vscode.QuickPickItemKind.Separator },
      ...recent.map((h) => ({ label: h, description: 'recent' })),
    );
  const fromConfig = configHosts.filter((h) => !recent.includes(h));
  if (fromConfig.length > 0)
    items.push(
      { label: 'ssh config', kind: vscode.QuickPickItemKind.Separator },
      ...fromConfig.map((h) => ({ label: h, description: path.basename(file) })),
    );
  items.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, { label: ENTER, alwaysShow: true });
  return items;
}

/** The hosts picked (undefined for this machine), or undefined when the user cancelled. */
export async function pickHosts(context: vscode.ExtensionContext): Promise<(string | undefined)[] | undefined> {
  const picked = await vscode.window.showQuickPick(hostItems(context), {
    title: 'Go Deploy Lint: Scan Host',
    placeHolder: 'Hosts to probe (read-only, over ssh)',
    canPickMany: true,
    ignoreFocusOut: true,
  });
  if (picked === undefined || picked.length === 0) return undefined;
  const hosts: (string | undefined)[] = [];
  for (const p of picked) {
    if (p.label === THIS_MACHINE) hosts.push(undefined);
    else if (p.label === ENTER) {
      const typed = await vscode.window.showInputBox({
        title: 'Go Deploy Lint: Scan Host',
        prompt: 'ssh destination (user@host or a config alias)',
        validateInput: validDestination,
        ignoreFocusOut: true,
      });
      if (typed === undefined) return undefined;
      hosts.push(typed.trim());
    } else hosts.push(p.label);
  }
  return hosts;
}

/** Remembers the named hosts first, then the earlier recent ones (ten at most). */
export async function rememberHosts(context: vscode.ExtensionContext, named: readonly string[]): Promise<void> {
  const recent = context.globalState.get<string[]>(RECENT_KEY, []);
  await context.globalState.update(RECENT_KEY, [...named, ...recent.filter((h) => !named.includes(h))].slice(0, 10));
}
