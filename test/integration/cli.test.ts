// Drives the shipped dist/cli.js: formats, exit codes, --fix, stdin, config and I/O errors.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../support/fixture-files';

const CLI = path.join(ROOT, 'dist', 'cli.js');
let dir = '';

function run(args: string[], opts: { input?: string; cwd?: string } = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? dir, input: opts.input ?? '', encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-cli-'));
  fs.mkdirSync(path.join(dir, 'app', 'node_modules', 'x'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'app', 'deploy'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'app', '.env'), 'GOMEMLIMIT=512M\nCGO_ENABLED=false\nPORT=1\nPORT=2\n');
  fs.writeFileSync(path.join(dir, 'app', 'deploy', 'prod.env'), 'GOGC=200\n');
  fs.writeFileSync(path.join(dir, 'app', 'node_modules', 'x', '.env'), 'GOMEMLIMIT=bad\n');
  fs.writeFileSync(path.join(dir, 'app', 'README.md'), 'GOMEMLIMIT=bad\n');
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('--version and --help', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  assert.equal(run(['--version']).stdout.trim(), pkg.version);
  const help = run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /lint \[paths\.\.\.\]/);
});

test('text output walks directories, skips node_modules, exits 1 on errors', () => {
  const r = run(['lint', 'app']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^app\/\.env:1:12: error GDL120 /m);
  assert.match(r.stdout, /^app\/\.env:4:1: warning GDL101 /m);
  assert.doesNotMatch(r.stdout, /node_modules|README/);
  assert.match(r.stdout, /2 files checked: 2 error\(s\), 1 warning\(s\)/);
});

test('JSON output has the documented shape', () => {
  const r = run(['lint', 'app/.env', '--format', 'json']);
  const out = JSON.parse(r.stdout) as { version: number; files: { path: string; language: string; diagnostics: Record<string, unknown>[] }[] };
  assert.equal(out.version, 1);
  assert.equal(out.files[0]?.path, 'app/.env');
  assert.equal(out.files[0]?.language, 'dotenv');
  const d = out.files[0]?.diagnostics[0];
  assert.deepEqual(Object.keys(d ?? {}), ['code', 'name', 'severity', 'message', 'range', 'fixes']);
  assert.deepEqual(d?.['range'], { start: { line: 0, character: 11 }, end: { line: 0, character: 15 } });
  assert.deepEqual(d?.['fixes'], [{ title: 'Change to `512MiB`', safe: true, edits: [{ range: { start: { line: 0, character: 11 }, end: { line: 0, character: 15 } }, newText: '512MiB' }] }]);
});

test('SARIF 2.1.0 with rule metadata, columns and fixes', () => {
  const r = run(['lint', 'app/.env', '--format=sarif']);
  const s = JSON.parse(r.stdout) as { version: string; runs: { columnKind: string; tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { region: Record<string, number> } }[]; fixes?: unknown[] }[] }[] };
  assert.equal(s.version, '2.1.0');
  const run0 = s.runs[0];
  assert.ok(run0 !== undefined);
  assert.equal(run0.columnKind, 'utf16CodeUnits');
  const res = run0.results.find((x) => x.ruleId === 'GDL120');
  assert.ok(res !== undefined);
  assert.equal(run0.tool.driver.rules[res.ruleIndex]?.id, 'GDL120');
  assert.equal(res.level, 'error');
  assert.deepEqual(res.locations[0]?.physicalLocation.region, { startLine: 1, startColumn: 12, endLine: 1, endColumn: 16 });
  assert.equal(res.fixes?.length, 1);
});

test('--fail-on thresholds', () => {
  assert.equal(run(['lint', 'app/deploy/prod.env']).code, 0);
  fs.writeFileSync(path.join(dir, 'warn.env'), 'A=1\nA=2\n');
  assert.equal(run(['lint', 'warn.env']).code, 0);
  assert.equal(run(['lint', 'warn.env', '--fail-on', 'warning']).code, 1);
  assert.equal(run(['lint', 'app', '--fail-on', 'none']).code, 0);
});

