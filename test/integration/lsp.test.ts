// Drives dist/server.js over stdio: open, incremental change, diagnostics, code actions, fix-all, settings, hover, completion.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, CompletionItem, Diagnostic, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/text/edits';
import { fileUri, startServer, type TestServer } from './lsp-client';
import { allRules } from '../../server/src/rules/index';
import { ANALYZE_FLEET, type FleetResult } from '../../server/src/protocol';
import { ROOT } from '../support/fixture-files';

let dir = '';
let server: TestServer;
const codes = (d: Diagnostic[]): string[] => d.map((x) => String(x.code));

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-lsp-'));
  fs.writeFileSync(path.join(dir, 'go.mod'), 'module x\n\ngo 1.26\n');
  server = await startServer({ rootDir: dir });
});
after(async () => {
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function open(name: string, text: string, languageId = 'dotenv'): string {
  const uri = fileUri(dir, name);
  void server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId, version: 1, text },
  });
  return uri;
}

function actionEdits(a: CodeAction): TextEdit[] {
  const change = a.edit?.documentChanges?.[0];
  return change !== undefined && 'edits' in change ? (change.edits as TextEdit[]) : [];
}

test('open publishes diagnostics with code, link, source and related information', async () => {
  const uri = open('a.env', 'PORT=1\nPORT=2\nGOMEMLIMIT=512M\n');
  const d = await server.diagnostics(uri, (x) => x.length > 0);
  assert.deepEqual(codes(d), ['GDL101', 'GDL120']);
  const dup = d[0];
  assert.equal(dup?.source, 'go-deploy-lint');
  assert.match(dup?.codeDescription?.href ?? '', /^file:\/\/.*docs\/rules\/GDL101-duplicate-key\.md$/);
  assert.ok(fs.existsSync(new URL(dup?.codeDescription?.href ?? '').pathname), 'doc page exists offline');
  assert.equal(dup?.relatedInformation?.[0]?.location.range.start.line, 0);
  assert.equal(d[1]?.severity, 1);
});

test('incremental change updates diagnostics for the new version', async () => {
  const uri = open('b.env', 'GOGC=OFF\n');
  assert.deepEqual(codes(await server.diagnostics(uri, (x) => x.length > 0)), ['GDL121']);
  void server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 8 } }, text: 'off' }],
  });
  assert.deepEqual(await server.diagnostics(uri, (_x, v) => v === 2), []);
});

test('go.mod decides the Go version: removed GODEBUG is a warning on 1.26', async () => {
  const uri = open('c.env', 'GODEBUG=x509sha1=1\n');
  const d = await server.diagnostics(uri, (x) => x.length > 0);
  assert.equal(d[0]?.severity, 2);
  assert.match(String(d[0]?.message ?? ''), /ignored by Go 1\.26/);
});

test('code actions: preferred quick fix, fix all of a rule, ignore line, show docs, source.fixAll', async () => {
  const text = 'CGO_ENABLED=false\nCGO_ENABLED=no\nGOTOOLCHAIN=go1.27\n';
  const uri = open('d.env', text);
  await server.diagnostics(uri, (x) => x.length >= 3);
  const actions = await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 12 }, end: { line: 0, character: 12 } },
    context: { diagnostics: [] },
  });
  const titles = actions.map((a) => a.title);
  assert.ok(titles.includes('Change to `0`'), titles.join(' | '));
  assert.equal(actions.find((a) => a.title === 'Change to `0`')?.isPreferred, true);
  assert.ok(titles.includes('Fix all GDL130 (invalid-cgo-enabled) in this file'));
  assert.ok(titles.includes('Ignore GDL130 for this line'));
  assert.ok(titles.includes('Show documentation for GDL130 (invalid-cgo-enabled)'));
  const fixAllRule = actions.find((a) => a.title.startsWith('Fix all GDL130'));
  assert.ok(fixAllRule !== undefined);
  assert.equal(applyEdits(text, actionEdits(fixAllRule)), 'CGO_ENABLED=0\nCGO_ENABLED=0\nGOTOOLCHAIN=go1.27\n');
  const ignore = actions.find((a) => a.title === 'Ignore GDL130 for this line');
  assert.ok(ignore !== undefined);
  assert.equal(applyEdits(text, actionEdits(ignore)), `# go-deploy-lint ignore=GDL130\n${text}`);
  const versioned = ignore.edit?.documentChanges?.[0] as { textDocument: { version: number } };
  assert.equal(versioned.textDocument.version, 1);

  const source = await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll'] },
  });
  assert.deepEqual(
    source.map((a) => a.kind),
    ['source.fixAll.goDeployLint'],
  );
  const first = source[0];
  assert.ok(first !== undefined);
  assert.equal(
    applyEdits(text, actionEdits(first)),
    'CGO_ENABLED=0\nCGO_ENABLED=0\nGOTOOLCHAIN=go1.27\n',
    'unsafe GOTOOLCHAIN fix is not applied',
  );
});

