// `npm run bench`: speed and size figures, printed as a table and saved to .bench/results.json.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Module from 'node:module';
import { createRequire } from 'node:module';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(import.meta.url);
const CORPUS = process.env.GDL_CORPUS ?? path.resolve(ROOT, '..', 'shared', 'corpus');
const { analyze, compactAnalysis } = require(path.join(ROOT, 'out/server/src/analysis/analyze.js'));
const { DEFAULT_SETTINGS } = require(path.join(ROOT, 'out/server/src/settings.js'));
const { FsProject } = require(path.join(ROOT, 'out/server/src/workspace/project.js'));
const rows = [];
const results = {};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const now = () => Number(process.hrtime.bigint()) / 1e6;
const JSON_OUT = process.argv.includes('--json');
const log = (...a) => (JSON_OUT ? console.error(...a) : console.log(...a));
const record = (name, value, unit, goal = '', note = '') => {
  results[name] = { value, unit, goal, ...(note !== '' ? { note } : {}) };
  rows.push([
    name,
    `${typeof value === 'number' ? value.toFixed(value < 10 ? 2 : 1) : value} ${unit}`,
    `${goal} ${note}`.trim(),
  ]);
};
/**
 * A against B fairly: warm-up, then rounds of A then B (A B A B …), the ratio A/B taken per round; returns the
 * median of each side and of the ratios, and the ratios' range (machine noise shows as a wide range).
 */
function interleaved(a, b, rounds = 7) {
  a();
  b();
  const as = [];
  const bs = [];
  const ratios = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = now();
    a();
    const t1 = now();
    b();
    const t2 = now();
    as.push(t1 - t0);
    bs.push(t2 - t1);
    ratios.push((t1 - t0) / (t2 - t1));
  }
  const sorted = [...ratios].sort((x, y) => x - y);
  return { a: median(as), b: median(bs), ratio: median(ratios), min: sorted[0], max: sorted[sorted.length - 1] };
}
const range = (r) => `(rounds ${r.min.toFixed(2)}–${r.max.toFixed(2)})`;
const project = new FsProject([]);
const ctx = { settings: DEFAULT_SETTINGS, project };
const lint = (text, file, version = 1) =>
  analyze({ uri: `file://${file}`, path: file, text, version, languageId: 'dotenv' }, ctx);

const { filesBelow: walk } = require(path.join(ROOT, 'out/test/support/fixture-files.js'));

