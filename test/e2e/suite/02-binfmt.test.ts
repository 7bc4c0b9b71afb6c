// Extension tests for binfmt.d files: hover decodes the architecture, and the per-arch fix replaces magic and mask.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsFor, ensureActive, restoresFiles, textOf, workspaceUri, quickFixes } from './helpers';

suite('binfmt_misc', () => {
  const touched = workspaceUri('etc', 'binfmt.d', 'go-runner.conf');
  suiteSetup(ensureActive);
  restoresFiles(() => [touched]);

  test('hover on a qemu registration decodes the ELF machine', async () => {
    const uri = workspaceUri('etc', 'binfmt.d', 'qemu-aarch64.conf');
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.languageId, 'binfmt');
    await vscode.window.showTextDocument(doc);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      new vscode.Position(0, 3),
    );
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /64-bit LSB ELF, EXEC or DYN, machine aarch64 \(183\)/);
  });

  test('GDL320 on the catch-all ELF registration, and the aarch64 fix replaces magic and mask', async () => {
    const doc = await vscode.workspace.openTextDocument(touched);
    await vscode.window.showTextDocument(doc);
    const d = await diagnosticsFor(touched, (x) => x.some((y) => codeOf(y) === 'GDL320'));
    const diag = d.find((x) => codeOf(x) === 'GDL320');
    assert.ok(diag !== undefined);
    assert.equal(diag.severity, vscode.DiagnosticSeverity.Error);
    const actions = await quickFixes(touched, diag.range);
    const titles = actions.map((a) => a.title);
    for (const arch of ['aarch64', 'arm', 'riscv64', 'ppc64le', 's390x', 'x86_64'])
      assert.ok(
        titles.some((t) => t.includes(`only ${arch} binaries`)),
        titles.join(' | '),
      );
    const fix = actions.find((a) => a.title.includes('only aarch64 binaries'));
    assert.ok(fix?.edit !== undefined);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await textOf(doc, (t) => t.includes('\\x02\\x00\\xb7\\x00:\\xff\\xff'));
    await diagnosticsFor(touched, (x) => !x.some((y) => codeOf(y) === 'GDL320'));
  });
});
