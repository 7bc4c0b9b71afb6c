// Pull diagnostics (LSP 3.17): the server answers textDocument/diagnostic and asks for a refresh on settings change.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import fc from 'fast-check';
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

/** One keystroke: `remove` characters at `offset` replaced by `insert`. */
interface Keystroke {
  readonly offset: number;
  readonly remove: number;
  readonly insert: string;
}

/**
 * Sends `count` keystrokes (`next(text, k)` makes the k-th from the current text) as incremental changes, and after
 * each compares the diagnostics, and the code actions on `actionLines`, with those of the same text opened fresh
 * under the same name in another folder.
 */
async function keystrokesMatchFresh(opts: {
  readonly name: string;
  readonly languageId: string;
  readonly text: string;
  readonly count: number;
  readonly next: (text: string, k: number) => Keystroke;
  readonly actionLines: readonly number[];
}): Promise<void> {
  const { name, languageId } = opts;
  const uri = fileUri(dir, name);
  let doc = TextDocument.create(uri, languageId, 1, opts.text);
  await server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId, version: 1, text: doc.getText() },
  });
  const pull = async (u: string): Promise<unknown[]> =>
    (
      (await server.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', {
        textDocument: { uri: u },
      })) as { items: unknown[] }
    ).items;
  await pull(uri);
  for (let k = 0; k < opts.count; k++) {
    const key = opts.next(doc.getText(), k);
    const range = { start: doc.positionAt(key.offset), end: doc.positionAt(key.offset + key.remove) };
    doc = TextDocument.update(doc, [{ range, text: key.insert }], k + 2);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: k + 2 },
      contentChanges: [{ range, text: key.insert }],
    });
    // The same base name in another folder: messages that name the file read the same.
    const fresh = fileUri(path.join(dir, `fresh-${k}`), name);
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: fresh, languageId, version: 1, text: doc.getText() },
    });
    const what = `after keystroke ${k + 1} (${JSON.stringify(key)})`;
    // Related information names the document: the fresh one's URI reads as the edited one's.
    assert.equal(JSON.stringify(await pull(uri)), JSON.stringify(await pull(fresh)).replaceAll(fresh, uri), what);
    // Code actions on a line with findings (and on the edited line) equal those of the fresh document.
    const actions = async (u: string, line: number): Promise<string> =>
      JSON.stringify(
        await server.connection.sendRequest('textDocument/codeAction', {
          textDocument: { uri: u },
          range: { start: { line, character: 0 }, end: { line, character: 12 } },
          context: { diagnostics: [] },
        }),
      );
    for (const line of [...opts.actionLines, doc.positionAt(key.offset).line]) {
      const edited = await actions(uri, line);
      // Edits name the document and its version: the fresh one's read as the edited one's.
      assert.equal(
        edited,
        (await actions(fresh, line)).replaceAll(fresh, uri).replace(/"version":1\b/g, `"version":${k + 2}`),
        `code actions on line ${line + 1} ${what}`,
      );
    }
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: fresh } });
  }
}

/** Typing `word` one character at a time from `character` on `line`. */
const typing =
  (line: number, character: number, word: string) =>
  (text: string, k: number): Keystroke => ({
    offset: text.split('\n').slice(0, line).join('\n').length + (line > 0 ? 1 : 0) + character + k,
    remove: 0,
    insert: word[k] ?? '',
  });

test('typing in an env file: after each keystroke the diagnostics and code actions equal those of the same text opened fresh', async () => {
  const lines = Array.from({ length: 400 }, (_, i) =>
    i % 9 === 0 ? `GODEBUG=gctrace=${i % 2}` : i % 13 === 0 ? `GOMAXPROCS=0` : `APP_${i}="value ${i}" # note`,
  );
  await keystrokesMatchFresh({
    name: 'typing.env',
    languageId: 'dotenv',
    text: `${lines.join('\n')}\n`,
    count: 'edit13'.length,
    next: typing(1, 'APP_1="value'.length, 'edit13'),
    actionLines: [13],
  });
});

const UNIT_HEAD = [
  '[Unit]',
  'Description=Big unit',
  'Documentation=man:api(8)',
  '[Service]',
  'ExecStart=/usr/local/bin/api',
];

test('typing in a unit: after each keystroke the diagnostics and code actions equal those of the same text opened fresh', async () => {
  const body = Array.from({ length: 400 }, (_, i) =>
    i % 9 === 0 ? `# step ${i}` : i % 13 === 0 ? `TimeoutSec=${i}` : `X-Setting-${i}=value ${i}`,
  );
  await keystrokesMatchFresh({
    name: 'typing.service',
    languageId: 'systemd-unit',
    text: `${[...UNIT_HEAD, ...body].join('\n')}\n`,
    count: ' % edit'.length,
    next: typing(1, 'Description=Big'.length, ' % edit'),
    // A duplicate TimeoutSec= line (a safe fix); the edited line (its specifier finding while `%` stands alone).
    actionLines: [5 + 13],
  });
});

test('random keystrokes in the values of a unit: diagnostics and code actions equal those of the text opened fresh', async () => {
  // Real lines of every kind: keys rules read across lines, keys they do not, duplicates, Go settings.
  const body = [
    'Type=simple',
    'Restart=always',
    'RestartSec=50ms',
    'User=api',
    'Environment=GOGC=100 GOMEMLIMIT=900MiB',
    'MemoryMax=1G',
    'WorkingDirectory=/srv/api',
    'Nice=5',
    'TimeoutStopSec=30s',
    'Nice=6',
    'LimitNOFILE=1024',
    '[Install]',
    'WantedBy=multi-user',
  ];
  const text = `${[...UNIT_HEAD, ...body].join('\n')}\n`;
  // A seeded sequence: a line that has a `=`, a place in its value, a character typed or one deleted (40 of the 120
  // take the keystroke path; the others are keys rules read across lines, or the duplicate Nice=). A backslash at
  // a line's end (which makes every later edit a whole analysis) is the unit tests' case.
  const picks = fc.sample(
    fc.record({ line: fc.nat(), column: fc.nat(), insert: fc.constantFrom('', 'x', '0', '%', ' ', 'M', '#') }),
    { numRuns: 120, seed: 7 },
  );
  await keystrokesMatchFresh({
    name: 'random.service',
    languageId: 'systemd-unit',
    text,
    count: picks.length,
    next: (current, k) => {
      const p = picks[k] ?? { line: 0, column: 0, insert: 'x' };
      const lines = current.split('\n');
      const keyed = lines.flatMap((l, i) => (l.includes('=') ? [i] : []));
      const i = keyed[p.line % keyed.length] ?? 0;
      const l = lines[i] ?? '';
      const eq = l.indexOf('=');
      const start = lines.slice(0, i).join('\n').length + (i > 0 ? 1 : 0);
      const at = eq + 1 + (p.column % (l.length - eq));
      // An empty insert deletes the character before (when the value has one).
      return p.insert === '' && at > eq + 1
        ? { offset: start + at - 1, remove: 1, insert: '' }
        : { offset: start + at, remove: 0, insert: p.insert === '' ? 'y' : p.insert };
    },
    actionLines: [6],
  });
});