// 1. Per language over the corpus: ms/file and MB/s (best of 5 passes after a warm-up), plus the anchors side by side.
const LANG_SETS = [
  ['env files', ['dotenv', 'envfile-default', 'envfile-other'], 'dotenv'],
  ['systemd units', ['systemd', 'systemd-go'], 'systemd-unit'],
  ['binfmt', ['binfmt'], 'binfmt'],
  ['Dockerfiles', ['dockerfile'], 'dockerfile'],
  // As the editor opens them: Compose files in the compose language, manifests as plain `yaml` (found by content).
  ['Compose files', ['compose'], 'compose'],
  ['Kubernetes manifests', ['k8s'], 'yaml'],
];
const corpusTexts = {};
if (fs.existsSync(CORPUS)) {
  for (const [label, sets, language] of LANG_SETS) {
    const files = sets.flatMap((s) => (fs.existsSync(path.join(CORPUS, s)) ? walk(path.join(CORPUS, s)) : []));
    const texts = files.map((f) => [f, fs.readFileSync(f, 'utf8')]);
    corpusTexts[label] = texts;
    const bytes = texts.reduce((n, [, t]) => n + Buffer.byteLength(t), 0);
    const lintAs = (t, f) => analyze({ uri: `file://${f}`, path: f, text: t, version: 1, languageId: language }, ctx);
    for (const [f, t] of texts) lintAs(t, f);
    let best = Infinity;
    for (let pass = 0; pass < 5; pass++) {
      const t0 = now();
      for (const [f, t] of texts) lintAs(t, f);
      best = Math.min(best, now() - t0);
    }
    record(
      `${label}: ${files.length} corpus files, ${(bytes / 1024).toFixed(0)} KB (in process)`,
      best / files.length,
      'ms/file',
    );
    record(`${label}: throughput`, bytes / 1024 / 1024 / (best / 1000), 'MB/s');
  }
  // Dockerfiles against dockerfile-utils validate(): same files, interleaved rounds, the ratio per round.
  const { validate } = require('dockerfile-utils');
  const docker = corpusTexts['Dockerfiles'] ?? [];
  const lintDocker = (t, f) =>
    analyze({ uri: `file://${f}`, path: f, text: t, version: 1, languageId: 'dockerfile' }, ctx);
  const vs = interleaved(
    () => {
      for (const [f, t] of docker) lintDocker(t, f);
    },
    () => {
      for (const [, t] of docker) validate(t);
    },
  );
  record('dockerfile-utils validate() on the same files', vs.b / docker.length, 'ms/file');
  record('ours / dockerfile-utils time per file', vs.ratio, '×', '≤ 0.7×', range(vs));
  // Units: CLI against CLI on a sample spread over the corpus (every k-th unit), interleaved.
  const allUnits = (corpusTexts['systemd units'] ?? []).filter(([f]) => /\.(service|socket|timer)$/.test(f));
  const step = Math.max(1, Math.floor(allUnits.length / 30));
  const units = allUnits.filter((_, i) => i % step === 0).slice(0, 30);
  const verify = spawnSync('systemd-analyze', ['--version']);
  if (verify.status === 0 && units.length > 0) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-bench-verify-'));
    const copies = units.map(([f, t]) => {
      const copy = path.join(tmp, path.basename(f).replace(/[^A-Za-z0-9@._-]/g, '_'));
      fs.writeFileSync(copy, t);
      return copy;
    });
    // Each tool once over the whole sample, as CI would run it: one process, every unit on its command line.
    const sys = interleaved(
      () =>
        spawnSync(
          process.execPath,
          [path.join(ROOT, 'dist/cli.js'), 'lint', ...copies, '--format', 'json', '--fail-on', 'none'],
          {
            encoding: 'utf8',
            cwd: tmp,
          },
        ),
      () => spawnSync('systemd-analyze', ['verify', '--man=no', ...copies], { encoding: 'utf8' }),
      5,
    );
    fs.rmSync(tmp, { recursive: true, force: true });
    record(`systemd-analyze verify --man=no over a ${units.length}-unit sample (one process)`, sys.b, 'ms');
    record('our CLI lint over the same sample (one process)', sys.a, 'ms');
    record(
      'speed-up of our CLI over systemd-analyze verify',
      1 / sys.ratio,
      '×',
      '',
      range({ min: 1 / sys.max, max: 1 / sys.min }),
    );
  }
  const cliStart = now();
  spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'dist/cli.js'),
      'lint',
      path.join(CORPUS, 'systemd'),
      path.join(CORPUS, 'systemd-go'),
      '--format',
      'json',
      '--fail-on',
      'none',
    ],
    { encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  record('CLI wall time, whole unit corpus (systemd + systemd-go)', now() - cliStart, 'ms', '< 1500 ms');
} else {
  rows.push(['corpus', 'skipped: ../shared/corpus not found', '']);
}