test('settings change re-pulls configuration and revalidates', async () => {
  const uri = open('e.env', 'PORT=1\nPORT=2\n');
  assert.deepEqual(codes(await server.diagnostics(uri, (x) => x.length > 0)), ['GDL101']);
  server.settings = { rules: { GDL101: 'error' } };
  void server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const upgraded = await server.diagnostics(uri, (x) => x[0]?.severity === 1);
  assert.equal(upgraded[0]?.severity, 1);
  server.settings = { rules: { GDL101: 'off' } };
  void server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  assert.deepEqual(await server.diagnostics(uri, (x) => x.length === 0), []);
  server.settings = {};
  void server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
});

test('envDialects setting switches the dialect', async () => {
  server.settings = { envDialects: { 'sys-*.env': 'systemd' } };
  void server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const uri = open('sys-api.env', 'export GOGC=100\n');
  assert.deepEqual(codes(await server.diagnostics(uri, (x) => x.length > 0)), ['GDL105']);
  server.settings = {};
  void server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
});

test('hover shows the value each loader sees and the Go summary', async () => {
  const uri = open('f.env', 'GOMEMLIMIT=512MiB # soft limit\n');
  await server.diagnostics(uri);
  const h = await server.connection.sendRequest<Hover>('textDocument/hover', {
    textDocument: { uri },
    position: { line: 0, character: 2 },
  });
  const md = (h.contents as { value: string }).value;
  assert.match(md, /\*\*GOMEMLIMIT\*\*: dotenv sees `512MiB`/);
  assert.match(md, /systemd \(EnvironmentFile=\): `512MiB # soft limit`/);
  assert.match(md, /Soft memory limit/);
});

test('the Go module is context: a golang image older than its go line, Type=notify without sd_notify, and hover says why', async () => {
  // The folder's go.mod says `go 1.26` and requires no sd_notify library.
  const docker = open('Dockerfile', 'FROM golang:1.25 AS build\nRUN go build -o /app .\n', 'dockerfile');
  const d = await server.diagnostics(docker, (x) => x.some((y) => y.code === 'GDL416'));
  const old = d.find((x) => x.code === 'GDL416');
  assert.match(String(old?.message), /golang:1\.25 is older than go\.mod's `go 1\.26`/);
  assert.equal(old?.relatedInformation?.[0]?.location.uri, fileUri(dir, 'go.mod'));
  assert.equal(old?.relatedInformation?.[0]?.location.range.start.line, 2);
  const fromHover = await server.connection.sendRequest<Hover>('textDocument/hover', {
    textDocument: { uri: docker },
    position: { line: 0, character: 8 },
  });
  const fromMd = (fromHover.contents as { value: string }).value;
  assert.match(fromMd, /GOTOOLCHAIN=local/);
  assert.match(fromMd, /go line: `go 1\.26`/);
  assert.match(fromMd, /older than the go line/);
  const unit = open('api.service', '[Service]\nType=notify\nExecStart=/usr/local/bin/api\n', 'systemd-unit');
  const u = await server.diagnostics(unit, (x) => x.some((y) => y.code === 'GDL240'));
  assert.ok(u.some((x) => x.code === 'GDL240'));
  const typeHover = await server.connection.sendRequest<Hover>('textDocument/hover', {
    textDocument: { uri: unit },
    position: { line: 1, character: 1 },
  });
  assert.match((typeHover.contents as { value: string }).value, /sd_notify: not used/);
});

test('documents not in use keep only their findings, and still answer hover and code actions', async () => {
  // The server keeps full analyses for the 3 most recent documents: the first of six is compacted by the end.
  const uris = Array.from({ length: 6 }, (_, i) => open(`many-${i}.env`, 'GOMEMLIMIT=512MiB\nPORT=1\nPORT=2\n'));
  for (const uri of uris) assert.deepEqual(codes(await server.diagnostics(uri)), ['GDL101']);
  const first = uris[0] ?? '';
  assert.deepEqual(codes(await server.diagnostics(first)), ['GDL101']);
  const h = await server.connection.sendRequest<Hover>('textDocument/hover', {
    textDocument: { uri: first },
    position: { line: 0, character: 2 },
  });
  assert.match((h.contents as { value: string }).value, /\*\*GOMEMLIMIT\*\*/);
  const actions = await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri: uris[1] ?? '' },
    range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } },
    context: { diagnostics: [] },
  });
  assert.ok(actions.some((a) => a.title === 'Ignore GDL101 for this line'));
});

