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
const doc = (text, version) => ({ uri: 'file:///w/app.env', path: '/w/app.env', text, version, languageId: 'dotenv' });
let files = 0;
let edits = 0;
let taken = 0;
let differences = 0;
for (const set of ['dotenv', 'envfile-default', 'envfile-other']) {
  const dir = path.join(CORPUS, set);
  if (!fs.existsSync(dir)) continue;
  for (const f of filesBelow(dir)) {
    const text = fs.readFileSync(f, 'utf8');
    files++;
    const lines = text.split('\n');
    for (const dialect of ENV_DIALECTS) {
      const ctx = { settings: { ...DEFAULT_SETTINGS, envDialects: { '*.env': dialect } }, project };
      const previous = analyze(doc(text, 1), ctx);
      for (const [i, l] of lines.entries()) {
        const eq = l.indexOf('=');
        if (eq < 0) continue;
        for (const edited of [`${l}x`, l.slice(0, eq + 1) + l.slice(eq + 2)]) {
          const next = [...lines.slice(0, i), edited, ...lines.slice(i + 1)].join('\n');
          edits++;
          const inc = analyzeEdit(previous, doc(next, 2), ctx);
          if (inc === undefined) continue;
          taken++;
          if (seen(inc) !== seen(analyze(doc(next, 2), ctx))) {
            differences++;
            console.log(`difference: ${path.relative(CORPUS, f)} line ${i + 1} (${dialect})`);
          }
        }
      }
    }
  }
}
const envSummary = `${files} env files × ${ENV_DIALECTS.length} dialects, ${edits} edits, ${taken} on the keystroke path`;

// Units, each at its own path (drop-ins next to it, go.mod above it count as they do in the editor).
const unitCtx = { settings: DEFAULT_SETTINGS, project };
let units = 0;
let unitEdits = 0;
let unitTaken = 0;
for (const set of ['systemd', 'systemd-go']) {
  const dir = path.join(CORPUS, set);
  if (!fs.existsSync(dir)) continue;
  for (const f of filesBelow(dir)) {
    if (detectLanguage(f) !== 'systemd-unit') continue;
    const text = fs.readFileSync(f, 'utf8');
    units++;
    const unitDoc = (t, version) => ({ uri: `file://${f}`, path: f, text: t, version, languageId: 'systemd-unit' });
    const previous = analyze(unitDoc(text, 1), unitCtx);
    const lines = text.split('\n');
    for (const [i, l] of lines.entries()) {
      const eq = l.indexOf('=');
      if (eq < 0 || /^[#;[]/.test(l)) continue;
      for (const edited of [`${l}x`, l.slice(0, eq + 1) + l.slice(eq + 2), l.slice(0, eq + 1)]) {
        if (edited === l) continue;
        const next = [...lines.slice(0, i), edited, ...lines.slice(i + 1)].join('\n');
        unitEdits++;
        const inc = analyzeEdit(previous, unitDoc(next, 2), unitCtx);
        if (inc === undefined) continue;
        unitTaken++;
        if (seen(inc) !== seen(analyze(unitDoc(next, 2), unitCtx))) {
          differences++;
          console.log(`difference: ${path.relative(CORPUS, f)} line ${i + 1}`);
        }
      }
    }
  }
}
console.log(
  `incremental oracle over the corpus: ${envSummary}; ${units} units, ${unitEdits} edits, ${unitTaken} on the keystroke path; ${differences} differences`,
);
process.exit(differences === 0 ? 0 : 1);
