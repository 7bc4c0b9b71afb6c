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
