// Pull diagnostics (LSP 3.17): the server answers textDocument/diagnostic and asks for a refresh on settings change.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { fileUri, startServer, type TestServer } from './lsp-client';

let dir = '';
let server: TestServer;
let onRefresh: () => void = () => undefined;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-pull-'));
  server = await startServer({
    rootDir: dir,
    capabilities: {
      workspace: { configuration: true, diagnostics: { refreshSupport: true } },
      textDocument: { diagnostic: { dynamicRegistration: false } },
    },
  });
  server.connection.onRequest('workspace/diagnostic/refresh', () => {
    onRefresh();
    return null;
  });
});
after(async () => {
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('pull returns the diagnostics of the current version', async () => {
  const uri = fileUri(dir, 'x.env');
  await server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'dotenv', version: 1, text: 'GOMAXPROCS=0\n' },
  });
  const report = await server.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', {
    textDocument: { uri },
  });
  assert.equal(report.kind, 'full');
  assert.deepEqual(report.kind === 'full' ? report.items.map((d) => d.code) : [], ['GDL122']);
});

test('a settings change asks the client to refresh', { timeout: 10_000 }, async () => {
  const refreshed = new Promise<void>((resolve) => (onRefresh = resolve));
  await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  // Times out (and fails) unless the server sends workspace/diagnostic/refresh.
  await refreshed;
});

test('typing in an env file: after each keystroke the diagnostics and code actions equal those of the same text opened fresh', async () => {
  const uri = fileUri(dir, 'typing.env');
  const lines = Array.from({ length: 400 }, (_, i) =>
    i % 9 === 0 ? `GODEBUG=gctrace=${i % 2}` : i % 13 === 0 ? `GOMAXPROCS=0` : `APP_${i}="value ${i}" # note`,
  );
  let text = `${lines.join('\n')}\n`;
  await server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'dotenv', version: 1, text },
  });
  const pull = async (u: string): Promise<unknown[]> =>
    (
      (await server.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', {
        textDocument: { uri: u },
      })) as { items: unknown[] }
    ).items;
  await pull(uri);
  const at = { line: 1, character: '[APP_1="value'.length - 1 };
  for (const [k, ch] of [...'edit13'].entries()) {
    const pos = { line: at.line, character: at.character + k };
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: k + 2 },
      contentChanges: [{ range: { start: pos, end: pos }, text: ch }],
    });
    const offset = text.indexOf('\n') + 1 + pos.character;
    text = text.slice(0, offset) + ch + text.slice(offset);
    const fresh = fileUri(dir, `typing-${k}.env`);
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: fresh, languageId: 'dotenv', version: 1, text },
    });
    // Related information names the document: the fresh one's URI reads as the edited one's.
    assert.equal(
      JSON.stringify(await pull(uri)),
      JSON.stringify(await pull(fresh)).replaceAll(fresh, uri),
      `after typing ${JSON.stringify(ch)}`,
    );
    // Code actions on a line with findings (and on the edited line) equal those of the fresh document.
    const actions = async (u: string, line: number): Promise<string> =>
      JSON.stringify(
        await server.connection.sendRequest('textDocument/codeAction', {
          textDocument: { uri: u },
          range: { start: { line, character: 0 }, end: { line, character: 12 } },
          context: { diagnostics: [] },
        }),
      );
    for (const line of [13, at.line]) {
      const edited = await actions(uri, line);
      assert.match(edited, /"title"/, `line ${line} has code actions`);
      // Edits name the document and its version: the fresh one's read as the edited one's.
      assert.equal(
        edited,
        (await actions(fresh, line)).replaceAll(fresh, uri).replace(/"version":1\b/g, `"version":${k + 2}`),
        `code actions on line ${line + 1} after typing ${JSON.stringify(ch)}`,
      );
    }
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: fresh } });
  }
});
