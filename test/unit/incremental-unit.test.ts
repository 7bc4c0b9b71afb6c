// The keystroke path for systemd units (analysis/incremental.ts) gives exactly what a full analysis gives. Every
// unit of the fixtures and every unit rule's doc examples: each `Key=value` line gets its value typed into,
// shortened, emptied and replaced by the values other files give the same key, and wherever the keystroke path
// takes the edit its findings must equal a full analysis. This is what holds each rule to its `crossLineKeys`: a
// rule that reads a key across lines without listing it gives a difference in the first test (emptying the list of
// GDL233, GDL235 or GDL210 does); the last test shows why such an edit must not be taken alone.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyze, type Analysis } from '../../server/src/analysis/analyze';
import { analyzeEdit } from '../../server/src/analysis/incremental';
import { rulesOf } from '../../server/src/rules/index';
import type { Settings } from '../../server/src/settings';
import { detectLanguage } from '../../server/src/workspace/language-id';
import { FsProject } from '../../server/src/workspace/project';
import { filesBelow, FIXTURES } from '../support/fixture-files';
import { settingsFrom } from '../support/lint-text';

const project = new FsProject([]);
const SETTINGS_LINE = /^# go-deploy-lint-test (\{.*\})\s*$/m;

interface Unit {
  readonly file: string;
  readonly text: string;
  readonly settings: Settings;
}

/** Every unit the tests know: fixture files (rules, systemd's own tests, workspaces) and the rules' doc examples. */
function units(): Unit[] {
  const out: Unit[] = [];
  for (const file of filesBelow(FIXTURES)) {
    if (detectLanguage(file) !== 'systemd-unit') continue;
    const text = fs.readFileSync(file, 'utf8');
    const raw = SETTINGS_LINE.exec(text)?.[1];
    out.push({
      file,
      text,
      settings: settingsFrom(raw === undefined ? {} : (JSON.parse(raw) as Record<string, unknown>)),
    });
  }
  for (const rule of rulesOf('systemd')) {
    const name = rule.docs.exampleFile ?? 'api.service';
    const settings = settingsFrom(rule.docs.exampleSettings);
    for (const text of [rule.docs.example, rule.docs.useInstead])
      out.push({ file: path.join('/w', `${rule.id}`, name), text, settings });
  }
  return out;
}

const doc = (u: Unit, text: string, version: number): Parameters<typeof analyze>[0] => ({
  uri: `file://${u.file}`,
  path: u.file,
  text,
  version,
  languageId: 'systemd-unit',
});

/** Everything a user sees of a finding, and its fixes. */
function seen(a: Analysis): string {
  return JSON.stringify(a.findings.map((f) => [f.rule.id, f.range, f.message, f.severity, f.related, f.tags, f.fixes]));
}

const KEY_LINE = /^([A-Za-z][A-Za-z0-9_-]*)=(.*)$/;
const ALL = units();

/** Values each key has somewhere in the known units, and values that turn rules on and off. */
const VALUES = new Map<string, Set<string>>();
for (const u of ALL)
  for (const l of u.text.split('\n')) {
    const m = KEY_LINE.exec(l);
    if (m?.[1] !== undefined && m[2] !== undefined) VALUES.set(m[1], (VALUES.get(m[1]) ?? new Set()).add(m[2]));
  }
const GENERIC = [
  '',
  'x',
  'yes',
  'no',
  '0',
  '512M',
  'oneshot',
  'always',
  '100ms',
  '%Z',
  'a # note',
  '"open',
  '\\d',
  'a \\ ',
];

/** The edits tried on one value: typed into, shortened, and replaced by the values the key has elsewhere. */
function editsOf(key: string, value: string): string[] {
  const others = [...(VALUES.get(key) ?? [])].filter((v) => v !== value).slice(0, 6);
  return [...new Set([`x${value}`, `${value}x`, value.slice(1), ...others, ...GENERIC])].filter((v) => v !== value);
}

interface Tally {
  edits: number;
  taken: number;
  /** Edits taken whose findings differ from the previous version's: the cases that prove something. */
  changed: number;
  differences: string[];
}

