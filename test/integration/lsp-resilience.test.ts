// The server under stress: 10^4 random incremental edits, out-of-order versions, cancelled requests, a 50 MB
// document, debounced validation. Diagnostics must always end up matching the final text.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import { lintText } from '../support/lint-text';
import { fileUri, startServer, type TestServer } from './lsp-client';

let dir = '';
let server: TestServer;
const key = (d: { code?: unknown; range: Diagnostic['range'] }): string =>
  `${String(d.code)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-res-'));
  server = await startServer({ rootDir: dir });
});
after(async () => {
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const FRAGMENTS = [
  'GOMEMLIMIT=',
  '512M',
  'iB',
  '\n',
  'CGO_ENABLED=false\n',
  '"',
  '#',
  ' ',
  'export ',
  'GOGC=off\n',
  '=',
  '\\',
  'PATH=$PATH:/usr/local/go/bin\n',
  '\r\n',
  'é',
  '😀',
];

test('10,000 random incremental edits: the final diagnostics are those of the final text', async () => {
  const uri = fileUri(dir, 'edits.env');
  let doc = TextDocument.create(uri, 'dotenv', 1, 'GOMEMLIMIT=512MiB\nCGO_ENABLED=0\n');
  void server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'dotenv', version: 1, text: doc.getText() },
  });
  const edit = fc.record({ at: fc.nat(), len: fc.nat({ max: 12 }), text: fc.constantFrom(...FRAGMENTS) });
  const edits = fc.sample(edit, { numRuns: 10_000, seed: 42 });
  let version = 1;
  for (const [i, e] of edits.entries()) {
    const text = doc.getText();
    const start = text.length === 0 ? 0 : e.at % (text.length + 1);
    const end = Math.min(text.length, start + (text.length > 2000 ? e.len + 20 : e.len % 3));
    const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
    version++;
    doc = TextDocument.update(doc, [{ range, text: e.text }], version);
    void server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range, text: e.text }],
    });
    if (i % 2500 === 0) await new Promise((r) => setImmediate(r));
  }
  const final = await server.diagnostics(uri, (_d, v) => v === version);
  const expected = lintText(doc.getText(), { file: path.join(dir, 'edits.env') }).findings.map((f) =>
    key({ code: f.rule.id, range: f.range }),
  );
  assert.deepEqual(final.map(key), expected);
  // Debounced: far fewer publications than edits.
  assert.ok(server.publishes(uri) < 200, `${server.publishes(uri)} publications for 10,000 edits`);
});

test('an out-of-order (older) version never crashes the server; the newest full text wins', async () => {
  const uri = fileUri(dir, 'order.env');
  void server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'dotenv', version: 5, text: 'GOGC=off\n' },
  });
  void server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 3 },
    contentChanges: [{ text: 'GOGC=bad\n' }],
  });
  void server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 9 },
    contentChanges: [{ text: 'CGO_ENABLED=false\n' }],
  });
  const d = await server.diagnostics(uri, (_x, v) => v === 9);
  assert.deepEqual(
    d.map((x) => String(x.code)),
    ['GDL130'],
  );
});

test('cancelled requests are answered or cancelled, and the server keeps serving', async () => {
  const uri = fileUri(dir, 'cancel.env');
  void server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'dotenv', version: 1, text: 'GOMEMLIMIT=512M\n' },
  });
  const results = await Promise.allSettled(
    Array.from({ length: 50 }, (_, i) => {
      const source = new CancellationTokenSource();
      const p = server.connection.sendRequest(
        'textDocument/hover',
        { textDocument: { uri }, position: { line: 0, character: i % 12 } },
        source.token,
      );
      source.cancel();
      return p;
    }),
  );
  for (const r of results) if (r.status === 'rejected') assert.match(String((r.reason as Error).message), /cancel/i);
  const d = await server.diagnostics(uri, (x) => x.length > 0);
  assert.deepEqual(
    d.map((x) => String(x.code)),
    ['GDL120'],
  );
  const hover = await server.connection.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: { line: 0, character: 2 },
  });
  assert.ok(hover !== null);
});

test('a 50 MB document gets one clear note (size limit setting) and does not block other documents', async () => {
  const big = fileUri(dir, 'huge.env');
  const text = 'GOMEMLIMIT=512M # x\n'.repeat(2_700_000);
  assert.ok(text.length > 50_000_000);
  void server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: big, languageId: 'dotenv', version: 1, text },
  });
  const small = fileUri(dir, 'small.env');
  void server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: small, languageId: 'dotenv', version: 1, text: 'CGO_ENABLED=false\n' },
  });
  assert.deepEqual(
    (await server.diagnostics(small, (x) => x.length > 0)).map((x) => String(x.code)),
    ['GDL130'],
  );
  const note = await server.diagnostics(big, (x) => x.length > 0);
  assert.equal(note.length, 1);
  assert.match(String(note[0]?.message ?? ''), /5\d\.\d MB, above goDeployLint\.maxFileSizeMB \(8 MB\)/);
  void server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: big } });
});

test('150,000 findings: the editor gets the first 1,000 (errors first) and one note for the rest', async () => {
  const uri = fileUri(dir, 'many.env');
  const text = 'GOGC=abc\n'.repeat(75_000) + 'GOMEMLIMIT=1G\n';
  void server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'dotenv', version: 1, text },
  });
  const diags = await server.diagnostics(uri, (x) => x.length > 0);
  assert.equal(diags.length, 1001);
  // The one error (GDL120 on the last line) comes first, although it is the last finding in the file.
  assert.equal(String(diags[0]?.code), 'GDL120');
  const note = diags[1000];
  assert.equal(note?.code, undefined);
  // 75,000 GDL121 + 74,999 GDL101 + 1 GDL120: the analysis stops at 100,000.
  assert.match(
    String(note?.message),
    /^99,000 more findings are not shown \(the editor shows the first 1,000\).*; analysis stopped after 100,000 findings$/,
  );
  void server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
});

test('a lone CR is a line break for the editor: diagnostics land on the lines it shows', async () => {
  const uri = fileUri(dir, 'oldmac.env');
  const text = 'GOGC=100\rCGO_ENABLED=false\rGOMEMLIMIT=1GiB\r';
  void server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'dotenv', version: 1, text },
  });
  const d = await server.diagnostics(uri, (x) => x.length > 0);
  const doc = TextDocument.create(uri, 'dotenv', 1, text);
  const gdl130 = d.find((x) => String(x.code) === 'GDL130');
  assert.ok(gdl130 !== undefined, JSON.stringify(d));
  assert.equal(gdl130.range.start.line, 1);
  assert.equal(doc.getText(gdl130.range), 'false');
});
