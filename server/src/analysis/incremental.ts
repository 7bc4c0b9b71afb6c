// Owns the keystroke path for env files and systemd units: when an edit stays inside one line that no other line
// depends on, only that line is analysed again and the other findings are kept. Anything else is analysed in full,
// so the result is always what analyze() would give; test/unit/incremental.test.ts (env) and
// test/unit/incremental-unit.test.ts (units) hold it to that.
//
// Env files: one simple assignment whose key no other line reads (not a key the Go rules read, not `$KEY`ed, not
// set twice). Units: one `Key=value` line whose key no rule reads together with other lines (the rules'
// `crossLineKeys`, the surface's Environment=/EnvironmentFile=/Exec*=) and that no other line sets.
import { isGoRelevant } from '../knowledge/go-env';
import { surfaceReadsAcrossLines } from '../languages/systemd';
import type { SourceDocument } from '../languages/source-document';
import type { AnalysisContext } from '../languages/prepared';
import { rulesOf } from '../rules/index';
import type { Finding } from '../rules/rule';
import type { Position } from '../text/line-index';
import { analyze, findUnreadable, MAX_FINDINGS, type Analysis } from './analyze';

/**
 * A line that is one assignment and nothing that reaches other lines: a key, `=`, a value without `$`, backslash,
 * tab or unbalanced quote, and an optional comment after a space. Quoted values may hold spaces.
 */
const SIMPLE_LINE =
  /^([A-Za-z_][A-Za-z0-9_]*)=(?:"[A-Za-z0-9 _.,:/@%+=-]*"|'[A-Za-z0-9 _.,:/@%+=-]*'|[A-Za-z0-9_.,:/@%+=-]*)(?: +#[^\n\r"'`$\\]*)?$/;

/** A unit line `Key=value` (no blanks around the key); continuing lines are refused by `continues()`. */
const UNIT_LINE = /^([A-Za-z][A-Za-z0-9_-]*)=/;

/** True when a line ends in a backslash, blanks after it ignored (systemd strips them before it looks). */
const continues = (line: string): boolean => /\\[ \t]*$/.test(line);

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

/** The key of an env line that is a simple assignment no other line can depend on; undefined otherwise. */
function independentEnvKey(line: string): string | undefined {
  const key = SIMPLE_LINE.exec(line)?.[1];
  if (key === undefined) return undefined;
  // The Go value rules read these across lines (PATH against GOROOT, CC against CGO_ENABLED, GOPATH under HOME…).
  return isGoRelevant(key) || key === 'HOME' ? undefined : key;
}

const isWordChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/**
 * True when a line other than the one starting at `lineStart` starts with `key` as a word (`KEY=`, `export KEY`,
 * `KEY =`, a bare `KEY`; in a unit, `Key=` in any section): more lines than the parsers would read as setting the
 * key, never fewer. Found with indexOf, not a map of every key (which cost each whole-file analysis more than this
 * costs a keystroke).
 */
function setElsewhere(text: string, key: string, lineStart: number): boolean {
  for (let i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + 1)) {
    if (isWordChar(text.charCodeAt(i + key.length)) || (i > 0 && isWordChar(text.charCodeAt(i - 1)))) continue;
    const start = text.lastIndexOf('\n', i - 1) + 1;
    if (start !== lineStart && /^\ufeff?[ \t]*(?:export[ \t]+)?$/.test(text.slice(start, i))) return true;
  }
  return false;
}

/** Keys whose lines some unit rule or the unit surface reads together with other lines. */
let unitCrossLineKeys: ReadonlySet<string> | undefined;

/** The key of a unit line that no rule reads together with other lines; undefined otherwise. */
function independentUnitKey(line: string): string | undefined {
  const key = UNIT_LINE.exec(line)?.[1];
  if (key === undefined || surfaceReadsAcrossLines(key)) return undefined;
  unitCrossLineKeys ??= new Set(rulesOf('systemd').flatMap((r) => r.crossLineKeys ?? []));
  return unitCrossLineKeys.has(key) ? undefined : key;
}

/** One line edited: where, and the line before and after. */
interface LineEdit {
  readonly line: number;
  /** Offset of the line's start (the same in both versions). */
  readonly start: number;
  readonly oldLine: string;
  readonly newLine: string;
  /** Length after minus length before. */
  readonly delta: number;
}

/**
 * The edit from `previous` to `doc` when it changes one line of a file whose lines are independent statements:
 * no line break added or removed, the line ends with a line break in both versions, it does not continue on the
 * next, and the line before does not continue into it.
 */
function lineEditOf(previous: Analysis, doc: SourceDocument): LineEdit | undefined {
  const facts = previous.lines;
  if (facts === undefined || facts.spanning || facts.dialectFromComment) return undefined;
  if (previous.truncated === true || previous.suppressions.length > 0) return undefined;
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
  if (oldEnd >= before.length) return undefined;
  const oldLine = before.slice(start, oldEnd);
  const newLine = after.slice(start, oldEnd + delta);
  if (continues(oldLine) || continues(newLine)) return undefined;
  if (line > 0 && continues(before.slice(previous.index.lineStart(line - 1), start - 1))) return undefined;
  // A suppression or dialect comment, or an unreadable character, changes what the rest of the file reports.
  if (oldLine.includes('go-deploy-lint') || newLine.includes('go-deploy-lint')) return undefined;
  if (findUnreadable(newLine) !== undefined) return undefined;
  return { line, start, oldLine, newLine, delta };
}

