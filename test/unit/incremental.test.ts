// The keystroke path for env files (analysis/incremental.ts) gives exactly what a full analysis gives: random
// documents and random edits (one or a chain), every dialect, the rule fixtures; and it is taken for the edits it is
// made for, so this test cannot pass by always falling back.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyze, type Analysis } from '../../server/src/analysis/analyze';
import { analyzeEdit } from '../../server/src/analysis/incremental';
import { ENV_DIALECTS } from '../../server/src/parsers/dotenv/dialects';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/settings';
import { FsProject } from '../../server/src/workspace/project';
import { ROOT } from '../support/fixture-files';

const project = new FsProject([]);

function ctxFor(dialect: string | undefined): { settings: Settings; project: FsProject } {
  return {
    settings: dialect === undefined ? DEFAULT_SETTINGS : { ...DEFAULT_SETTINGS, envDialects: { '*.env': dialect } },
    project,
  } as { settings: Settings; project: FsProject };
}

const doc = (text: string, version: number): Parameters<typeof analyze>[0] => ({
  uri: 'file:///w/app.env',
  path: '/w/app.env',
  text,
  version,
  languageId: 'dotenv',
});

/** Everything a user sees of a finding, and its fixes. */
function seen(a: Analysis): string {
  return JSON.stringify(a.findings.map((f) => [f.rule.id, f.range, f.message, f.severity, f.related, f.tags, f.fixes]));
}

/** Applies the edit incrementally when the fast path takes it, and checks it against a full analysis. */
function step(previous: Analysis, text: string, version: number, ctx: ReturnType<typeof ctxFor>): [Analysis, boolean] {
  const full = analyze(doc(text, version), ctx);
  const inc = analyzeEdit(previous, doc(text, version), ctx);
  if (inc === undefined) return [full, false];
  assert.equal(seen(inc), seen(full), `edit to ${JSON.stringify(text.slice(0, 400))}`);
  assert.equal(inc.version, version);
  assert.equal(inc.index.text, text);
  assert.equal(inc.index.lineCount, full.index.lineCount);
  for (let l = 0; l < full.index.lineCount; l++) assert.equal(inc.index.lineStart(l), full.index.lineStart(l));
  return [inc, true];
}

const LINES = [
  'APP_NAME=api',
  'APP_MODE="production mode" # the mode',
  "APP_LABEL='a b c'",
  'APP_EMPTY=',
  'APP_URL=https://example.com/x',
  'APP_REF=$APP_NAME/x',
  'APP_BRACED=${APP_MODE}',
  'APP_NAME=again',
  'GOMEMLIMIT=512MiB',
  'GOGC=off',
  'GODEBUG=http2client=0,gctrace=1',
  'PATH=/usr/local/go/bin:/usr/bin',
  'CC=musl-gcc',
  'CGO_ENABLED=1',
  'HOME=/home/app',
  '# a comment',
  '# go-deploy-lint ignore=GDL101',
  'export APP_EXPORTED=1',
  'APP_OPEN="spans',
  'lines"',
  'APP_SPACE = 1',
  'bad-key=1',
  'APP_BARE',
  'APP_TRAIL=x \\',
  'API_TOKEN=s3cr3t',
  '',
];

const EDIT_CHARS = ['a', 'Z', '0', ' ', '"', "'", '$', '#', '=', '\\', '\n', 'G', 'O', '-', '{', '}'];

/** Lines that leave every other line independent (the documents the keystroke path is for). */
const SIMPLE = LINES.filter((l) => /^(APP_[A-Z]+=[^$\\]*|GO[A-Z]+=.*|# a comment|)$/.test(l) && !l.includes('"spans'));
const lines = (pool: readonly string[]): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 14 }).map((ls) => `${ls.join('\n')}\n`);
const document = fc.oneof(lines(SIMPLE), lines(LINES));
const edit = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 3 }),
  insert: fc.array(fc.constantFrom(...EDIT_CHARS), { maxLength: 3 }).map((cs) => cs.join('')),
});
const dialect = fc.constantFrom<string | undefined>(undefined, ...ENV_DIALECTS);

/** Typing inside a value: after the `=` of the n-th assignment (the edits the keystroke path is for). */
const valueEdit = fc.record({
  line: fc.nat(),
  column: fc.nat(),
  remove: fc.nat({ max: 1 }),
  insert: fc.constantFrom('a', 'Z', '0', '-', '.', '', 'x1'),
});

type Edit =
  { at: number; remove: number; insert: string } | { line: number; column: number; remove: number; insert: string };

function applyEdit(text: string, e: Edit): string {
  if ('at' in e) {
    const at = e.at % (text.length + 1);
    return text.slice(0, at) + e.insert + text.slice(at + e.remove);
  }
  const lines = text.split('\n');
  const assignments = lines.flatMap((l, i) => (l.includes('=') ? [i] : []));
  if (assignments.length === 0) return text;
  const i = assignments[e.line % assignments.length] as number;
  const l = lines[i] as string;
  const eq = l.indexOf('=');
  const at = eq + 1 + (e.column % (l.length - eq));
  lines[i] = l.slice(0, at) + e.insert + l.slice(Math.min(l.length, at + e.remove));
  return lines.join('\n');
}

