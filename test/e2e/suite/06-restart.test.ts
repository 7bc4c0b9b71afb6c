// The server process dies: the client restarts it and diagnostics come back for open documents.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { codeOf, diagnosticsFor, ensureActive, workspaceUri } from './helpers';

function serverPids(): number[] {
  const ext = vscode.extensions.getExtension('go-deploy-lint.go-deploy-lint');
  const script = path.join(ext?.extensionPath ?? '', 'dist', 'server.js');
  try {
    return execFileSync('pgrep', ['-f', script], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

suite('server restart', () => {
  suiteSetup(ensureActive);
  suiteTeardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('a killed server is restarted and diagnostics return', async () => {
    const uri = workspaceUri('service', '.env');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await diagnosticsFor(uri, (x) => x.some((y) => codeOf(y) === 'GDL120'));
    const before = serverPids();
    assert.equal(before.length, 1, `server processes: ${before.join(', ')}`);
    process.kill(before[0] as number, 'SIGKILL');
    // An edit made while the server is down still gets diagnostics: the restarted server receives the document.
    await editor.edit((b) => b.insert(new vscode.Position(doc.lineCount, 0), '\nCGO_ENABLED=false\n'));
    await diagnosticsFor(uri, (x) => x.some((y) => codeOf(y) === 'GDL130'));
    const after = serverPids().filter((p) => !before.includes(p));
    assert.equal(after.length, 1, 'no new server process');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
