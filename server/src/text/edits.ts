// Owns text edits: building them from ranges, checking overlap, and applying them to a string.
import type { TextEdit } from 'vscode-languageserver-types';
import { comparePositions, LineIndex, rangesOverlap, type Range } from './line-index';

export type { TextEdit };

export function replace(range: Range, newText: string): TextEdit {
  return { range, newText };
}

/** Deletes whole lines, including the line break after the last one (or before the first at end of text). */
export function deleteLines(index: LineIndex, range: Range): TextEdit {
  const startLine = range.start.line;
  const endLine = range.end.line;
  if (endLine + 1 < index.lineCount) {
    return { range: index.range(index.lineStart(startLine), index.lineStart(endLine + 1)), newText: '' };
  }
  // Last line: remove the break that precedes it instead, so no empty line remains.
  const start = startLine > 0 ? index.lineContentEnd(startLine - 1) : 0;
  return { range: index.range(start, index.text.length), newText: '' };
}

/** Inserts whole lines before the given line, keeping the file's line-break style. */
export function insertLinesBefore(index: LineIndex, line: number, lines: readonly string[]): TextEdit {
  const eol = index.text.includes('\r\n') ? '\r\n' : '\n';
  const at = index.positionAt(index.lineStart(line));
  return { range: { start: at, end: at }, newText: lines.map((l) => l + eol).join('') };
}

export function sortEdits(edits: readonly TextEdit[]): TextEdit[] {
  return [...edits].sort(
    (a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end),
  );
}

export function editsOverlap(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  for (const x of a) {
    for (const y of b) {
      if (rangesOverlap(x.range, y.range)) return true;
      // Two insertions at one point conflict: one may extend the text before it, the other start new lines.
      if (comparePositions(x.range.start, y.range.start) === 0 && comparePositions(x.range.end, y.range.end) === 0)
        return true;
    }
  }
  return false;
}

/** Applies non-overlapping edits; throws on overlap because callers must filter first. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const index = new LineIndex(text);
  const sorted = sortEdits(edits);
  let out = '';
  let last = 0;
  for (const e of sorted) {
    const start = index.offsetAt(e.range.start);
    const end = index.offsetAt(e.range.end);
    if (start < last) throw new Error('overlapping edits');
    out += text.slice(last, start) + e.newText;
    last = end;
  }
  return out + text.slice(last);
}