test("next to other extensions: a unit under another extension's language id, and an env file a unit names, opened as plain text or shell", async () => {
  // Written to disk first: the workspace index finds the unit's EnvironmentFile= on disk.
  fs.mkdirSync(path.join(dir, 'host', 'etc', 'systemd', 'system'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'host', 'etc', 'default'), { recursive: true });
  const unitText = '[Service]\nEnvironmentFile=/etc/default/api\nExecStart=api\n';
  fs.writeFileSync(path.join(dir, 'host', 'etc', 'systemd', 'system', 'api.service'), unitText);
  fs.writeFileSync(path.join(dir, 'host', 'etc', 'default', 'api'), 'export GOGC=100\n');
  fs.writeFileSync(path.join(dir, 'host', 'etc', 'default', 'other'), 'export GOGC=100\n');
  void server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [] });
  const unit = open('host/etc/systemd/system/api.service', unitText, 'systemd-conf');
  assert.ok(codes(await server.diagnostics(unit, (x) => x.length > 0)).includes('GDL212'));
  for (const languageId of ['plaintext', 'shellscript']) {
    const env = open('host/etc/default/api', 'export GOGC=100\n', languageId);
    assert.deepEqual(codes(await server.diagnostics(env, (x) => x.length > 0)), ['GDL105'], languageId);
    void server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: env } });
  }
  // A plain-text file no unit names stays unlinted.
  const other = open('host/etc/default/other', 'export GOGC=100\n', 'plaintext');
  assert.deepEqual(codes(await server.diagnostics(other)), []);
});

test('completion offers Go variables for keys and enum values after =', async () => {
  const uri = open('g.env', 'GO\nGOTRACEBACK=\n');
  await server.diagnostics(uri);
  const keys = await server.connection.sendRequest<CompletionItem[]>('textDocument/completion', {
    textDocument: { uri },
    position: { line: 0, character: 2 },
  });
  assert.ok(keys.some((k) => k.label === 'GOMEMLIMIT'));
  const values = await server.connection.sendRequest<CompletionItem[]>('textDocument/completion', {
    textDocument: { uri },
    position: { line: 1, character: 12 },
  });
  assert.deepEqual(
    values.map((v) => v.label),
    ['none', 'single', 'all', 'system', 'crash'],
  );
});