function check(u: Unit, tally: Tally): void {
  const ctx = { settings: u.settings, project };
  const previous = analyze(doc(u, u.text, 1), ctx);
  const lines = u.text.split('\n');
  for (const [i, l] of lines.entries()) {
    const m = KEY_LINE.exec(l);
    if (m?.[1] === undefined || m[2] === undefined) continue;
    for (const value of editsOf(m[1], m[2])) {
      const text = [...lines.slice(0, i), `${m[1]}=${value}`, ...lines.slice(i + 1)].join('\n');
      tally.edits++;
      const inc = analyzeEdit(previous, doc(u, text, 2), ctx);
      if (inc === undefined) continue;
      tally.taken++;
      const full = analyze(doc(u, text, 2), ctx);
      if (seen(full) !== seen(previous)) tally.changed++;
      if (seen(inc) !== seen(full))
        tally.differences.push(`${path.relative(FIXTURES, u.file)} line ${i + 1}: ${m[1]}=${value}`);
    }
  }
}

test('every unit of the fixtures and rule docs: edits of each value on the keystroke path match a full analysis', () => {
  const tally: Tally = { edits: 0, taken: 0, changed: 0, differences: [] };
  for (const u of ALL) check(u, tally);
  assert.deepEqual(tally.differences, []);
  // Not vacuous: about a tenth of these edits is taken (the fixtures are made of the keys rules read across lines),
  // and a good share of those change what the user sees.
  assert.ok(tally.taken > 600, `taken ${tally.taken} of ${tally.edits}`);
  assert.ok(tally.changed > 100, `only ${tally.changed} taken edits changed the findings`);
  if (process.env.INCREMENTAL_RUNS !== undefined) console.log(tally);
});

test('random units and chains of value edits: the keystroke path equals a full analysis', () => {
  const pool = ALL.flatMap((u) => u.text.split('\n')).filter((l) => l.length < 120);
  // Lines no rule reads across lines, so that a good share of edits is one the keystroke path takes.
  const local = [
    'Description=API server',
    'Documentation=man:api(8)',
    'WorkingDirectory=/srv/api',
    'Nice=5',
    'TimeoutStopSec=30s',
    'WantedBy=multi-user.target',
    'After=network-online.target',
    '# a comment',
  ];
  const u: Unit = { file: '/w/api.service', text: '', settings: settingsFrom({}) };
  const ctx = { settings: u.settings, project };
  const edit = fc.record({ line: fc.nat(), value: fc.string({ maxLength: 12 }), pick: fc.nat() });
  let taken = 0;
  let runs = 0;
  fc.assert(
    fc.property(
      fc.oneof(
        fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 16 }),
        fc.uniqueArray(fc.constantFrom(...local, ...pool.slice(0, 40)), { minLength: 1, maxLength: 12 }),
      ),
      fc.array(edit, { minLength: 1, maxLength: 6 }),
      (lines, edits) => {
        const current = ['[Service]', ...lines];
        let previous = analyze(doc(u, `${current.join('\n')}\n`, 1), ctx);
        for (const [k, e] of edits.entries()) {
          const keyed = current.flatMap((l, i) => (KEY_LINE.test(l) ? [i] : []));
          if (keyed.length === 0) return;
          const i = keyed[e.line % keyed.length] as number;
          const key = KEY_LINE.exec(current[i] as string)?.[1] as string;
          const values = [...(VALUES.get(key) ?? []), e.value];
          current[i] = `${key}=${values[e.pick % values.length] ?? ''}`;
          const text = `${current.join('\n')}\n`;
          const full = analyze(doc(u, text, k + 2), ctx);
          const inc = analyzeEdit(previous, doc(u, text, k + 2), ctx);
          runs++;
          if (inc !== undefined) {
            taken++;
            assert.equal(seen(inc), seen(full), text);
            assert.equal(inc.index.text, text);
          }
          previous = inc ?? full;
        }
      },
    ),
    { numRuns: Number(process.env.INCREMENTAL_RUNS ?? 300) },
  );
  // About 12 % on average; 5 % keeps the bound far from chance.
  assert.ok(taken > runs / 20, `fast path taken ${taken} of ${runs} times`);
  if (process.env.INCREMENTAL_RUNS !== undefined) console.log(`fast path taken ${taken} of ${runs} times`);
});

