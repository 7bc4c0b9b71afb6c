// Owns reading a unit file as systemd's conf-parser does: comments, continuations, sections, first `=` split.
import type { LineIndex, Range } from '../../text/line-index';
import { SourceToken, type ParseResult, type Token } from '../../text/token';
import type { SplitResult, UnitAssignment, UnitFile, UnitSection, UnitSyntaxProblem, UnitValue } from './ast';
import { splitWords } from './words';

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';

function makeValue(index: LineIndex, text: string, offsets: readonly number[], fallback: number): UnitValue {
  const offsetOf = (i: number): number =>
    i < offsets.length ? (offsets[i] ?? fallback) : (offsets[offsets.length - 1] ?? fallback - 1) + 1;
  let cached: Range | undefined;
  let split: SplitResult | undefined;
  return {
    text,
    words: (end = text.length) => (end >= text.length ? (split ??= splitWords(text)) : splitWords(text.slice(0, end))),
    get range(): Range {
      return (cached ??= index.range(offsetOf(0), text.length === 0 ? fallback : offsetOf(text.length - 1) + 1));
    },
    rangeOf: (s, e) => index.range(offsetOf(s), e <= s ? offsetOf(s) : offsetOf(e - 1) + 1),
    offsetOf,
  };
}

export function parseUnitFile(index: LineIndex): ParseResult<UnitFile> {
  const text = index.text;
  const sections: UnitSection[] = [];
  const assignments: UnitAssignment[] = [];
  const problems: UnitSyntaxProblem[] = [];
  const comments: Token[] = [];
  let current: UnitSection | undefined;
  for (let line = 0; line < index.lineCount; line++) {
    let start = index.lineStart(line);
    if (line === 0 && text.charCodeAt(0) === 0xfeff) start++;
    const end = index.lineContentEnd(line);
    let p = start;
    while (p < end && isBlank(text[p])) p++;
    let q = end;
    while (q > p && isBlank(text[q - 1])) q--;
    if (p === q) continue;
    if (text[p] === '#' || text[p] === ';') {
      comments.push(new SourceToken(index, p, q));
      continue;
    }
    const firstLine = line;
    if (text[p] === '[') {
      const inner = text.slice(p, q);
      if (!inner.endsWith(']')) {
        problems.push({ kind: 'invalid-section-header', range: index.range(p, q), text: inner });
        continue;
      }
      current = { name: new SourceToken(index, p + 1, q - 1), header: index.range(p, q), assignments: [] };
      sections.push(current);
      continue;
    }
    // Join continuation lines: a trailing odd run of backslashes continues; the backslash becomes a space.
    let joined = '';
    const offsets: number[] = [];
    let lineStartP = p;
    let lineEndQ = q;
    let lastEnd: number;
    for (;;) {
      let bs = 0;
      while (lineEndQ - 1 - bs >= lineStartP && text[lineEndQ - 1 - bs] === '\\') bs++;
      const continues = bs % 2 === 1 && line + 1 < index.lineCount;
      const segEnd = continues ? lineEndQ - 1 : lineEndQ;
      for (let i = lineStartP; i < segEnd; i++) {
        joined += text[i];
        offsets.push(i);
      }
      lastEnd = lineEndQ;
      if (!continues) break;
      joined += ' ';
      offsets.push(lineEndQ - 1);
      // Comment lines inside a continuation are skipped (src/shared/conf-parser.c, systemd.syntax(7)).
      let next = line + 1;
      for (; next < index.lineCount; next++) {
        let a = index.lineStart(next);
        const b = index.lineContentEnd(next);
        while (a < b && isBlank(text[a])) a++;
        if (a < b && (text[a] === '#' || text[a] === ';')) continue;
        break;
      }
      if (next >= index.lineCount) break;
      line = next;
      lineStartP = index.lineStart(line);
      lineEndQ = index.lineContentEnd(line);
      while (lineEndQ > lineStartP && isBlank(text[lineEndQ - 1])) lineEndQ--;
    }
    const eq = joined.indexOf('=');
    const logical = index.range(p, lastEnd);
    if (eq === -1) {
      problems.push({ kind: 'missing-equals', range: logical, text: joined });
      continue;
    }
    const ks = 0;
    let ke = eq;
    while (ke > ks && isBlank(joined[ke - 1])) ke--;
    if (ke === ks) {
      problems.push({ kind: 'empty-key', range: logical, text: joined });
      continue;
    }
    let vs = eq + 1;
    while (vs < joined.length && isBlank(joined[vs])) vs++;
    const keyStart = offsets[ks] ?? p;
    const key = new SourceToken(index, keyStart, (offsets[ke - 1] ?? keyStart) + 1);
    const value = makeValue(index, joined.slice(vs), offsets.slice(vs), (offsets[eq] ?? p) + 1);
    const a: UnitAssignment = { kind: 'assignment', section: current, key, value, range: logical, line: firstLine };
    assignments.push(a);
    current?.assignments.push(a);
  }
  return { ast: { kind: 'unit-file', sections, assignments, problems, comments }, problems: [] };
}