test('random documents and chains of random edits: the keystroke path equals a full analysis', () => {
  let taken = 0;
  let runs = 0;
  fc.assert(
    fc.property(
      document,
      fc.array(fc.oneof(edit, valueEdit), { minLength: 1, maxLength: 6 }),
      dialect,
      (text, edits, d) => {
        const ctx = ctxFor(d);
        let current = text;
        let previous = analyze(doc(current, 1), ctx);
        for (const [i, e] of edits.entries()) {
          current = applyEdit(current, e);
          const [next, fast] = step(previous, current, i + 2, ctx);
          previous = next;
          runs++;
          if (fast) taken++;
        }
      },
    ),
    { numRuns: Number(process.env.INCREMENTAL_RUNS ?? 400) },
  );
  // Not vacuous: a good share of random edits lands inside a simple assignment.
  // (about 12 % on average; 5 % keeps the bound far from chance.)
  assert.ok(taken > runs / 20, `fast path taken ${taken} of ${runs} times`);
  if (process.env.INCREMENTAL_RUNS !== undefined) console.log(`fast path taken ${taken} of ${runs} times`);
});

test('typing inside a value, one character at a time, stays on the keystroke path and matches', () => {
  const ctx = ctxFor(undefined);
  const lines = Array.from({ length: 300 }, (_, i) =>
    i % 7 === 0 ? `GODEBUG=gctrace=${i % 2}` : `APP_SETTING_${i}="value ${i}" # note`,
  );
  let text = `${lines.join('\n')}\n`;
  let previous = analyze(doc(text, 1), ctx);
  let taken = 0;
  const word = 'hello world';
  const first = text.indexOf('"value 1"') + 1;
  for (let k = 0; k < word.length; k++) {
    const at = first + k;
    text = text.slice(0, at) + word[k] + text.slice(at);
    const [next, fast] = step(previous, text, k + 2, ctx);
    previous = next;
    if (fast) taken++;
  }
  assert.equal(taken, word.length);
});

test('the edits it must not take alone: a key the Go rules read, a referenced key, a duplicate, a new line', () => {
  const ctx = ctxFor(undefined);
  const base = 'APP_A=1\nAPP_B=$APP_A\nAPP_C=1\nAPP_C=2\nGOGC=100\nAPP_D=1\n';
  const previous = analyze(doc(base, 1), ctx);
  for (const [from, to] of [
    ['APP_A=1', 'APP_A=2'], // read by APP_B
    ['APP_C=1', 'APP_C=3'], // a duplicate key
    ['GOGC=100', 'GOGC=off'], // a Go variable
    ['APP_D=1', 'APP_D=1\nAPP_E=2'], // a new line
    ['APP_D=1', 'APP_X=1'], // another key
    ['APP_D=1', 'APP_D=1 # a\u0000b'], // a NUL: the whole file is unreadable
    ['APP_D=1', 'APP_D=1 # a\ufffdb'], // invalid UTF-8, decoded
  ] as const)
    assert.equal(analyzeEdit(previous, doc(base.replace(from, to), 2), ctx), undefined, `${from} → ${to}`);
  assert.notEqual(analyzeEdit(previous, doc(base.replace('APP_D=1', 'APP_D=12'), 2), ctx), undefined);
  // The key set again in another form: exported, bare, after a byte-order mark, with blanks around `=`.
  for (const other of ['export APP_D=0', 'APP_D', '\ufeffAPP_D=0', '  APP_D = 0']) {
    const text = `${other}\n${base}`;
    const before = analyze(doc(text, 1), ctx);
    assert.equal(analyzeEdit(before, doc(text.replace('APP_D=1', 'APP_D=12'), 2), ctx), undefined, other);
  }
  // A longer key that starts with this one, or the key inside a value, is another key.
  for (const other of ['APP_DX=0', 'APP_E="APP_D=0"']) {
    const text = `${other}\n${base}`;
    const before = analyze(doc(text, 1), ctx);
    assert.notEqual(analyzeEdit(before, doc(text.replace('APP_D=1', 'APP_D=12'), 2), ctx), undefined, other);
  }
});

test('every env rule fixture: an edit in each simple assignment matches a full analysis', () => {
  const dir = path.join(ROOT, 'test', 'fixtures', 'rules', 'dotenv');
  let taken = 0;
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.env'))) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const ctx = { settings: DEFAULT_SETTINGS, project };
    const previous = analyze({ ...doc(text, 1), uri: `file:///w/${f}`, path: `/w/${f}` }, ctx);
    const lines = text.split('\n');
    for (const [i, l] of lines.entries()) {
      const eq = l.indexOf('=');
      if (eq < 0) continue;
      const edited = [...lines.slice(0, i), `${l.slice(0, eq + 1)}x${l.slice(eq + 1)}`, ...lines.slice(i + 1)].join(
        '\n',
      );
      const d = { ...doc(edited, 2), uri: `file:///w/${f}`, path: `/w/${f}` };
      const inc = analyzeEdit(previous, d, ctx);
      if (inc === undefined) continue;
      taken++;
      assert.equal(seen(inc), seen(analyze(d, ctx)), `${f} line ${i + 1}`);
    }
  }
  assert.ok(taken >= 5, `fast path taken ${taken} times over the fixtures`);
});
