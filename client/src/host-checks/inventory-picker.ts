// Owns the Scan Inventory pickers: the inventory file (setting, else a file dialog) and the groups and hosts to scan.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { InventoryGroup } from '../../../server/src/host/ansible';
import { hostCheckSettings } from './settings';

const TITLE = 'Go Deploy Lint: Scan Inventory';
const ALL = 'All hosts';

/** The inventory to scan: the setting (relative to the first workspace folder), else one the user picks. */
export async function pickInventory(): Promise<string | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const configured = hostCheckSettings().inventory;
  if (configured !== '') {
    const file =
      path.isAbsolute(configured) || folder === undefined ? configured : path.join(folder.fsPath, configured);
    if (fs.existsSync(file)) return file;
    void vscode.window.showErrorMessage(
      `Go Deploy Lint: the inventory ${configured} (goDeployLint.hostChecks.inventory) does not exist.`,
    );
    return undefined;
  }
  const picked = await vscode.window.showOpenDialog({
    title: `${TITLE}: inventory file`,
    openLabel: 'Scan Inventory',
    canSelectFiles: true,
    canSelectFolders: false,
    canSelectMany: false,
    ...(folder !== undefined ? { defaultUri: folder } : {}),
  });
  return picked?.[0]?.fsPath;
}

interface TargetItem extends vscode.QuickPickItem {
  /** The Ansible pattern this item selects. */
  readonly pattern?: string;
}

/** What the host picker offers: every host, then each group, then each host, with how many hosts each selects. */
export function targetItems(groups: readonly InventoryGroup[], hosts: readonly string[]): TargetItem[] {
  const count = (n: number): string => `${n} host${n === 1 ? '' : 's'}`;
  const items: TargetItem[] = [{ label: ALL, description: count(hosts.length), pattern: 'all' }];
  if (groups.length > 0)
    items.push(
      { label: 'Groups', kind: vscode.QuickPickItemKind.Separator },
      ...groups.map((g) => ({
        label: g.name,
        description: count(g.hosts.length),
        detail: g.hosts.slice(0, 8).join(', ') + (g.hosts.length > 8 ? ', …' : ''),
        pattern: g.name,
      })),
    );
  items.push(
    { label: 'Hosts', kind: vscode.QuickPickItemKind.Separator },
    ...hosts.map((h) => ({ label: h, description: 'host', pattern: h })),
  );
  return items;
}

/** The Ansible pattern of the picked items (`all`, or a union `web:db-01`), or undefined when cancelled. */
export function patternOf(picked: readonly TargetItem[]): string | undefined {
  const patterns = picked.map((p) => p.pattern).filter((p): p is string => p !== undefined);
  if (patterns.length === 0) return undefined;
  return patterns.includes('all') ? 'all' : [...new Set(patterns)].join(':');
}

export async function pickTargets(
  inventory: string,
  groups: readonly InventoryGroup[],
  hosts: readonly string[],
): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(targetItems(groups, hosts), {
    title: `${TITLE}: ${path.basename(inventory)}`,
    placeHolder: 'Groups and hosts to probe (read-only, through Ansible)',
    canPickMany: true,
    matchOnDetail: true,
    ignoreFocusOut: true,
  });
  return picked === undefined ? undefined : patternOf(picked);
}