// 1a. Podman Quadlet: no corpus exists (Debian ships none), so our own fixtures, each linted 200 times.
{
  const quadlets = walk(path.join(ROOT, 'test', 'fixtures', 'rules', 'containers'))
    .filter((f) => f.endsWith('.container') && !f.includes('.fixed'))
    .map((f) => [f, fs.readFileSync(f, 'utf8')]);
  const lintQ = (t, f) => analyze({ uri: `file://${f}`, path: f, text: t, version: 1, languageId: 'quadlet' }, ctx);
  for (const [f, t] of quadlets) lintQ(t, f);
  const t0 = now();
  for (let i = 0; i < 200; i++) for (const [f, t] of quadlets) lintQ(t, f);
  record(
    `Quadlet units: ${quadlets.length} fixtures × 200 (in process)`,
    (now() - t0) / (200 * quadlets.length),
    'ms/file',
  );
  // A 2,000-service Compose file: the YAML library and the container model at scale.
  const services = ['services:'];
  for (let i = 0; i < 2000; i++)
    services.push(
      `  svc${i}:`,
      '    image: example.com/api:1',
      '    mem_limit: 512m',
      '    environment:',
      `      GOMEMLIMIT: ${400 + (i % 200)}MiB`,
      '      GOGC: "100"',
    );
  const big = `${services.join('\n')}\n`;
  const c0 = now();
  analyze(
    { uri: 'file:///bench/compose.yaml', path: '/bench/compose.yaml', text: big, version: 1, languageId: 'compose' },
    ctx,
  );
  record('Compose file with 2,000 services (12,001 lines, in process)', now() - c0, 'ms');
}

// 1b. CLI cold start against Node's own floor, and scaling: many files in one folder, very long files.
{
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-bench-scale-'));
  fs.writeFileSync(path.join(tmp, 'one.env'), 'GOGC=100\n');
  const cli = (args, cwd = tmp) =>
    spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), ...args], {
      encoding: 'utf8',
      cwd,
      maxBuffer: 1 << 28,
    });
  const cold = interleaved(
    () => {
      for (let i = 0; i < 5; i++) cli(['lint', 'one.env']);
    },
    () => {
      for (let i = 0; i < 5; i++) spawnSync(process.execPath, ['-e', '0']);
    },
  );
  record('CLI cold start, lint one env file', cold.a / 5, 'ms');
  record('CLI cold start / node -e 0', cold.ratio, '×', '≤ 1.4×', range(cold));
  // binfmt.d folders: 1,000 and 10,000 files (a name registered in 50 files each), one CLI run over the folder.
  const reg = (i) =>
    `:qemu-x${i}:M::\\x7fELF\\x02\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\xb7\\x00:\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\xff:/usr/bin/qemu-aarch64-static:F\n:dup${i % 50}:E::x${i}::/usr/bin/x:\n`;
  for (const n of [1000, 10000]) {
    const dir = path.join(tmp, `binfmt-${n}`, 'etc', 'binfmt.d');
    fs.mkdirSync(dir, { recursive: true });
    for (let i = 0; i < n; i++) fs.writeFileSync(path.join(dir, `r${String(i).padStart(5, '0')}.conf`), reg(i));
    const t0 = now();
    const r = cli(['lint', path.join(tmp, `binfmt-${n}`), '--format', 'json', '--fail-on', 'none']);
    if (r.status !== 0) throw new Error(r.stderr);
    record(
      `CLI over ${n.toLocaleString('en-US')} binfmt.d files in one folder`,
      now() - t0,
      'ms',
      n === 10000 ? '< 3000 ms' : '',
    );
  }
  // Long env files, in process: 10,000 and 100,000 lines.
  for (const n of [10_000, 100_000]) {
    const text = Array.from({ length: n }, (_, i) => (i % 7 === 0 ? `GOGC=${i}` : `APP_${i}="value ${i}" # note`)).join(
      '\n',
    );
    lint(text, `/bench/long-${n}.env`);
    const t0 = now();
    lint(text, `/bench/long-${n}.env`, 2);
    record(`analyse a ${n.toLocaleString('en-US')}-line env file (in process)`, now() - t0, 'ms');
  }
  // The same lint from an empty folder and from a folder of units: the current directory must not matter.
  const units = path.join(CORPUS, 'systemd');
  if (fs.existsSync(units)) {
    const scope = interleaved(
      () => cli(['lint', path.join(tmp, 'one.env')], units),
      () => cli(['lint', path.join(tmp, 'one.env')], tmp),
    );
    record('lint one.env from a folder of units / from an empty folder', scope.ratio, '×', '≈ 1×', range(scope));
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}