/**
 * The analysis of `doc` computed from `previous` (the same document one edit earlier) by re-analysing the edited
 * line alone, or undefined when the edit can reach other lines and the whole document must be analysed.
 */
export function analyzeEdit(previous: Analysis, doc: SourceDocument, ctx: AnalysisContext): Analysis | undefined {
  if (previous.language !== 'dotenv' && previous.language !== 'systemd-unit') return undefined;
  const edit = lineEditOf(previous, doc);
  if (edit === undefined) return undefined;
  const fresh =
    previous.language === 'dotenv' ? envLineFindings(edit, doc, ctx) : unitLineFindings(previous, edit, doc, ctx);
  return fresh === undefined ? undefined : spliced(previous, doc, edit, fresh);
}

/** The findings of an edited env line, analysed alone at its own line number, or undefined. */
function envLineFindings(edit: LineEdit, doc: SourceDocument, ctx: AnalysisContext): readonly Finding[] | undefined {
  const key = independentEnvKey(edit.oldLine);
  if (key === undefined || independentEnvKey(edit.newLine) !== key) return undefined;
  if (doc.text.includes(`$${key}`) || doc.text.includes(`\${${key}`)) return undefined;
  if (setElsewhere(doc.text, key, edit.start)) return undefined;
  // The line alone, at the same line number (blank lines above it give no finding), in the same dialect.
  const alone = analyze({ ...doc, text: `${'\n'.repeat(edit.line)}${edit.newLine}\n` }, ctx);
  if (alone.language !== 'dotenv' || alone.suppressions.length > 0) return undefined;
  return alone.findings.every((f) => onLine(f.range, edit.line)) ? alone.findings : undefined;
}

/**
 * The findings of an edited unit line, analysed with its section header alone at their own line numbers, or
 * undefined. Findings the shortened unit gives elsewhere (no ExecStart=, runs as root) are not this line's: the
 * kept findings of the other lines stand for them.
 */
function unitLineFindings(
  previous: Analysis,
  edit: LineEdit,
  doc: SourceDocument,
  ctx: AnalysisContext,
): readonly Finding[] | undefined {
  const key = independentUnitKey(edit.oldLine);
  if (key === undefined || independentUnitKey(edit.newLine) !== key) return undefined;
  if (setElsewhere(doc.text, key, edit.start)) return undefined;
  // The section is the nearest header above (no line continues: the file has no multi-line statement).
  let header = edit.line - 1;
  while (header >= 0 && !/^[ \t]*\[/.test(previous.index.lineText(header))) header--;
  if (header < 0) return undefined;
  const headerText = previous.index.lineText(header);
  const text = `${'\n'.repeat(header)}${headerText}${'\n'.repeat(edit.line - header)}${edit.newLine}\n`;
  const alone = analyze({ ...doc, text }, ctx);
  const file = alone.prepared?.language === 'systemd-unit' ? alone.prepared.inputs.systemd.file : undefined;
  const a = file?.assignments[0];
  if (alone.suppressions.length > 0 || file === undefined) return undefined;
  // The header must be a valid one the line belongs to, as it is in the whole file.
  if (file.problems.length > 0 || file.assignments.length !== 1 || a?.section === undefined || a.key.text !== key)
    return undefined;
  return alone.findings.filter((f) => onLine(f.range, edit.line));
}

/** True when a range starts and ends on `line`. */
const onLine = (r: { readonly start: Position; readonly end: Position }, line: number): boolean =>
  r.start.line === line && r.end.line === line;

/**
 * The previous findings with those of the edited line replaced by `fresh`, or undefined when some finding reaches
 * across the edited line's bounds (a fix or related range another line points into it, or a fix of the line that
 * edits elsewhere).
 */
function spliced(
  previous: Analysis,
  doc: SourceDocument,
  edit: LineEdit,
  fresh: readonly Finding[],
): Analysis | undefined {
  const { line } = edit;
  const lineEnd = { line: line + 1, character: 0 };
  const editsStay = (f: Finding): boolean =>
    f.fixes.every((x) =>
      x.edits.every(
        (e) =>
          e.range.start.line === line &&
          (e.range.end.line === line ||
            (e.range.end.line === lineEnd.line && e.range.end.character === lineEnd.character)),
      ),
    );
  if (
    !fresh.every(editsStay) ||
    fresh.some((f) => f.related.some((r) => r.uri === undefined && !onLine(r.range, line)))
  )
    return undefined;

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
    if (!onLine((old[i] as Finding).range, line)) return undefined;
    i++;
  }
  findings.push(...fresh);
  for (; i < old.length; i++) findings.push(old[i] as Finding);
  if (findings.some((f) => f.range.start.line !== line && touches(f))) return undefined;
  if (findings.length >= MAX_FINDINGS) return undefined;
  return {
    uri: doc.uri,
    version: doc.version,
    language: previous.language,
    index: previous.index.withLineEdit(doc.text, line, edit.delta),
    // Hover, completion and links ask for the full analysis, which recomputes the inputs; code actions take this
    // one (a statement is a line here).
    prepared: undefined,
    compacted: true,
    suppressions: [],
    findings,
    ...(previous.lines !== undefined ? { lines: previous.lines } : {}),
  };
}
