// Extension tests in a real VS Code extension host: activation, diagnostics with links, quick fix, fix-all on save.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsFor, restoresFiles, textOf, workspaceUri, quickFix } from './helpers';

suite('env files', () => {
  // The suite edits and saves workspace files; put them back so the @vscode/test-electron run leaves the tree clean.
  restoresFiles(() => ['.env', 'on-save.env'].map((f) => workspaceUri('service', f)), 'close-all');

  test('the extension activates on a .env and reports diagnostics with codes and doc links', async () => {
    const uri = workspaceUri('service', '.env');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'dotenv');
    const d = await diagnosticsFor(uri, (x) => x.some((y) => codeOf(y) === 'GDL120'));
    const ext = vscode.extensions.all.find((e) => (e.packageJSON as { name?: string }).name === 'go-deploy-lint');
    assert.equal(ext?.isActive, true);
    const memlimit = d.find((x) => codeOf(x) === 'GDL120');
    assert.ok(memlimit !== undefined);
    assert.equal(memlimit.severity, vscode.DiagnosticSeverity.Error);
    const target = typeof memlimit.code === 'object' ? memlimit.code.target : undefined;
    assert.match(target?.toString() ?? '', /docs\/rules\/GDL120-malformed-gomemlimit\.md$/);
    const page = await vscode.workspace.fs.readFile(target ?? vscode.Uri.parse('missing:'));
    assert.match(Buffer.from(page).toString('utf8'), /^# GDL120 malformed-gomemlimit/);
  });

  test('a quick fix applies', async () => {
    const uri = workspaceUri('service', '.env');
    const doc = await vscode.workspace.openTextDocument(uri);
    const d = await diagnosticsFor(uri, (x) => x.some((y) => codeOf(y) === 'GDL130'));
    const cgo = d.find((x) => codeOf(x) === 'GDL130');
    assert.ok(cgo !== undefined);
    const fix = await quickFix(uri, cgo.range, (t) => t === 'Change to `0`');
    assert.equal(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await textOf(doc, (t) => t.includes('CGO_ENABLED=0\n'));
    await diagnosticsFor(uri, (x) => !x.some((y) => codeOf(y) === 'GDL130'));
  });

  test('fix-all runs on save through editor.codeActionsOnSave', async () => {
    const uri = workspaceUri('service', 'on-save.env');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await diagnosticsFor(uri, (x) => x.some((y) => codeOf(y) === 'GDL120'));
    await editor.edit((b) => b.insert(new vscode.Position(doc.lineCount - 1, 0), 'GOGC=OFF\n'));
    await diagnosticsFor(uri, (x) => x.some((y) => codeOf(y) === 'GDL121'));
    await vscode.commands.executeCommand('workbench.action.files.save');
    const text = await textOf(doc, (t) => t.includes('GOMEMLIMIT=1GiB') && t.includes('GOGC=off'));
    assert.ok(!doc.isDirty, 'saved');
    assert.match(text, /GOTOOLCHAIN=go1\.27\n/, 'unsafe fixes are not applied on save');
    const onDisk = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
    assert.equal(onDisk, text);
  });

  test('hover shows what each loader sees', async () => {
    const uri = workspaceUri('service', '.env');
    await vscode.workspace.openTextDocument(uri);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      new vscode.Position(0, 3),
    );
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /GOMEMLIMIT/);
    assert.match(text, /dotenv sees/);
  });
});
