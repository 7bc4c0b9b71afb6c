// Holds the keystroke path (server/src/analysis/incremental.ts) to the full analysis on the corpus (`npm run
// corpus`): each assignment's value of every env file (in every dialect) and every unit is typed into and shortened
// (units: also emptied), and wherever the keystroke path takes the edit its findings must equal a full analysis.
// Exits 1 on a difference.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT, corpusOrExit } from './corpus-location.mjs';

const CORPUS = corpusOrExit('incremental oracle');
const require = createRequire(import.meta.url);
const { analyze } = require(path.join(ROOT, 'out/server/src/analysis/analyze.js'));
const { analyzeEdit } = require(path.join(ROOT, 'out/server/src/analysis/incremental.js'));
const { ENV_DIALECTS } = require(path.join(ROOT, 'out/server/src/parsers/dotenv/dialects.js'));
const { DEFAULT_SETTINGS } = require(path.join(ROOT, 'out/server/src/settings.js'));
const { FsProject } = require(path.join(ROOT, 'out/server/src/workspace/project.js'));
const { filesBelow } = require(path.join(ROOT, 'out/test/support/fixture-files.js'));
const { detectLanguage } = require(path.join(ROOT, 'out/server/src/workspace/language-id.js'));

const project = new FsProject([]);
const seen = (a) =>
  JSON.stringify(a.findings.map((f) => [f.rule.id, f.range, f.message, f.severity, f.related, f.tags, f.fixes]));
const tally = { edits: 0, taken: 0, differences: 0 };

/**
 * Edits each line of `text` that has a `=` and is not a `comment` line (`variants(line, eq)` gives the edited lines)
 * and, wherever the keystroke path takes the edit, compares its findings with a full analysis.
 */
function editEachValue(text, docOf, ctx, variants, comment, where) {
  const previous = analyze(docOf(text, 1), ctx);
  const lines = text.split('\n');
  for (const [i, l] of lines.entries()) {
    const eq = l.indexOf('=');
    if (eq < 0 || comment.test(l)) continue;
    for (const edited of variants(l, eq)) {
      if (edited === l) continue;
      const next = [...lines.slice(0, i), edited, ...lines.slice(i + 1)].join('\n');
      tally.edits++;
      const inc = analyzeEdit(previous, docOf(next, 2), ctx);
      if (inc === undefined) continue;
      tally.taken++;
      if (seen(inc) !== seen(analyze(docOf(next, 2), ctx))) {
        tally.differences++;
        console.log(`difference: ${where} line ${i + 1}`);
      }
    }
  }
}

const envDoc = (text, version) => ({
  uri: 'file:///w/app.env',
  path: '/w/app.env',
  text,
  version,
  languageId: 'dotenv',
});
let files = 0;
for (const set of ['dotenv', 'envfile-default', 'envfile-other']) {
  const dir = path.join(CORPUS, set);
  if (!fs.existsSync(dir)) continue;
  for (const f of filesBelow(dir)) {
    const text = fs.readFileSync(f, 'utf8');
    files++;
    for (const dialect of ENV_DIALECTS) {
      const ctx = { settings: { ...DEFAULT_SETTINGS, envDialects: { '*.env': dialect } }, project };
      const where = `${path.relative(CORPUS, f)} (${dialect})`;
      editEachValue(text, envDoc, ctx, (l, eq) => [`${l}x`, l.slice(0, eq + 1) + l.slice(eq + 2)], /(?!)/, where);
    }
  }
}
const envSummary = `${files} env files × ${ENV_DIALECTS.length} dialects, ${tally.edits} edits, ${tally.taken} on the keystroke path`;

// Units, each at its own path (drop-ins next to it, go.mod above it count as they do in the editor); their values
// are also emptied.
const envEdits = tally.edits;
const envTaken = tally.taken;
let units = 0;
for (const set of ['systemd', 'systemd-go']) {
  const dir = path.join(CORPUS, set);
  if (!fs.existsSync(dir)) continue;
  for (const f of filesBelow(dir)) {
    if (detectLanguage(f) !== 'systemd-unit') continue;
    units++;
    const unitDoc = (text, version) => ({ uri: `file://${f}`, path: f, text, version, languageId: 'systemd-unit' });
    const variants = (l, eq) => [`${l}x`, l.slice(0, eq + 1) + l.slice(eq + 2), l.slice(0, eq + 1)];
    const ctx = { settings: DEFAULT_SETTINGS, project };
    editEachValue(fs.readFileSync(f, 'utf8'), unitDoc, ctx, variants, /^[#;[]/, path.relative(CORPUS, f));
  }
}
console.log(
  `incremental oracle over the corpus: ${envSummary}; ${units} units, ${tally.edits - envEdits} edits, ${tally.taken - envTaken} on the keystroke path; ${tally.differences} differences`,
);
process.exit(tally.differences === 0 ? 0 : 1);
