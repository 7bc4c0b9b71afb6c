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

/**
 * Types `word` one character at a time at `at`, and after each keystroke compares the diagnostics and the code
 * actions on `actionLines` with those of the same text opened fresh under another name.
 */
async function typingMatchesFresh(opts: {
  readonly name: string;
  readonly languageId: string;
  readonly lines: readonly string[];
  readonly at: { readonly line: number; readonly character: number };
  readonly word: string;
  readonly actionLines: readonly number[];
}): Promise<void> {
  const { name, languageId, at } = opts;
  const uri = fileUri(dir, name);
  let text = `${opts.lines.join('\n')}\n`;
  await server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId, version: 1, text },
  });
  const pull = async (u: string): Promise<unknown[]> =>
    (
      (await server.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', {
        textDocument: { uri: u },
      })) as { items: unknown[] }
    ).items;
  await pull(uri);
  for (const [k, ch] of [...opts.word].entries()) {
    const pos = { line: at.line, character: at.character + k };
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: k + 2 },
      contentChanges: [{ range: { start: pos, end: pos }, text: ch }],
    });
    const lineStart = text.split('\n').slice(0, at.line).join('\n').length + (at.line > 0 ? 1 : 0);
    const offset = lineStart + pos.character;
    text = text.slice(0, offset) + ch + text.slice(offset);
    // The same base name in another folder: messages that name the file read the same.
    const fresh = fileUri(path.join(dir, `fresh-${k}`), name);
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: fresh, languageId, version: 1, text },
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
    for (const line of opts.actionLines) {
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
}

test('typing in an env file: after each keystroke the diagnostics and code actions equal those of the same text opened fresh', async () => {
  await typingMatchesFresh({
    name: 'typing.env',
    languageId: 'dotenv',
    lines: Array.from({ length: 400 }, (_, i) =>
      i % 9 === 0 ? `GODEBUG=gctrace=${i % 2}` : i % 13 === 0 ? `GOMAXPROCS=0` : `APP_${i}="value ${i}" # note`,
    ),
    at: { line: 1, character: 'APP_1="value'.length },
    word: 'edit13',
    actionLines: [13, 1],
  });
});

test('typing in a unit: after each keystroke the diagnostics and code actions equal those of the same text opened fresh', async () => {
  const body = Array.from({ length: 400 }, (_, i) =>
    i % 9 === 0 ? `# step ${i}` : i % 13 === 0 ? `TimeoutSec=${i}` : `X-Setting-${i}=value ${i}`,
  );
  await typingMatchesFresh({
    name: 'typing.service',
    languageId: 'systemd-unit',
    lines: [
      '[Unit]',
      'Description=Big unit',
      'Documentation=man:api(8)',
      '[Service]',
      'ExecStart=/usr/local/bin/api',
      ...body,
    ],
    at: { line: 1, character: 'Description=Big'.length },
    word: ' % edit',
    // A duplicate TimeoutSec= line (a safe fix) and the edited line (its specifier finding while `%` stands alone).
    actionLines: [5 + 13, 1],
  });
});
