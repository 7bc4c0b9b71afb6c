// Owns the mapping between string offsets and LSP positions (0-based lines, UTF-16 columns).
import type { Position, Range } from 'vscode-languageserver-types';

export type { Position, Range };

/** Offsets are JavaScript string indices, which are UTF-16 code units, exactly what LSP columns count. */
export class LineIndex {
  /** Offset at which each line starts. */
  private readonly starts: number[];
  /** Line of the last lookup: parsers ask for nearby offsets, so most lookups hit it or the next line. */
  private lastLine = 0;

  constructor(
    readonly text: string,
    /** The line starts, when the caller already knows them (withLineEdit). */
    starts?: number[],
  ) {
    if (starts !== undefined) {
      this.starts = starts;
      return;
    }
    const found = [0];
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) found.push(i + 1);
    }
    this.starts = found;
  }

  /**
   * The index of `text`, which differs from this one's text only inside `line`, by `delta` characters and without
   * a line break added or removed: the lines after it move by delta. No scan of the text.
   */
  withLineEdit(text: string, line: number, delta: number): LineIndex {
    const starts = this.starts.slice();
    for (let l = line + 1; l < starts.length; l++) starts[l] = (starts[l] as number) + delta;
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))] ?? 0;
  }

  /** End of the line's content: before `\n` and before a `\r` that precedes it. */
  lineContentEnd(line: number): number {
    const next = line + 1 < this.starts.length ? (this.starts[line + 1] ?? this.text.length) - 1 : this.text.length;
    return next > this.lineStart(line) && this.text.charCodeAt(next - 1) === 13 && next < this.text.length
      ? next - 1
      : next;
  }

  /** End of the line including its line break (start of the next line, or end of text). */
  lineEndWithBreak(line: number): number {
    return line + 1 < this.starts.length ? (this.starts[line + 1] ?? this.text.length) : this.text.length;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineContentEnd(line));
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    for (let l = this.lastLine; l <= this.lastLine + 1 && l < this.starts.length; l++) {
      const start = this.starts[l] ?? 0;
      const next = l + 1 < this.starts.length ? (this.starts[l + 1] ?? Infinity) : Infinity;
      if (o >= start && o < next) {
        this.lastLine = l;
        return { line: l, character: o - start };
      }
    }
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= o) lo = mid;
      else hi = mid - 1;
    }
    this.lastLine = lo;
    return { line: lo, character: o - (this.starts[lo] ?? 0) };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.lineStart(position.line);
    const end = this.lineEndWithBreak(position.line);
    return Math.min(start + Math.max(0, position.character), end);
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The range of a whole line, line break excluded. */
  lineRange(line: number): Range {
    return this.range(this.lineStart(line), this.lineContentEnd(line));
  }
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangeContains(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

export function rangesOverlap(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) < 0 && comparePositions(b.start, a.end) < 0;
}
