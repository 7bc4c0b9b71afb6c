// Owns the host-check settings the client reads (goDeployLint.hostChecks.*), clamped to their allowed ranges.
import * as vscode from 'vscode';

export interface HostCheckSettings {
  readonly concurrency: number;
  readonly timeoutSeconds: number;
  readonly sshConfig: string;
  readonly binaries: string[];
  readonly units: string[];
  readonly inventory: string;
}

export function hostCheckSettings(): HostCheckSettings {
  const c = vscode.workspace.getConfiguration('goDeployLint.hostChecks');
  return {
    concurrency: Math.max(1, Math.min(32, c.get<number>('concurrency', 4))),
    timeoutSeconds: Math.max(5, c.get<number>('timeoutSeconds', 60)),
    sshConfig: c.get<string>('sshConfig', ''),
    binaries: c.get<string[]>('binaries', []),
    units: c.get<string[]>('units', []),
    inventory: c.get<string>('inventory', ''),
  };
}