// 1c. Heap kept per analysed 1,000-line document (the analysis the server memoizes), against the text's size.
if (typeof globalThis.gc === 'function') {
  const docs = {
    env: (i) => `APP_${i}="value ${i}" # note`,
    unit: (i) =>
      i === 0 ? '[Service]' : i % 2 ? `Environment=VAR_${i}=value${i}` : `ExecStartPre=/bin/echo step ${i}`,
    Dockerfile: (i) =>
      i === 0
        ? 'FROM golang:1.27 AS build'
        : i % 2
          ? `ENV SETTING_${i}=value${i}`
          : `RUN go build -o /out/app${i} ./cmd/app${i}`,
  };
  const langs = {
    env: ['dotenv', 'big.env'],
    unit: ['systemd-unit', 'big.service'],
    Dockerfile: ['dockerfile', 'Dockerfile'],
  };
  for (const [label, line] of Object.entries(docs)) {
    const [languageId, name] = langs[label];
    const texts = Array.from(
      { length: 20 },
      (_, d) => Array.from({ length: 1000 }, (_, i) => line(i) + (i === 999 ? ` #${d}` : '')).join('\n') + '\n',
    );
    const textBytes = Buffer.byteLength(texts[0]);
    const keptPerDoc = (keep) => {
      globalThis.gc();
      const before = process.memoryUsage().heapUsed;
      const kept = texts.map((text, d) =>
        keep(
          analyze(
            { uri: `file:///bench/${d}/${name}`, path: `/bench/${d}/${name}`, text, version: 1, languageId },
            ctx,
          ),
        ),
      );
      globalThis.gc();
      const perDoc = (process.memoryUsage().heapUsed - before) / kept.length;
      kept.length = 0;
      return perDoc / textBytes;
    };
    // The compact form first: a full measurement first would leave garbage the second one counts as freed.
    const compact = keptPerDoc(compactAnalysis);
    const full = keptPerDoc((a) => a);
    // What a compact analysis keeps beyond the text (which the editor's document holds anyway) is within the heap
    // measurement's noise: a negative reading is shown as that, not as a number.
    record(
      `heap per 1,000-line ${label}, as the server keeps documents not in use / its text`,
      compact < 0.1 ? '< 0.1 (noise)' : compact,
      '×',
      '< 10×',
    );
    record(`heap per 1,000-line ${label}, full analysis (the 3 documents in use) / its text`, full, '×');
  }
} else log('heap per document: skipped (run with node --expose-gc, as npm run bench does)');

// 2. Recompute after one keystroke on a 10,000-line env file (in process: parse + all rules).
const lines = [];
for (let i = 0; i < 10_000; i++)
  lines.push(
    i % 50 === 0
      ? `# section ${i}`
      : i % 7 === 0
        ? `GODEBUG=http2client=0,netdns=go,gctrace=${i % 2}`
        : `APP_SETTING_${i}="value ${i} with some text" # note`,
  );
let big = lines.join('\n') + '\n';
const samples = [];
for (let i = 0; i < 60; i++) {
  big = big.replace(/^APP_SETTING_1=".*?"/m, `APP_SETTING_1="v${i}"`);
  const t0 = now();
  lint(big, '/bench/big.env', i + 2);
  samples.push(now() - t0);
}
record('recompute 10,000-line env file, whole file (in process)', median(samples.slice(10)), 'ms median');
/**
 * 60 keystrokes through the keystroke path the server takes (analysis/incremental.js: the edited line alone, the
 * other findings kept), each from the previous result; `edit(text, i)` makes the i-th version.
 */
