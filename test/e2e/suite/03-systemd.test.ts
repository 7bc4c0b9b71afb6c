// Extension tests for units: the squiggle, Type=forking → Type=exec, hover documentation, [Service] completion.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsFor, ensureActive, restoresFiles, textOf, workspaceUri, quickFix } from './helpers';

suite('systemd units', () => {
  const uri = workspaceUri('deploy', 'etc', 'systemd', 'system', 'api.service');
  suiteSetup(ensureActive);
  restoresFiles(() => [uri]);

  test("a unit under another systemd extension's language id is still linted", async () => {
    // test/e2e/other-systemd-extension, installed next to ours, claims .service as `systemd-conf`; whichever
    // extension VS Code picks for the file, here it is in the other one's language.
    assert.ok((await vscode.languages.getLanguages()).includes('systemd-conf'), 'the other extension is installed');
    const opened = await vscode.workspace.openTextDocument(uri);
    console.log(`with both extensions installed, ${uri.path.split('/').pop() ?? ''} opens as ${opened.languageId}`);
    const doc = await vscode.languages.setTextDocumentLanguage(opened, 'systemd-conf');
    assert.equal(doc.languageId, 'systemd-conf');
    await vscode.window.showTextDocument(doc);
    // Edits keep reaching the server in that language: the finding goes with Type=simple and comes back.
    const at = doc.getText().indexOf('Type=forking');
    assert.ok(at >= 0);
    const range = new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'Type=forking'.length));
    const change = async (text: string): Promise<void> => {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, range, text);
      assert.ok(await vscode.workspace.applyEdit(edit));
    };
    await change('Type=simple');
    await diagnosticsFor(uri, (x) => !x.some((y) => codeOf(y) === 'GDL230'));
    await change('Type=forking');
    const d = await diagnosticsFor(uri, (x) => x.some((y) => codeOf(y) === 'GDL230'));
    assert.equal(doc.languageId, 'systemd-conf');
    assert.ok(d.some((x) => codeOf(x) === 'GDL230'));
  });

  test('Type=forking is flagged and the fix writes Type=exec', async () => {
    const doc = await vscode.languages.setTextDocumentLanguage(
      await vscode.workspace.openTextDocument(uri),
      'systemd-unit',
    );
    assert.equal(doc.languageId, 'systemd-unit');
    await vscode.window.showTextDocument(doc);
    const d = await diagnosticsFor(uri, (x) => x.some((y) => codeOf(y) === 'GDL230'));
    const forking = d.find((x) => codeOf(x) === 'GDL230');
    assert.ok(forking !== undefined);
    const fix = await quickFix(uri, forking.range, (t) => t === 'Use Type=exec');
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