test('Compose, Kubernetes and Quadlet: findings, a quick fix, hover and completion; other YAML is left alone', async () => {
  const compose =
    'services:\n  api:\n    image: example.com/api:1\n    mem_limit: 512m\n    environment:\n      GOMEMLIMIT: 512MiB\n      \n';
  const c = open('compose.yaml', compose, 'yaml');
  const d = await server.diagnostics(c, (x) => x.length > 0);
  assert.deepEqual(codes(d), ['GDL602']);
  const actions = await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri: c },
    range: { start: { line: 5, character: 20 }, end: { line: 5, character: 20 } },
    context: { diagnostics: [] },
  });
  const fix = actions.find((a) => a.title === 'Set GOMEMLIMIT to 460MiB (90 % of the limit)');
  assert.ok(fix !== undefined, actions.map((a) => a.title).join(' | '));
  assert.equal(applyEdits(compose, actionEdits(fix)), compose.replace('512MiB', '460MiB'));
  const h = await server.connection.sendRequest<Hover>('textDocument/hover', {
    textDocument: { uri: c },
    position: { line: 3, character: 16 },
  });
  assert.match((h.contents as { value: string }).value, /GOMEMLIMIT 512MiB is 100 % of it/);
  const keys = await server.connection.sendRequest<CompletionItem[]>('textDocument/completion', {
    textDocument: { uri: c },
    position: { line: 6, character: 6 },
  });
  assert.ok(keys.some((k) => k.label === 'GOMAXPROCS' && k.insertText === 'GOMAXPROCS: '));
  const value = await server.connection.sendRequest<CompletionItem[]>('textDocument/completion', {
    textDocument: { uri: c },
    position: { line: 5, character: 18 },
  });
  assert.deepEqual(
    value.map((v) => v.label),
    ['460MiB'],
  );
  const manifest = open(
    'deploy.yaml',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n    - name: api\n      image: x\n      resources:\n        limits:\n          memory: 512MB\n',
    'yaml',
  );
  assert.deepEqual(codes(await server.diagnostics(manifest, (x) => x.length > 0)), ['GDL601']);
  const quadlet = open('api.container', '[Container]\nImage=x\nEnvironment=GOGC=off\nMemory=1g\n', 'quadlet');
  assert.deepEqual(codes(await server.diagnostics(quadlet, (x) => x.length > 0)), ['GDL605']);
  // Analysed as Compose (or a manifest), this text would get GDL601: left alone, it gets nothing.
  const other = open('config.yaml', 'services:\n  api:\n    image: x\n    mem_limit: 5x\n', 'yaml');
  assert.deepEqual(await server.diagnostics(other), []);
});

test('the server survives malformed requests, binary documents and unknown URIs', async () => {
  await assert.rejects(server.connection.sendRequest('textDocument/hover', { nonsense: true }));
  const bin = open('bin.env', 'A=\u0000\u0001\u0002');
  assert.deepEqual(codes(await server.diagnostics(bin, (x) => x.length > 0)), ['GDL001']);
  const none = await server.connection.sendRequest('textDocument/hover', {
    textDocument: { uri: fileUri(dir, 'never-opened.env') },
    position: { line: 0, character: 0 },
  });
  assert.equal(none, null);
  // An inventory scan's hosts as a client might mangle them: entries that are not objects are dropped, the others'
  // fields read as text.
  const fleet = await server.connection.sendRequest<FleetResult>(ANALYZE_FLEET, {
    hosts: [null, 7, 'web', { host: 'db-01', problem: 3 }, { host: 42 }],
  });
  assert.deepEqual(fleet.failures, [
    { host: 'db-01', problem: '3' },
    { host: '42', problem: 'no result' },
  ]);
  assert.deepEqual(fleet.hosts, []);
  const uri = open('after.env', 'CGO_ENABLED=off\n');
  assert.deepEqual(codes(await server.diagnostics(uri, (x) => x.length > 0)), ['GDL130']);
});

test('close clears diagnostics', async () => {
  const uri = open('h.env', 'GOGC=%\n');
  await server.diagnostics(uri, (x) => x.length > 0);
  void server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  assert.deepEqual(await server.diagnostics(uri, (x) => x.length === 0), []);
});

test('no env value appears on the server stderr', () => {
  const all = server.stderr.join('');
  for (const secret of ['512M', 'x509sha1', 'go1.27']) assert.ok(!all.includes(secret), secret);
});

test('the server bundle carries each rule summary but not the doc prose; the CLI (SARIF help) keeps it', () => {
  const server = fs.readFileSync(path.join(ROOT, 'dist', 'server.js'), 'utf8');
  const cli = fs.readFileSync(path.join(ROOT, 'dist', 'cli-main.js'), 'utf8');
  for (const r of allRules) {
    assert.ok(
      server.includes(JSON.stringify(r.docs.summary).slice(1, -1)) || server.includes(r.docs.summary),
      `${r.id} summary`,
    );
  }
  const why = allRules.find((r) => r.id === 'GDL003')?.docs.why ?? '';
  assert.ok(why.length > 40);
  assert.ok(!server.includes(why.slice(0, 40)), 'GDL003 docs.why is in dist/server.js');
  assert.ok(cli.includes(why.slice(0, 40)), 'GDL003 docs.why is missing from dist/cli-main.js');
});