function keystrokes(label, docOf, text, edit) {
  const { analyzeEdit } = require(path.join(ROOT, 'out/server/src/analysis/incremental.js'));
  let previous = analyze(docOf(text, 100), ctx);
  const edits = [];
  let fast = 0;
  for (let i = 0; i < 60; i++) {
    text = edit(text, i);
    const t0 = now();
    const next = analyzeEdit(previous, docOf(text, 101 + i), ctx);
    edits.push(now() - t0);
    if (next !== undefined) fast++;
    previous = next ?? analyze(docOf(text, 101 + i), ctx);
  }
  record(label, median(edits.slice(10)), 'ms median', '< 5 ms', `${fast}/60 on the keystroke path`);
}
keystrokes(
  'recompute 10,000-line env file after a keystroke in a value (in process)',
  (text, version) => ({ uri: 'file:///bench/big.env', path: '/bench/big.env', text, version, languageId: 'dotenv' }),
  big,
  (text, i) => text.replace(/^APP_SETTING_1=".*?"/m, `APP_SETTING_1="w${i}"`),
);

// The same for a 5,000-line unit: a keystroke in a value no rule reads across lines (Description=).
const unitLines = ['[Unit]', 'Description=Big unit', '[Service]', 'ExecStart=/usr/local/bin/api'];
for (let i = 0; unitLines.length < 5000; i++)
  unitLines.push(
    i % 3 === 0
      ? `Environment=VAR_${i}=value${i} GOGC=100`
      : i % 3 === 1
        ? `ExecStartPre=/bin/echo step ${i}`
        : `# comment ${i}`,
  );
{
  const unitDoc = (text, version) => ({
    uri: 'file:///bench/big.service',
    path: '/bench/big.service',
    text,
    version,
    languageId: 'systemd-unit',
  });
  const description = (text, i) => text.replace(/^Description=.*$/m, `Description=Big unit ${i}`);
  let unit = `${unitLines.join('\n')}\n`;
  const whole = [];
  for (let i = 0; i < 30; i++) {
    unit = description(unit, i);
    const t0 = now();
    analyze(unitDoc(unit, i + 1), ctx);
    whole.push(now() - t0);
  }
  record('recompute 5,000-line unit, whole file (in process)', median(whole.slice(10)), 'ms median');
  keystrokes('recompute 5,000-line unit after a keystroke in Description= (in process)', unitDoc, unit, (t, i) =>
    description(t, `w${i}`),
  );
}

