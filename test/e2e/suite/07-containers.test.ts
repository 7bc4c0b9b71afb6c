// Extension tests for Compose files and Kubernetes manifests: findings on YAML the editor opens as `yaml`, a quick fix,
// and YAML that is neither left alone.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsFor, ensureActive, restoresFiles, textOf, workspaceUri, quickFix } from './helpers';

suite('Compose and Kubernetes', () => {
  const compose = workspaceUri('deploy', 'compose.yaml');
  const manifest = workspaceUri('deploy', 'k8s', 'api.yaml');
  const values = workspaceUri('deploy', 'k8s', 'values.yaml');
  suiteSetup(ensureActive);
  restoresFiles(() => [compose, manifest], 'close-all');

  test('a Compose file: GOMEMLIMIT at the memory limit is an error, and the fix leaves 10 % headroom', async () => {
    const doc = await vscode.workspace.openTextDocument(compose);
    console.log(`compose.yaml opens as ${doc.languageId}`);
    await vscode.window.showTextDocument(doc);
    const d = await diagnosticsFor(compose, (x) => x.some((y) => codeOf(y) === 'GDL602'));
    const over = d.find((x) => codeOf(x) === 'GDL602');
    assert.ok(over !== undefined);
    assert.equal(over.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(over.range.start.line, 5);
    const fix = await quickFix(compose, over.range, (t) => t === 'Set GOMEMLIMIT to 460MiB (90 % of the limit)');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await textOf(doc, (t) => t.includes('GOMEMLIMIT: 460MiB\n'));
    await diagnosticsFor(compose, (x) => !x.some((y) => codeOf(y) === 'GDL602'));
  });

  test('a Kubernetes manifest: a memory quantity the API server rejects', async () => {
    const doc = await vscode.workspace.openTextDocument(manifest);
    assert.equal(doc.languageId, 'yaml');
    await vscode.window.showTextDocument(doc);
    const d = await diagnosticsFor(manifest, (x) => x.some((y) => codeOf(y) === 'GDL601'));
    assert.match(d.find((x) => codeOf(x) === 'GDL601')?.message ?? '', /`512MB` is not a Kubernetes quantity/);
  });

  test('other YAML is not analysed', async () => {
    const doc = await vscode.workspace.openTextDocument(values);
    await vscode.window.showTextDocument(doc, { preview: false });
    // Opened after it, the manifest gets its findings: the server has seen both opens by then, in order.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(manifest), { preview: false });
    await diagnosticsFor(manifest, (x) => x.length > 0);
    assert.equal(doc.languageId, 'yaml');
    // values.yaml holds a Compose-like service with a malformed limit: analysed, it would get GDL601.
    assert.deepEqual(vscode.languages.getDiagnostics(values), []);
  });
});
