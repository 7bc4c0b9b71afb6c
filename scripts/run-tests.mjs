// Runs every test layer (`npm test`): build, type-check, lint and format, unit, integration (CLI + LSP), grammar, extension host, UI.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const totals = { passed: 0, failed: 0, skipped: 0 };
const layers = [];

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: opts.capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: { ...process.env, ...opts.env },
  });
  if (opts.capture) {
    process.stdout.write(r.stdout ?? '');
    process.stderr.write(r.stderr ?? '');
  }
  return r;
}

function record(name, passed, failed, skipped, note = '') {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  layers.push(`${name}: ${passed} passed, ${failed} failed, ${skipped} skipped${note ? ` (${note})` : ''}`);
}

function step(name, cmd, args) {
  console.log(`\n=== ${name}`);
  const r = sh(cmd, args);
  if (r.status !== 0) record(name, 0, 1, 0, `exit ${r.status}`);
  return r.status === 0;
}

function nodeTests(name, dir) {
  console.log(`\n=== ${name}`);
  const tap = path.join(os.tmpdir(), `gdl-${name}-${process.pid}.tap`);
  const r = sh(process.execPath, [
    '--test',
    '--test-concurrency=2',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    dir,
  ]);
  const text = fs.existsSync(tap) ? fs.readFileSync(tap, 'utf8') : '';
  const n = (k) => Number(new RegExp(`^# ${k} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
  record(name, n('pass'), n('fail') + (r.status !== 0 && n('fail') === 0 ? 1 : 0), n('skipped') + n('todo'));
  fs.rmSync(tap, { force: true });
}

function e2e(name, script) {
  console.log(`\n=== ${name}`);
  const r = sh(process.execPath, [script], { capture: true });
  const out = `${r.stdout ?? ''}`;
  const passing = Number(/(\d+) passing/.exec(out)?.[1] ?? (r.status === 0 ? 1 : 0));
  const failing = Number(/(\d+) failing/.exec(out)?.[1] ?? 0);
  if (r.status === 3) record(name, 0, 0, 1, 'tools missing');
  else record(name, r.status === 0 ? passing : 0, r.status === 0 ? 0 : Math.max(failing, 1), 0);
}

const built =
  step('build', process.execPath, ['esbuild.mjs']) &&
  step('typecheck and compile tests', process.execPath, [
    path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
    '-p',
    '.',
  ]);
if (built) {
  // ESLint (type-checked rules) and Prettier's check: a failure counts as one failed test, the other layers still run.
  if (step('lint and format', process.execPath, [path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '.'])) {
    if (
      step('format', process.execPath, [
        path.join(ROOT, 'node_modules', 'prettier', 'bin', 'prettier.cjs'),
        '--check',
        '.',
      ])
    )
      record('lint and format', 2, 0, 0);
  }
  nodeTests('unit', 'out/test/unit/');
  nodeTests('integration', 'out/test/integration/');
  console.log('\n=== grammar');
  const grammars = fs.readdirSync(path.join(ROOT, 'test', 'grammar'));
  const g = sh(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js'),
      '-g',
      'syntaxes/systemd-unit.tmLanguage.json',
      '-g',
      'syntaxes/binfmt.tmLanguage.json',
      'test/grammar/*',
    ],
    { capture: true },
  );
  const failedGrammars = ((g.stdout ?? '').match(/✖/g) ?? []).length;
  record(
    'grammar',
    grammars.length - failedGrammars,
    failedGrammars + (g.status !== 0 && failedGrammars === 0 ? 1 : 0),
    0,
  );
  if (process.env.GDL_SKIP_E2E === '1') {
    record('extension host (code-server)', 0, 0, 1, 'GDL_SKIP_E2E=1');
    record('UI (Chromium)', 0, 0, 1, 'GDL_SKIP_E2E=1');
  } else {
    e2e('extension host (code-server)', 'scripts/e2e/run-ext-tests.mjs');
    e2e('UI (Chromium)', 'scripts/e2e/ui-test.mjs');
  }
}
console.log(`\n${layers.join('\n')}`);
console.log(`TOTAL: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || !built ? 1 : 0);