// 3. Through the LSP server with incremental sync: first diagnostics after open, then one keystroke, for three documents.
{
  const {
    createProtocolConnection,
    StreamMessageReader,
    StreamMessageWriter,
  } = require('vscode-languageserver-protocol/node');
  const dockerLines = ['FROM golang:1.27 AS build', 'WORKDIR /src'];
  for (let i = 0; dockerLines.length < 495; i++)
    dockerLines.push(
      i % 2 === 0 ? `RUN CGO_ENABLED=0 go build -o /out/app${i} ./cmd/app${i}` : `ENV SETTING_${i}=value${i}`,
    );
  dockerLines.push('FROM alpine:3.20', 'COPY --from=build /out/app0 /app', 'USER 65532:65532', 'ENTRYPOINT ["/app"]');
  const docs = [
    ['10,000-line env file', 'big.env', 'dotenv', big, { line: 1, character: 15 }],
    ['5,000-line unit', 'big.service', 'systemd-unit', `${unitLines.join('\n')}\n`, { line: 1, character: 13 }],
    ['500-line Dockerfile', 'Dockerfile', 'dockerfile', `${dockerLines.join('\n')}\n`, { line: 2, character: 10 }],
  ];
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  conn.listen();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-bench-'));
  const t0 = now();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: `file://${dir}`,
    capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: {} } },
  });
  await conn.sendNotification('initialized', {});
  record('server start (initialize round trip)', now() - t0, 'ms');
  for (const [label, name, languageId, text, at] of docs) {
    const uri = `file://${dir}/${name}`;
    const s0 = now();
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    record(`first diagnostics after open: ${label}`, now() - s0, 'ms', '< 300 ms');
    const lsp = [];
    for (let i = 0; i < 40; i++) {
      const s = now();
      await conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: i + 2 },
        contentChanges: [
          { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: String(i % 10) },
        ],
      });
      await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      lsp.push(now() - s);
    }
    record(`recompute after a keystroke (LSP): ${label}`, median(lsp.slice(5)), 'ms median', '< 5 ms');
    // The floor under it: the same diagnostics pulled again without a change (conversion, JSON, the pipe).
    const again = [];
    for (let i = 0; i < 20; i++) {
      const s = now();
      await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      again.push(now() - s);
    }
    record(`  the same diagnostics pulled again, no change (LSP): ${label}`, median(again.slice(5)), 'ms median');
  }
  // Memory with 200 more open documents: real files of every language from the corpus (the repository's fixtures
  // when the corpus is absent), each under its own name.
  const LANGUAGE_OF = (f) =>
    /Dockerfile|\.dockerfile$/i.test(path.basename(f))
      ? 'dockerfile'
      : /\.(service|socket|timer|path|mount|conf)$/.test(f) && !f.includes('binfmt')
        ? 'systemd-unit'
        : f.includes('binfmt')
          ? 'binfmt'
          : 'dotenv';
  const pool = fs.existsSync(CORPUS)
    ? ['dotenv', 'envfile-default', 'systemd', 'systemd-go', 'binfmt', 'dockerfile'].flatMap((set) =>
        fs.existsSync(path.join(CORPUS, set)) ? walk(path.join(CORPUS, set)).slice(0, 34) : [],
      )
    : walk(path.join(ROOT, 'test', 'fixtures', 'rules')).filter((f) => !f.includes('.fixed'));
  const mixed = pool.slice(0, 200);
  for (const [i, f] of mixed.entries()) {
    const uri = `file://${dir}/mixed-${i}/${path.basename(f)}`;
    const text = fs.readFileSync(f, 'utf8');
    await conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: LANGUAGE_OF(f), version: 1, text },
    });
    await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  }
  const rss = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(child.pid)], { encoding: 'utf8' }).trim()) / 1024;
  record(
    `server memory (RSS) with ${mixed.length + 3} open documents (${mixed.length} real, mixed languages)`,
    rss,
    'MB',
  );
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  conn.dispose();
  child.kill();
  fs.rmSync(dir, { recursive: true, force: true });
}

