// Owns waiting helpers for extension tests (events, never sleeps) and the checks several suites share.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export function workspaceUri(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder === undefined) throw new Error('no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

/** Resolves when the document's diagnostics satisfy the predicate (checked now and on every change). */
export function diagnosticsFor(
  uri: vscode.Uri,
  until: (d: vscode.Diagnostic[]) => boolean,
  timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'go-deploy-lint');
      if (!until(d)) return false;
      sub.dispose();
      clearTimeout(timer);
      resolve(d);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(
        new Error(
          `timed out waiting for diagnostics on ${uri.toString()}: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => d.message))}`,
        ),
      );
    }, timeoutMs);
    check();
  });
}

/** Resolves when the document's text satisfies the predicate. */
export function textOf(doc: vscode.TextDocument, until: (t: string) => boolean, timeoutMs = 15_000): Promise<string> {
  return new Promise((resolve, reject) => {
    if (until(doc.getText())) return resolve(doc.getText());
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc && until(doc.getText())) {
        sub.dispose();
        clearTimeout(timer);
        resolve(doc.getText());
      }
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out; text is ${JSON.stringify(doc.getText())}`));
    }, timeoutMs);
  });
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Activates the extension and waits until its language client has started (activate() awaits client.start()). */
export async function ensureActive(): Promise<void> {
  const ext = vscode.extensions.getExtension('go-deploy-lint.go-deploy-lint');
  if (ext === undefined) throw new Error('extension go-deploy-lint.go-deploy-lint is not installed');
  await ext.activate();
}

/**
 * Suite hooks for suites that edit workspace files: remember their bytes, and afterwards close the editors the way
 * the suite leaves them (revert the active one, or close all) and put the original bytes back.
 */
export function restoresFiles(uris: () => vscode.Uri[], close: 'revert-active' | 'close-all' = 'revert-active'): void {
  const originals = new Map<string, Uint8Array>();
  suiteSetup(async () => {
    for (const u of uris()) originals.set(u.toString(), await vscode.workspace.fs.readFile(u));
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand(
      close === 'close-all' ? 'workbench.action.closeAllEditors' : 'workbench.action.revertAndCloseActiveEditor',
    );
    for (const u of uris()) {
      const bytes = originals.get(u.toString());
      if (bytes !== undefined) await vscode.workspace.fs.writeFile(u, bytes);
    }
  });
}

/** The quick fixes the editor offers for a range. */
export async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    vscode.CodeActionKind.QuickFix.value,
  );
}

/** The quick fix whose title matches, with an edit; fails listing the titles offered when there is none. */
export async function quickFix(
  uri: vscode.Uri,
  range: vscode.Range,
  title: (t: string) => boolean,
): Promise<vscode.CodeAction & { edit: vscode.WorkspaceEdit }> {
  const actions = await quickFixes(uri, range);
  const fix = actions.find((a) => title(a.title));
  if (fix?.edit === undefined)
    throw new Error(`no such quick fix; offered: ${actions.map((a) => a.title).join(' | ')}`);
  return fix as vscode.CodeAction & { edit: vscode.WorkspaceEdit };
}

/**
 * Opens the page of the first rule a report links to (`](GDL5NN-name.md)`, relative to `folder` of the report
 * scheme) and checks that it is that rule's page.
 */
export async function assertRuleLinkResolves(markdown: string, folder = ''): Promise<void> {
  const link = /\]\((GDL5\d\d-[a-z0-9-]+\.md)\)/.exec(markdown)?.[1];
  assert.ok(link !== undefined, markdown);
  const page = await vscode.workspace.openTextDocument(vscode.Uri.parse(`go-deploy-lint-report:/${folder}${link}`));
  assert.match(page.getText(), new RegExp(`^# ${link.slice(0, 6)} `));
}

/** Asserts that a Markdown preview whose tab label includes `label` is open. */
export function assertPreviewOpen(label: string): void {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
  assert.ok(
    tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.label.includes(label)),
    tabs.map((t) => t.label).join(' | '),
  );
}
