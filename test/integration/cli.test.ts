// Drives the shipped dist/cli.js: formats, exit codes, --fix, stdin, config and I/O errors.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../support/fixture-files';
import { CLI, runCli, type CliRun } from '../support/cli';

let dir = '';

function run(args: string[], opts: { input?: string; cwd?: string } = {}): CliRun {
  return runCli(args, { cwd: opts.cwd ?? dir, ...(opts.input !== undefined ? { input: opts.input } : {}) });
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
  const out = JSON.parse(r.stdout) as {
    version: number;
    files: { path: string; language: string; diagnostics: Record<string, unknown>[] }[];
  };
  assert.equal(out.version, 1);
  assert.equal(out.files[0]?.path, 'app/.env');
  assert.equal(out.files[0]?.language, 'dotenv');
  const d = out.files[0]?.diagnostics[0];
  assert.deepEqual(Object.keys(d ?? {}), ['code', 'name', 'severity', 'message', 'range', 'fixes']);
  assert.deepEqual(d?.['range'], { start: { line: 0, character: 11 }, end: { line: 0, character: 15 } });
  // `512M` may mean decimal megabytes: the fix is a suggestion.
  assert.deepEqual(d?.['fixes'], [
    {
      title: 'Change to `512MiB`',
      safe: false,
      edits: [{ range: { start: { line: 0, character: 11 }, end: { line: 0, character: 15 } }, newText: '512MiB' }],
    },
  ]);
});

test('SARIF 2.1.0 with rule metadata, columns and fixes', () => {
  const r = run(['lint', 'app/.env', '--format=sarif']);
  const s = JSON.parse(r.stdout) as {
    version: string;
    runs: {
      columnKind: string;
      tool: { driver: { rules: { id: string }[] } };
      results: {
        ruleId: string;
        ruleIndex: number;
        level: string;
        locations: { physicalLocation: { region: Record<string, number> } }[];
        fixes?: unknown[];
      }[];
    }[];
  };
  assert.equal(s.version, '2.1.0');
  const run0 = s.runs[0];
  assert.ok(run0 !== undefined);
  assert.equal(run0.columnKind, 'utf16CodeUnits');
  const res = run0.results.find((x) => x.ruleId === 'GDL120');
  assert.ok(res !== undefined);
  assert.equal(run0.tool.driver.rules[res.ruleIndex]?.id, 'GDL120');
  assert.equal(res.level, 'error');
  assert.deepEqual(res.locations[0]?.physicalLocation.region, {
    startLine: 1,
    startColumn: 12,
    endLine: 1,
    endColumn: 16,
  });
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
  fs.writeFileSync(f, 'GOMEMLIMIT=1Gi\nGOTOOLCHAIN=go1.27\nA=1\nA=2\n');
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
  assert.deepEqual(
    out.files[0]?.diagnostics.map((d) => d.code),
    ['GDL130'],
  );
  assert.equal(run(['lint', '-'], { input: 'A=1' }).code, 2);
});

test('config file: rules and envDialects', () => {
  fs.mkdirSync(path.join(dir, 'cfg'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'cfg', '.go-deploy-lint.json'),
    JSON.stringify({ rules: { GDL120: 'off' }, envDialects: { '*.env': 'systemd' } }),
  );
  fs.writeFileSync(path.join(dir, 'cfg', 'svc.env'), 'GOMEMLIMIT=512M\nexport GOGC=100\n');
  const r = run(['lint', 'svc.env', '--format', 'json'], { cwd: path.join(dir, 'cfg') });
  const codes = (JSON.parse(r.stdout) as { files: { diagnostics: { code: string }[] }[] }).files[0]?.diagnostics.map(
    (d) => d.code,
  );
  assert.deepEqual(codes, ['GDL105']);
  fs.writeFileSync(path.join(dir, 'bad.json'), '{"rules":{"GDL120":"loud"}}');
  const bad = run(['lint', 'app/.env', '--config', 'bad.json']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /invalid config .*bad\.json/);
});