test('the unit edits it must not take alone', () => {
  const u: Unit = { file: '/w/api.service', text: '', settings: settingsFrom({}) };
  const ctx = { settings: u.settings, project };
  const base = [
    '[Unit]',
    'Description=API',
    '[Service]',
    'Type=simple',
    'Restart=always',
    'ExecStart=/usr/local/bin/api',
    'Environment=GOGC=100',
    'Nice=5',
    'Nice=6',
    'WorkingDirectory=/srv',
    '',
  ].join('\n');
  const previous = analyze(doc(u, base, 1), ctx);
  for (const [from, to] of [
    ['Type=simple', 'Type=oneshot'], // read with Restart= (GDL215) and ExecStart= (GDL237)
    ['ExecStart=/usr/local/bin/api', 'ExecStart=/usr/local/bin/apx'], // Go evidence, binfmt lines
    ['Environment=GOGC=100', 'Environment=GOGC=10'], // the environment
    ['Nice=5', 'Nice=7'], // set twice
    ['WorkingDirectory=/srv', 'WorkingDirectory=/srv\nUser=api'], // a new line
    ['WorkingDirectory=/srv', 'WorkingDirectory=/srv \\'], // continues on the next line
    ['WorkingDirectory=/srv', 'WorkingDirectory=/srv \\ '], // the same: systemd strips the blank first
    ['WorkingDirectory=/srv', 'WorkingDirectory=/srv # go-deploy-lint ignore=GDL211'], // a suppression
    ['WorkingDirectory=/srv', 'User=/srv'], // another key
  ] as const)
    assert.equal(analyzeEdit(previous, doc(u, base.replace(from, to), 2), ctx), undefined, `${from} → ${to}`);
  for (const [from, to] of [
    ['Description=API', 'Description=APIs'],
    ['WorkingDirectory=/srv', 'WorkingDirectory=srv'],
  ] as const)
    assert.notEqual(analyzeEdit(previous, doc(u, base.replace(from, to), 2), ctx), undefined, `${from} → ${to}`);
  // A line before any header, and a file with a continuation line anywhere, are analysed whole.
  for (const [text, from, to] of [
    [`Documentation=man:api(8)\n${base}`, 'api(8)', 'api(1)'],
    [base.replace('Nice=6', 'Nice=6 \\\n  7'), '/srv', '/srvx'],
    // A line without `=` that continues into the edited one (the blank after the backslash is stripped).
    [base.replace('WorkingDirectory', 'oops \\ \nWorkingDirectory'), '/srv', '/srvx'],
  ] as const) {
    const before = analyze(doc(u, text, 1), ctx);
    assert.equal(analyzeEdit(before, doc(u, text.replace(from, to), 2), ctx), undefined, text);
  }
});

test("an edit of a key a rule reads across lines changes another line's findings, and is not taken alone", () => {
  // GDL215 reads Type= with Restart=: with Type= missing from its list, typing `oneshot` would keep a stale result.
  const rule = rulesOf('systemd').find((r) => r.id === 'GDL215');
  assert.ok(rule?.crossLineKeys?.includes('Type'));
  const u: Unit = {
    file: '/w/job.service',
    text: '[Service]\nType=simple\nRestart=always\nExecStart=/usr/local/bin/job\nUser=job\n',
    settings: settingsFrom({}),
  };
  const ctx = { settings: u.settings, project };
  const previous = analyze(doc(u, u.text, 1), ctx);
  const next = u.text.replace('Type=simple', 'Type=oneshot');
  const full = analyze(doc(u, next, 2), ctx);
  // The edit changes GDL215's findings on another line, so taking it alone would be wrong: it is not taken.
  assert.notEqual(seen(full), seen(previous));
  assert.ok(full.findings.some((f) => f.rule.id === 'GDL215' && f.range.start.line === 2));
  assert.equal(analyzeEdit(previous, doc(u, next, 2), ctx), undefined);
});