// 4. Extension activation: the real dist/extension.js (vscode-languageclient bundled in it) with a stubbed vscode API.
{
  const calls = [];
  const disposable = { dispose() {} };
  const channel = {
    append() {},
    appendLine() {},
    replace() {},
    clear() {},
    show() {},
    hide() {},
    dispose() {},
    trace() {},
    debug() {},
    info() {},
    warn() {},
    error() {},
    logLevel: 0,
    onDidChangeLogLevel: () => disposable,
    name: 'x',
  };
  const vscodeStub = new Proxy(
    {
      window: { createOutputChannel: () => channel, showWarningMessage: () => undefined },
      languages: { createDiagnosticCollection: () => ({ ...disposable, set() {}, clear() {} }) },
      tasks: { registerTaskProvider: () => disposable, onDidEndTask: () => disposable },
      TaskScope: { Workspace: 2 },
      workspace: {
        registerTextDocumentContentProvider: () => disposable,
        onDidOpenTextDocument: () => disposable,
        textDocuments: [],
        createFileSystemWatcher: () => ({
          ...disposable,
          onDidCreate: () => disposable,
          onDidChange: () => disposable,
          onDidDelete: () => disposable,
        }),
        getConfiguration: () => ({ get: () => undefined }),
      },
      commands: { registerCommand: (id) => (calls.push(id), disposable), executeCommand: async () => undefined },
      extensions: { getExtension: () => undefined },
      env: {},
      Uri: { parse: (s) => s, file: (s) => s, from: (c) => c },
      Disposable: class {
        static from() {
          return disposable;
        }
        dispose() {}
      },
      EventEmitter: class {
        event = () => disposable;
        fire() {}
        dispose() {}
      },
    },
    { get: (t, k) => (k in t ? t[k] : class {}) },
  );
  const origLoad = Module._load;
  Module._load = function (request, ...rest) {
    return request === 'vscode' ? vscodeStub : origLoad.call(this, request, ...rest);
  };
  const t0 = now();
  const ext = require(path.join(ROOT, 'dist/extension.js'));
  const loaded = now();
  const context = { subscriptions: [], asAbsolutePath: (p) => path.join(ROOT, p), extensionPath: ROOT };
  try {
    // start() spawns the server; stop the measurement at the call, which is where activation returns control.
    const p = ext.activate(context);
    p.catch(() => undefined);
  } catch {
    // the stub cannot run the real client; load time is the figure we report
  }
  const activated = now();
  Module._load = origLoad;
  record('extension load (dist/extension.js)', loaded - t0, 'ms');
  record('extension activate() until the client starts (stubbed vscode)', activated - t0, 'ms', '< 50 ms');
}

