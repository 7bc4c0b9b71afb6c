// Extension tests for Dockerfiles: GDL401 on a glibc build copied into Alpine, with related information, and its fix.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsFor, ensureActive, restoresFiles, textOf, workspaceUri, quickFix } from './helpers';

suite('Dockerfiles', () => {
  const uri = workspaceUri('docker', 'Dockerfile');
  suiteSetup(ensureActive);
  restoresFiles(() => [uri]);

  test('GDL401 points at the go build, with why it is dynamic, the COPY and the final FROM as related information; the fix disables cgo', async () => {
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.languageId, 'dockerfile');
    await vscode.window.showTextDocument(doc);
    const d = await diagnosticsFor(uri, (x) => x.some((y) => codeOf(y) === 'GDL401'));
    const cgo = d.find((x) => codeOf(x) === 'GDL401');
    assert.ok(cgo !== undefined);
    assert.equal(cgo.range.start.line, 3);
    assert.match(cgo.message, /alpine:3\.20/);
    const related = (cgo.relatedInformation ?? []).map((r) => r.location.range.start.line);
    assert.deepEqual(related, [3, 6, 5]);
    const fix = await quickFix(uri, cgo.range, (t) => t.startsWith('Prefix CGO_ENABLED=0'));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await textOf(doc, (t) => t.includes('RUN CGO_ENABLED=0 go build -o /out/api ./cmd/api'));
    await diagnosticsFor(uri, (x) => !x.some((y) => codeOf(y) === 'GDL401'));
  });
});
