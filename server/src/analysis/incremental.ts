// Owns the keystroke path for env files: when an edit stays inside one simple assignment whose key no other line
// depends on, only that line is analysed again and the other findings are kept. Anything else (a key the Go rules
// read, a `$` reference, a quote spanning lines, a suppression, a duplicate key) is analysed in full, so the result
// is always what analyze() would give; the property test in test/unit/incremental.test.ts holds it to that.
import { isGoRelevant } from '../knowledge/go-env';
import type { SourceDocument } from '../languages/source-document';
import type { AnalysisContext } from '../languages/prepared';
import type { Finding } from '../rules/rule';
import type { Position } from '../text/line-index';
import { analyze, MAX_FINDINGS, type Analysis } from './analyze';

/**
 * A line that is one assignment and nothing that reaches other lines: a key, `=`, a value without `$`, backslash,
 * tab or unbalanced quote, and an optional comment after a space. Quoted values may hold spaces.
 */
const SIMPLE_LINE =
  /^([A-Za-z_][A-Za-z0-9_]*)=(?:"[A-Za-z0-9 _.,:/@%+=-]*"|'[A-Za-z0-9 _.,:/@%+=-]*'|[A-Za-z0-9_.,:/@%+=-]*)(?: +#[^\n\r"'`$\\]*)?$/;

/** Length of the common prefix of two strings, compared a block at a time (flat strings compare as memory). */
function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  for (const step of [65_536, 4096, 256, 16, 1])
    while (i + step <= max && a.slice(i, i + step) === b.slice(i, i + step)) i += step;
  return i;
}

function commonSuffix(a: string, b: string, limit: number): number {
  let n = 0;
  for (const step of [65_536, 4096, 256, 16, 1])
    while (
      n + step <= limit &&
      a.slice(a.length - n - step, a.length - n) === b.slice(b.length - n - step, b.length - n)
    )
      n += step;
  return n;
}

/** The key of a line that is a simple assignment no other line can depend on; undefined otherwise. */
function independentKey(line: string): string | undefined {
  const m = SIMPLE_LINE.exec(line);
  const key = m?.[1];
  if (key === undefined || line.includes('go-deploy-lint')) return undefined;
  // The Go value rules read these across lines (PATH against GOROOT, CC against CGO_ENABLED, GOPATH under HOME…).
  return isGoRelevant(key) || key === 'HOME' ? undefined : key;
}

const isWordChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/**
 * True when a line other than the one starting at `lineStart` starts with `key` as a word (`KEY=`, `export KEY`,
 * `KEY =`, a bare `KEY`): more lines than the parser would read as setting the key, never fewer. Found with
 * indexOf, not a map of every key (which cost each whole-file analysis more than this costs a keystroke).
 */
function setElsewhere(text: string, key: string, lineStart: number): boolean {
  for (let i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + 1)) {
    if (isWordChar(text.charCodeAt(i + key.length)) || (i > 0 && isWordChar(text.charCodeAt(i - 1)))) continue;
    const start = text.lastIndexOf('\n', i - 1) + 1;
    if (start !== lineStart && /^\ufeff?[ \t]*(?:export[ \t]+)?$/.test(text.slice(start, i))) return true;
  }
  return false;
}

/**
 * The analysis of `doc` computed from `previous` (the same document one edit earlier) by re-analysing the edited
 * line alone, or undefined when the edit can reach other lines and the whole document must be analysed.
 */
export function analyzeEdit(previous: Analysis, doc: SourceDocument, ctx: AnalysisContext): Analysis | undefined {
  const facts = previous.envLines;
  if (
    facts === undefined ||
    previous.language !== 'dotenv' ||
    previous.truncated === true ||
    previous.suppressions.length > 0 ||
    facts.spanning ||
    facts.dialectFromComment
  )
    return undefined;
  const before = previous.index.text;
  const after = doc.text;
  if (after.includes('\r')) return undefined;
  const prefix = commonPrefix(before, after);
  const suffix = commonSuffix(before, after, Math.min(before.length, after.length) - prefix);
  const removed = before.slice(prefix, before.length - suffix);
  const inserted = after.slice(prefix, after.length - suffix);
  if (removed.includes('\n') || inserted.includes('\n')) return undefined;
  const line = previous.index.positionAt(prefix).line;
  const start = previous.index.lineStart(line);
  const oldEnd = previous.index.lineContentEnd(line);
  const delta = after.length - before.length;
  // The line must end with a line break in both versions, and the line before must not continue into it.
  if (oldEnd >= before.length || (start > 0 && before.charCodeAt(start - 2) === 92)) return undefined;
  const oldLine = before.slice(start, oldEnd);
  const newLine = after.slice(start, oldEnd + delta);
  const key = independentKey(oldLine);
  if (key === undefined || independentKey(newLine) !== key) return undefined;
  if (after.includes(`$${key}`) || after.includes(`\${${key}`)) return undefined;
  if (setElsewhere(after, key, start)) return undefined;

  // The line alone, at the same line number (blank lines above it give no finding), in the same dialect.
  const alone = analyze({ ...doc, text: `${'\n'.repeat(line)}${newLine}\n` }, ctx);
  if (alone.language !== 'dotenv' || alone.suppressions.length > 0) return undefined;
  const lineEnd = { line: line + 1, character: 0 };
  const onLine = (f: Finding): boolean => f.range.start.line === line && f.range.end.line === line;
  const editsStay = (f: Finding): boolean =>
    f.fixes.every((x) =>
      x.edits.every(
        (e) =>
          e.range.start.line === line &&
          (e.range.end.line === line ||
            (e.range.end.line === lineEnd.line && e.range.end.character === lineEnd.character)),
      ),
    );
  if (!alone.findings.every((f) => onLine(f) && editsStay(f))) return undefined;

  // Kept findings must not point into the edited line: a related range or fix edit ending there after its first
  // column would be stale (a whole-line deletion of the line above ends at its column 0, which does not move).
  const into = (r: { readonly start: Position; readonly end: Position }): boolean =>
    (r.start.line === line && r.start.character > 0) || (r.end.line === line && r.end.character > 0);
  const touches = (f: Finding): boolean =>
    f.related.some((r) => r.uri === undefined && into(r.range)) ||
    f.fixes.some((x) => x.edits.some((e) => into(e.range)));
  const findings: Finding[] = [];
  let i = 0;
  const old = previous.findings;
  while (i < old.length && (old[i] as Finding).range.end.line < line) findings.push(old[i++] as Finding);
  // A finding of another line that reaches into this one cannot be kept as it was.
  if (i < old.length && (old[i] as Finding).range.start.line < line) return undefined;
  while (i < old.length && (old[i] as Finding).range.start.line === line) {
    if (!onLine(old[i] as Finding)) return undefined;
    i++;
  }
  findings.push(...alone.findings);
  for (; i < old.length; i++) findings.push(old[i] as Finding);
  if (findings.some((f) => f.range.start.line !== line && touches(f))) return undefined;
  if (findings.length >= MAX_FINDINGS) return undefined;
  return {
    uri: doc.uri,
    version: doc.version,
    language: 'dotenv',
    index: previous.index.withLineEdit(after, line, delta),
    // Hover, completion and code actions ask for the full analysis, which recomputes the inputs.
    prepared: undefined,
    compacted: true,
    suppressions: [],
    findings,
    envLines: facts,
  };
}
