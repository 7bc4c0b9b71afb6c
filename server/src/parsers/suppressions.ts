// Owns `# go-deploy-lint ignore=…` and `ignore-file=…` comments: where they are and what they name.
import { deleteLines } from '../text/edits';
import type { LineIndex, Position, Range } from '../text/line-index';
import type { Token } from '../text/token';

export interface SuppressedCode {
  readonly code: string;
  readonly range: Range;
  /** Edit range that removes this code from the list (with its comma). */
  readonly removal: Range;
}

export interface Suppression {
  readonly scope: 'line' | 'file';
  readonly comment: Token;
  readonly codes: SuppressedCode[];
  /** For `line` scope: the statement it applies to. */
  readonly target: Range | undefined;
  readonly line: number;
  /** What removing the comment deletes: its whole line when it stands alone, else only the comment. */
  readonly removal: Range;
  /** True when nothing but blanks precede the comment on its line. */
  readonly standsAlone: boolean;
  /** End of the code list (trailing blanks excluded): where another code is appended. */
  readonly listEnd: Position;
}

const DIRECTIVE = /go-deploy-lint\s+(ignore|ignore-file)=([A-Za-z0-9_,\s]*)/;

/** Finds suppression comments; `statements` are the logical lines, in order. */
export function findSuppressions(
  comments: readonly Token[],
  statements: () => readonly Range[],
  index: LineIndex,
): Suppression[] {
  const out: Suppression[] = [];
  for (const c of comments) {
    if (!c.text.includes('go-deploy-lint')) continue;
    const m = DIRECTIVE.exec(c.text);
    if (m === null || m[1] === undefined || m[2] === undefined) continue;
    const listStart = c.offset + m.index + m[0].length - m[2].length;
    const codes: SuppressedCode[] = [];
    const re = /[A-Za-z0-9_]+/g;
    const list = m[2].replace(/\s+$/, '');
    const parts: { code: string; start: number; end: number }[] = [];
    for (let x = re.exec(list); x !== null; x = re.exec(list))
      parts.push({ code: x[0], start: listStart + x.index, end: listStart + x.index + x[0].length });
    parts.forEach((p, i) => {
      const next = parts[i + 1];
      const prev = parts[i - 1];
      const removal =
        next !== undefined
          ? index.range(p.start, next.start)
          : prev !== undefined
            ? index.range(prev.end, p.end)
            : index.range(p.start, p.end);
      codes.push({ code: p.code.toUpperCase(), range: index.range(p.start, p.end), removal });
    });
    const line = c.range.start.line;
    const target = m[1] === 'ignore' ? statements().find((s) => s.start.line > line) : undefined;
    const before = index.text.slice(index.lineStart(line), c.offset);
    const removal =
      before.trim() === ''
        ? deleteLines(index, c.range).range
        : index.range(c.offset - (before.length - before.trimEnd().length), c.offset + c.text.length);
    const standsAlone = before.trim() === '';
    out.push({
      scope: m[1] === 'ignore' ? 'line' : 'file',
      comment: c,
      codes,
      target,
      line,
      removal,
      standsAlone,
      listEnd: index.positionAt(listStart + list.length),
    });
  }
  return out;
}