test('project roots are the paths given, never the current directory: a unit found from elsewhere fixes its env file', () => {
  const host = path.join(dir, 'roots', 'host1');
  fs.mkdirSync(path.join(host, 'etc', 'systemd', 'system'), { recursive: true });
  fs.mkdirSync(path.join(host, 'etc', 'default'), { recursive: true });
  fs.writeFileSync(
    path.join(host, 'etc', 'systemd', 'system', 'api.service'),
    '[Service]\nEnvironmentFile=/etc/default/api\nExecStart=/usr/local/bin/api\n',
  );
  const env = path.join(host, 'etc', 'default', 'api');
  fs.writeFileSync(env, 'export GOGC=100\n');
  // From an unrelated folder: the env file is read as systemd reads it (export is not a keyword there).
  const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-cwd-'));
  const r = run(['lint', host, '--format', 'json', '--fail-on', 'none'], { cwd: elsewhere });
  const files = (JSON.parse(r.stdout) as { files: { path: string; diagnostics: { code: string }[] }[] }).files;
  const envReport = files.find((f) => f.path.endsWith('etc/default/api'));
  assert.deepEqual(
    envReport?.diagnostics.map((d) => d.code),
    ['GDL105'],
  );
  assert.equal(run(['lint', host, '--fix', '--fail-on', 'none'], { cwd: elsewhere }).code, 0);
  assert.equal(fs.readFileSync(env, 'utf8'), 'GOGC=100\n');
  // The env file alone: its folder is the root, so the unit is not seen, wherever the command runs from...
  fs.writeFileSync(env, 'export GOGC=100\n');
  const asEnv = ['--language', 'dotenv', '--format', 'json', '--fail-on', 'none'];
  const alone = (cwd: string): string => run(['lint', env, ...asEnv], { cwd }).stdout;
  assert.doesNotMatch(alone(host), /GDL105/);
  assert.equal(alone(elsewhere), alone(host));
  // ...unless --root names the project.
  const rooted = run(['lint', env, '--root', host, ...asEnv], { cwd: elsewhere });
  assert.match(rooted.stdout, /GDL105/);
  fs.rmSync(elsewhere, { recursive: true, force: true });
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
  const rows = JSON.parse(run(['rules', '--format', 'json']).stdout) as {
    code: string;
    name: string;
    language: string;
    severity: string;
    fix: string;
    summary: string;
  }[];
  assert.ok(rows.length >= 38);
  assert.deepEqual(Object.keys(rows[0] ?? {}), ['code', 'name', 'language', 'severity', 'fix', 'summary']);
  assert.ok(rows.some((r) => r.code === 'GDL120' && r.name === 'malformed-gomemlimit' && r.fix === 'safe'));
});

test('binary and invalid UTF-8 files give GDL001, not a crash', () => {
  fs.writeFileSync(path.join(dir, 'bin.env'), Buffer.from([0x41, 0x3d, 0x00, 0xff, 0xfe, 0x0a]));
  const r = run(['lint', 'bin.env', '--format', 'json']);
  assert.equal(r.code, 1);
  assert.deepEqual(
    (JSON.parse(r.stdout) as { files: { diagnostics: { code: string }[] }[] }).files[0]?.diagnostics.map((d) => d.code),
    ['GDL001'],
  );
});

