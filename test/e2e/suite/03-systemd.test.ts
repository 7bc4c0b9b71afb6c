// Extension tests for units: the squiggle, Type=forking → Type=exec, hover documentation, [Service] completion.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsFor, ensureActive, restoresFiles, textOf, workspaceUri } from './helpers';

suite('systemd units', () => {
  const uri = workspaceUri('deploy', 'etc', 'systemd', 'system', 'api.service');
  suiteSetup(ensureActive);
  restoresFiles(() => [uri]);

  test('Type=forking is flagged and the fix writes Type=exec', async () => {
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.languageId, 'systemd-unit');
    await vscode.window.showTextDocument(doc);
    const d = await diagnosticsFor(uri, (x) => x.some((y) => codeOf(y) === 'GDL230'));
    const forking = d.find((x) => codeOf(x) === 'GDL230');
    assert.ok(forking !== undefined);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      forking.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title === 'Use Type=exec');
    assert.ok(fix?.edit !== undefined, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await textOf(doc, (t) => t.includes('Type=exec\n'));
    await diagnosticsFor(uri, (x) => !x.some((y) => codeOf(y) === 'GDL230'));
  });

  test('hover shows what a directive does and links the man page', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      new vscode.Position(6, 3),
    );
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*ExecStart=\*\* in \[Service\]/);
    assert.match(text, /systemd\.service\.html#ExecStart=/);
  });

  test('completion lists [Service] directives', async () => {
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((b) => b.insert(new vscode.Position(doc.lineCount, 0), 'Mem'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri,
      new vscode.Position(doc.lineCount - 1, 3),
    );
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const k of ['MemoryMax', 'ExecStart', 'Restart', 'User']) assert.ok(labels.includes(k), k);
    assert.ok(!labels.includes('WantedBy'), 'Install directives are not offered in [Service]');
  });
});