// 5. Host scans over loopback ssh (a throwaway sshd on 127.0.0.1): one host, then 20 hosts in parallel.
{
  const { sshdPath, startSshd, writeInventory } = require(path.join(ROOT, 'out/test/support/sshd.js'));
  let sshd;
  try {
    sshd = sshdPath() === undefined ? undefined : await startSshd();
  } catch (error) {
    log(`host scan: skipped (sshd did not start: ${String(error).split('\n')[0]})`);
  }
  if (sshd === undefined) rows.push(['host scans over loopback ssh', 'skipped (no sshd)', '']);
  else {
    try {
      const cli = (args) => {
        const t0 = now();
        const r = spawnSync(
          process.execPath,
          [
            path.join(ROOT, 'dist/cli.js'),
            'scan',
            '--ssh-config',
            sshd.sshConfig,
            '--format',
            'json',
            '--fail-on',
            'none',
            ...args,
          ],
          { encoding: 'utf8', cwd: ROOT },
        );
        if (r.status !== 0) throw new Error(`scan failed: ${r.stderr}`);
        return now() - t0;
      };
      const one = [];
      for (let i = 0; i < 5; i++) one.push(cli(['--ssh', sshd.alias]));
      record('scan one host over loopback ssh (CLI wall time)', median(one), 'ms median', '< 2 s');
      const hosts = Array.from({ length: 20 }, () => ['--ssh', sshd.alias]).flat();
      const twenty = [];
      for (let i = 0; i < 3; i++) twenty.push(cli([...hosts, '--jobs', '20']));
      record('scan 20 hosts in parallel over loopback ssh (CLI wall time)', median(twenty), 'ms median', '< 10 s');
      // 50 inventory hosts (all on this sshd), through Ansible with 25 forks vs our runner with 25 jobs; peak
      // RSS of the whole process tree's largest process from /usr/bin/time (Ansible forks one worker per host).
      const ansible = spawnSync('ansible', ['--version'], { encoding: 'utf8' }).status === 0;
      const timeTool = fs.existsSync('/usr/bin/time');
      if (!ansible) rows.push(['inventory scans through Ansible', 'skipped (ansible-core not installed)', '']);
      else {
        const home = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-bench-ansible-'));
        try {
          // 50 and 200 hosts. Every host is this machine: its probe, its sshd session and Ansible's worker share the
          // two cores, so time grows linearly with hosts (Ansible alone costs about 0.2 s of CPU per host).
          for (const n of [50, 200]) {
            const inv = path.join(home, `hosts-${n}.ini`);
            writeInventory(inv, sshd, { fleet: Array.from({ length: n }, (_, k) => `h${String(k).padStart(3, '0')}`) });
            const run = (args) => {
              const t0 = now();
              const argv = [
                process.execPath,
                path.join(ROOT, 'dist/cli.js'),
                'scan',
                ...args,
                '--format',
                'json',
                '--fail-on',
                'none',
              ];
              const r = timeTool
                ? spawnSync('/usr/bin/time', ['-f', 'GDLRSS %M', ...argv], {
                    encoding: 'utf8',
                    cwd: ROOT,
                    env: { ...process.env, HOME: home },
                  })
                : spawnSync(argv[0], argv.slice(1), {
                    encoding: 'utf8',
                    cwd: ROOT,
                    env: { ...process.env, HOME: home },
                  });
              const ms = now() - t0;
              const rss = Number(/GDLRSS (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
              const answered = (() => {
                try {
                  const j = JSON.parse(r.stdout);
                  return j.hosts !== undefined ? j.hosts.filter((h) => h.status === 'ok').length : j.files.length;
                } catch {
                  return 0;
                }
              })();
              return { ms, rss, answered, why: r.status === 0 ? '' : r.stderr.trim().split('\n').slice(-1)[0] };
            };
            const viaAnsible = run(['--inventory', inv, '--jobs', '25', '--timeout', '120']);
            record(
              `scan ${n} inventory hosts through Ansible, 25 forks (CLI wall time)`,
              viaAnsible.ms,
              'ms',
              n === 50 ? '< 15 s' : '',
            );
            if (timeTool) record(`  peak RSS of the largest process (Ansible run, ${n} hosts)`, viaAnsible.rss, 'MB');
            const ours = run([
              ...Array.from({ length: n }, () => ['--ssh', sshd.alias]).flat(),
              '--ssh-config',
              sshd.sshConfig,
              '--jobs',
              '25',
              '--timeout',
              '120',
            ]);
            record(
              `scan ${n} hosts with our ssh runner, 25 jobs (CLI wall time; ${ours.answered} answered${ours.why !== '' ? `: ${ours.why}` : ''})`,
              ours.ms,
              'ms',
            );
            if (timeTool) record(`  peak RSS of the largest process (our runner, ${n} hosts)`, ours.rss, 'MB');
          }
        } catch (error) {
          rows.push(['inventory scans through Ansible', `failed: ${String(error).split('\n')[0]}`, '']);
        } finally {
          fs.rmSync(home, { recursive: true, force: true });
        }
      }
    } catch (error) {
      rows.push(['host scans over loopback ssh', `failed: ${String(error).split('\n')[0]}`, '']);
    } finally {
      // stop() ends sshd and removes its folder with the throwaway keys.
      await sshd.stop();
    }
  }
}

// 6. Bundle sizes.
for (const [f, goal] of [
  ['dist/extension.js', '< 200 KB'],
  ['dist/server.js', '< 700 KB'],
  ['dist/cli-main.js', ''],
  ['dist/yaml.js', 'loaded on the first YAML document'],
  ['dist/dockerfile-ast.js', 'loaded on the first Dockerfile'],
  ['dist/cli-main.cache', ''],
]) {
  record(`bundle ${f}`, fs.statSync(path.join(ROOT, f)).size / 1024, 'KB', goal);
}

const summary = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, results };
fs.mkdirSync(path.join(ROOT, '.bench'), { recursive: true });
fs.writeFileSync(path.join(ROOT, '.bench', 'results.json'), JSON.stringify(summary, null, 2));
if (JSON_OUT) console.log(JSON.stringify(summary, null, 2));
else {
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(
    `\nGo Deploy Lint benchmark — Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}\n`,
  );
  for (const [name, value, goal] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(18)}  ${goal}`);
  console.log('\nsaved .bench/results.json');
}
process.exit(0);