test('named special files exit 2 at once: a FIFO, a link to /dev/zero', () => {
  const fifo = path.join(dir, 'pipe.env');
  spawnSync('mkfifo', [fifo]);
  const r = spawnSync(process.execPath, [CLI, 'lint', fifo], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
  assert.equal(r.status, 2, 'a FIFO must be refused, not read');
  assert.match(r.stderr, /a FIFO, not a regular file/);
  const zero = path.join(dir, 'zero.env');
  fs.symlinkSync('/dev/zero', zero);
  const z = spawnSync(process.execPath, [CLI, 'lint', zero], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
  assert.equal(z.status, 2);
  assert.match(z.stderr, /a character device, not a regular file/);
  fs.rmSync(fifo);
  fs.rmSync(zero);
});

test('folder walks skip special files and broken links (said on stderr and in the summary), follow links, survive loops', () => {
  const root = path.join(dir, 'walk');
  fs.mkdirSync(path.join(root, 'sub'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'outside.env'), 'GOGC=abc\n');
  fs.symlinkSync(path.join(dir, 'outside.env'), path.join(root, 'sub', 'linked.env'));
  fs.symlinkSync('..', path.join(root, 'sub', 'loop'));
  fs.symlinkSync('/dev/zero', path.join(root, 'zero.env'));
  fs.symlinkSync('/nonexistent/x', path.join(root, 'broken.env'));
  spawnSync('mkfifo', [path.join(root, 'fifo.env')]);
  const r = spawnSync(process.execPath, [CLI, 'lint', 'walk'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^walk\/sub\/linked\.env:1:6: warning GDL121/m);
  assert.match(r.stdout, /1 file checked \(3 skipped, listed on stderr\)/);
  assert.deepEqual(r.stderr.trim().split('\n').sort(), [
    'go-deploy-lint: skipped walk/broken.env: broken link',
    'go-deploy-lint: skipped walk/fifo.env: a FIFO, not a regular file',
    'go-deploy-lint: skipped walk/zero.env: a character device, not a regular file',
  ]);
  fs.rmSync(root, { recursive: true, force: true });
});

test('a size cap applies to the CLI too: named files above it exit 2, walked ones are skipped', () => {
  const root = path.join(dir, 'sized');
  fs.mkdirSync(root);
  fs.writeFileSync(path.join(root, 'big.env'), `# ${'x'.repeat(99)}\n`.repeat(11_000));
  const named = run(['lint', path.join('sized', 'big.env'), '--max-file-size-mb', '1']);
  assert.equal(named.code, 2);
  assert.match(named.stderr, /1\.1 MB is above the size limit of 1\.0 MB \(--max-file-size-mb\)/);
  const walked = run(['lint', 'sized', '--max-file-size-mb=1']);
  assert.equal(walked.code, 0);
  assert.match(walked.stderr, /skipped sized\/big\.env: 1\.1 MB is above the size limit/);
  assert.equal(run(['lint', 'sized']).code, 0, 'the default cap (8 MB) lets it through');
  fs.rmSync(root, { recursive: true, force: true });
});

test('150,000 findings in one file: no stack overflow; the analysis stops at 100,000 and says so', () => {
  fs.writeFileSync(path.join(dir, 'many.env'), 'GOGC=abc\n'.repeat(150_000));
  const r = spawnSync(process.execPath, [CLI, 'lint', 'many.env', '--format', 'json'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  assert.equal(r.status, 0, r.stderr.slice(0, 500));
  assert.equal((JSON.parse(r.stdout) as { files: { diagnostics: unknown[] }[] }).files[0]?.diagnostics.length, 100_000);
  assert.equal(
    r.stderr,
    'go-deploy-lint: many.env: stopped after 100,000 findings; later rules did not check the whole file\n',
  );
  fs.rmSync(path.join(dir, 'many.env'));
});

test('text output escapes control characters from values and paths', () => {
  const name = 'ctl\u001b[31m.env';
  fs.writeFileSync(path.join(dir, name), 'GOGC=\u001b[2J\u009bx\n');
  const r = run(['lint', name]);
  assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(r.stdout), JSON.stringify(r.stdout));
  assert.match(r.stdout, /ctl\\x1b\[31m\.env:1:6: warning GDL121 `\\x1b\[2J\\x9bx`/);
  fs.rmSync(path.join(dir, name));
});

test('--help is a flag only where a flag may stand; whitespace in an ssh destination is a usage error', () => {
  assert.match(run(['lint', '--help']).stdout, /^Usage:/);
  const asValue = run(['lint', '--stdin-filename', '--help', '-'], { input: 'A=1\n' });
  assert.equal(asValue.code, 2);
  assert.doesNotMatch(asValue.stdout, /^Usage:/);
  const spaced = run(['scan', '--ssh', 'web 01']);
  assert.equal(spaced.code, 2);
  assert.equal(spaced.stderr, 'go-deploy-lint: --ssh destination "web 01" contains whitespace or control characters\n');
  assert.doesNotMatch(run(['scan', '--ssh', 'a\tb']).stderr, /internal error|\n\s+at /);
});

test('shell scripts without an extension are found by their shebang, in walks and when named', () => {
  const root = path.join(dir, 'hooks');
  fs.mkdirSync(path.join(root, 'etc', 'kernel', 'postinst.d'), { recursive: true });
  const hook = path.join(root, 'etc', 'kernel', 'postinst.d', 'zz-binfmt');
  fs.writeFileSync(hook, '#!/bin/sh\necho ":qemu-x:Q:0:ab::/usr/bin/x:F" > /proc/sys/fs/binfmt_misc/register\n');
  fs.writeFileSync(path.join(root, 'NOTES'), 'not a script: GOMEMLIMIT=1G\n');
  const walked = run(['lint', 'hooks']);
  assert.match(walked.stdout, /hooks\/etc\/kernel\/postinst\.d\/zz-binfmt:2:\d+: error GDL305/);
  assert.match(walked.stdout, /^1 file checked/m);
  const named = run(['lint', path.join('hooks', 'etc', 'kernel', 'postinst.d', 'zz-binfmt')]);
  assert.match(named.stdout, /error GDL305/);
  assert.equal(
    run(['lint', path.join('hooks', 'NOTES')]).stderr,
    `go-deploy-lint: skipped ${path.join('hooks', 'NOTES')}: unknown file type (use --language)\n`,
  );
  fs.rmSync(root, { recursive: true, force: true });
});

test('the CLI starts from the code cache the build made (V8 accepts it for this Node)', () => {
  const r = spawnSync(process.execPath, [CLI, '--version'], {
    encoding: 'utf8',
    env: { ...process.env, GDL_CODE_CACHE_REPORT: '1' },
  });
  assert.equal(r.status, 0);
  assert.match(r.stderr, /^go-deploy-lint: code cache accepted$/m);
  // Without the cache file the launcher still runs, and says so.
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-launcher-'));
  for (const f of ['cli.js', 'cli-main.js']) fs.copyFileSync(path.join(ROOT, 'dist', f), path.join(copy, f));
  const bare = spawnSync(process.execPath, [path.join(copy, 'cli.js'), '--version'], {
    encoding: 'utf8',
    env: { ...process.env, GDL_CODE_CACHE_REPORT: '1' },
  });
  assert.equal(bare.status, 0);
  assert.match(bare.stderr, /code cache absent/);
  // A cache V8 cannot use (another Node, a damaged file) is rejected and the CLI compiles normally.
  fs.writeFileSync(path.join(copy, 'cli-main.cache'), Buffer.alloc(1000, 7));
  const damaged = spawnSync(process.execPath, [path.join(copy, 'cli.js'), '--version'], {
    encoding: 'utf8',
    env: { ...process.env, GDL_CODE_CACHE_REPORT: '1' },
  });
  assert.equal(damaged.status, 0);
  assert.match(damaged.stderr, /code cache rejected/);
  fs.rmSync(copy, { recursive: true, force: true });
});
