// Runs the fix-safety oracle over ../shared/corpus (`npm run corpus`): every safe fix alone and as fix-all, then
// every suggestion, with counts per language and per rule. Exits 1 when a safe fix changes more than its target.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT, corpusOrExit } from './corpus-location.mjs';

const CORPUS = corpusOrExit('fix oracle');
const require = createRequire(import.meta.url);
const { checkFixes, cleanupOracle } = require(path.join(ROOT, 'out', 'test', 'support', 'fix-oracle.js'));
const { detectLanguage } = require(path.join(ROOT, 'out', 'server', 'src', 'workspace', 'language-id.js'));
const { verifyAvailable } = require(path.join(ROOT, 'out', 'test', 'support', 'systemd-oracle.js'));
const { filesBelow } = require(path.join(ROOT, 'out', 'test', 'support', 'fixture-files.js'));

const verify = verifyAvailable() === undefined;
/** Env sets are linted in the dialect their consumers use, as `npm run corpus` does. */
const SETTINGS = {
  'envfile-default': { envDialects: { '**': 'systemd' } },
  'envfile-other': { envDialects: { '**': 'systemd' } },
};
const ENV_SETS = new Set(['dotenv', 'envfile-default', 'envfile-other']);
const SETS = [
  'dotenv',
  'envfile-default',
  'envfile-other',
  'systemd',
  'systemd-go',
  'binfmt',
  'dockerfile',
  'compose',
  'k8s',
];

const perLanguage = new Map();
const perRule = new Map();
const violations = [];
const bump = (m, k, field, n = 1) => {
  const v = m.get(k) ?? {
    files: 0,
    fixable: 0,
    safe: 0,
    safeFiles: new Set(),
    suggestions: 0,
    suggestionFiles: new Set(),
    violations: 0,
    suggestionViolations: 0,
  };
  if (field instanceof Function) field(v);
  else v[field] += n;
  m.set(k, v);
};
const t0 = Date.now();
for (const set of SETS) {
  const dir = path.join(CORPUS, set);
  for (const file of filesBelow(dir)) {
    const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(fs.readFileSync(file));
    // Compose files found by content under other names are linted under a Compose name; manifests are found by
    // content by the analysis itself (YAML files).
    const language = ENV_SETS.has(set)
      ? 'dotenv'
      : set === 'compose'
        ? 'compose'
        : set === 'k8s'
          ? /\.ya?ml$/i.test(file)
            ? 'kubernetes'
            : undefined
          : detectLanguage(file);
    if (language === undefined) continue;
    // Env files from /etc/default have no env-like name: lint them under one so the env surface reads them.
    const asFile =
      ENV_SETS.has(set) && detectLanguage(file) !== 'dotenv'
        ? `${file}.env`
        : set === 'compose' && detectLanguage(file) !== 'compose'
          ? `${file}.compose.yaml`
          : file;
    const outcome = checkFixes(text, {
      file: asFile,
      verify,
      suggestions: true,
      ...(SETTINGS[set] !== undefined ? { settings: SETTINGS[set] } : {}),
    });
    const lang = outcome.language ?? language;
    bump(perLanguage, lang, 'files');
    const rel = path.relative(CORPUS, file);
    if (outcome.fixes.some((f) => f.safe)) bump(perLanguage, lang, 'fixable');
    for (const f of outcome.fixes) {
      if (f.safe) {
        bump(perLanguage, lang, 'safe');
        bump(perRule, f.rule, (v) => {
          v.safe++;
          v.safeFiles.add(rel);
        });
        if (f.violations.length > 0) {
          bump(perLanguage, lang, 'violations');
          bump(perRule, f.rule, 'violations');
          for (const v of f.violations) violations.push(`${rel}: ${f.rule} "${f.title}": ${v}`);
        }
      } else {
        bump(perLanguage, lang, 'suggestions');
        bump(perRule, f.rule, (v) => {
          v.suggestions++;
          v.suggestionFiles.add(rel);
        });
        if (f.violations.length > 0) bump(perRule, f.rule, 'suggestionViolations');
      }
    }
    for (const v of outcome.fixAll) violations.push(`${rel}: fix-all: ${v}`);
  }
}
cleanupOracle();

console.log(
  `\nfix oracle over the corpus (${((Date.now() - t0) / 1000).toFixed(1)} s; systemd-analyze verify ${verify ? 'compared' : 'not installed: units compared by directive only'})`,
);
console.log(
  '\nper language: files, files with a safe fix, safe fixes applied, suggestions applied, safe fixes that changed more than their target',
);
for (const [lang, v] of [...perLanguage].sort())
  console.log(
    `  ${lang.padEnd(14)} ${String(v.files).padStart(5)} ${String(v.fixable).padStart(5)} ${String(v.safe).padStart(6)} ${String(v.suggestions).padStart(6)} ${String(v.violations).padStart(4)}`,
  );
console.log(
  '\nper rule: safe fixes (files), suggestions (files), suggestions that also change something outside their target',
);
for (const [rule, v] of [...perRule].sort()) {
  console.log(
    `  ${rule}  safe ${String(v.safe).padStart(5)} (${String(v.safeFiles.size).padStart(4)} files)  suggestions ${String(v.suggestions).padStart(5)} (${String(v.suggestionFiles.size).padStart(4)} files)${v.suggestionViolations > 0 ? `  ${v.suggestionViolations} reach beyond their target` : ''}`,
  );
}
if (violations.length > 0) {
  console.log(`\n${violations.length} safe-fix violations:`);
  for (const v of violations) console.log(`  ${v}`);
  process.exit(1);
}
console.log('\nno safe fix changed anything but its target');