test('--fix applies safe fixes in place and leaves unsafe ones', () => {
  const f = path.join(dir, 'fix.env');
  fs.writeFileSync(f, 'GOMEMLIMIT=1G\nGOTOOLCHAIN=go1.27\nA=1\nA=2\n');
  const r = run(['lint', 'fix.env', '--fix']);
  assert.equal(fs.readFileSync(f, 'utf8'), 'GOMEMLIMIT=1GiB\nGOTOOLCHAIN=go1.27\nA=2\n');
  assert.equal(r.code, 1, 'the unsafe GOTOOLCHAIN finding remains');
  assert.match(r.stderr, /fixed 1 file/);
  run(['lint', 'fix.env', '--fix', '--unsafe-fixes']);
  assert.equal(fs.readFileSync(f, 'utf8'), 'GOMEMLIMIT=1GiB\nGOTOOLCHAIN=go1.27.0\nA=2\n');
});

test('stdin with --stdin-filename', () => {
  const r = run(['lint', '-', '--stdin-filename', 'svc/.env', '--format', 'json'], { input: 'CGO_ENABLED=true\n' });
  const out = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { code: string }[] }[] };
  assert.equal(out.files[0]?.path, 'svc/.env');
  assert.deepEqual(out.files[0]?.diagnostics.map((d) => d.code), ['GDL130']);
  assert.equal(run(['lint', '-'], { input: 'A=1' }).code, 2);
});

test('config file: rules and envDialects', () => {
  fs.mkdirSync(path.join(dir, 'cfg'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'cfg', '.go-deploy-lint.json'), JSON.stringify({ rules: { GDL120: 'off' }, envDialects: { '*.env': 'systemd' } }));
  fs.writeFileSync(path.join(dir, 'cfg', 'svc.env'), 'GOMEMLIMIT=512M\nexport GOGC=100\n');
  const r = run(['lint', 'svc.env', '--format', 'json'], { cwd: path.join(dir, 'cfg') });
  const codes = (JSON.parse(r.stdout) as { files: { diagnostics: { code: string }[] }[] }).files[0]?.diagnostics.map((d) => d.code);
  assert.deepEqual(codes, ['GDL105']);
  fs.writeFileSync(path.join(dir, 'bad.json'), '{"rules":{"GDL120":"loud"}}');
  const bad = run(['lint', 'app/.env', '--config', 'bad.json']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /invalid config .*bad\.json/);
});

test('unreadable paths and bad usage exit 2 with a one-line message naming the problem', () => {
  const missing = run(['lint', 'nope.env']);
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr.trim(), 'go-deploy-lint: cannot read nope.env: no such file or directory');
  if (process.getuid?.() !== 0) {
    const locked = path.join(dir, 'locked.env');
    fs.writeFileSync(locked, 'A=1\n');
    fs.chmodSync(locked, 0);
    assert.equal(run(['lint', 'locked.env']).code, 2);
  }
  assert.equal(run(['lint']).code, 2);
  assert.equal(run(['lint', 'app', '--format', 'xml']).code, 2);
  assert.equal(run(['frobnicate']).code, 2);
  assert.match(run(['lint', 'app', '--bogus']).stderr, /unknown option --bogus/);
});

test('a directory path that is unreadable exits 2', () => {
  const d = path.join(dir, 'file-not-dir.env');
  fs.writeFileSync(d, 'A=1\n');
  assert.equal(run(['lint', path.join(d, 'child.env')]).code, 2);
});

test('rules --format json lists the registry', () => {
  const rows = JSON.parse(run(['rules', '--format', 'json']).stdout) as { code: string; name: string; language: string; severity: string; fix: string; summary: string }[];
  assert.ok(rows.length >= 38);
  assert.deepEqual(Object.keys(rows[0] ?? {}), ['code', 'name', 'language', 'severity', 'fix', 'summary']);
  assert.ok(rows.some((r) => r.code === 'GDL120' && r.name === 'malformed-gomemlimit' && r.fix === 'safe'));
});

test('binary and invalid UTF-8 files give GDL001, not a crash', () => {
  fs.writeFileSync(path.join(dir, 'bin.env'), Buffer.from([0x41, 0x3d, 0x00, 0xff, 0xfe, 0x0a]));
  const r = run(['lint', 'bin.env', '--format', 'json']);
  assert.equal(r.code, 1);
  assert.deepEqual((JSON.parse(r.stdout) as { files: { diagnostics: { code: string }[] }[] }).files[0]?.diagnostics.map((d) => d.code), ['GDL001']);
});
