// Owns turning env-file text into an EnvFile; never throws, every part gets an exact range.
import { LineIndex } from '../../text/line-index';
import { SourceToken, type ParseResult, type Token } from '../../text/token';
import type { Range } from '../../text/line-index';
import type { EnvAssignment, EnvEntry, EnvFile, EnvValue } from './ast';

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t';

export interface EnvParseOptions {
  /**
   * Read every line on its own: a quote never spans lines. docker --env-file (docker/cli opts/file.go, a
   * bufio.Scanner over lines) and the go command's env file read files this way.
   */
  readonly lineByLine?: boolean;
}

export function parseEnvFile(
  text: string,
  index: LineIndex = new LineIndex(text),
  options: EnvParseOptions = {},
): ParseResult<EnvFile> {
  const entries: EnvEntry[] = [];
  const crlfLines: number[] = [];
  const hasBom = text.charCodeAt(0) === 0xfeff;
  const tok = (start: number, end: number): Token => new SourceToken(index, start, end);
  const span = (start: number, end: number): { readonly range: Range } => new LazySpan(index, start, end);

  for (let line = 0; line < index.lineCount; line++) {
    const lineStartRaw = index.lineStart(line);
    const lineStart = line === 0 && hasBom ? 1 : lineStartRaw;
    const lineEnd = index.lineContentEnd(line);
    if (lineEnd < index.lineEndWithBreak(line) - 1) crlfLines.push(line);
    let p = lineStart;
    while (p < lineEnd && isSpace(text[p])) p++;
    if (p === lineEnd) continue;
    if (text[p] === '#' || text[p] === ';') {
      entries.push(withKind(span(lineStart, lineEnd), { kind: 'comment', text: tok(p, lineEnd) }));
      continue;
    }
    const eq = text.indexOf('=', p);
    if (eq === -1 || eq >= lineEnd) {
      const words = text
        .slice(p, lineEnd)
        .trim()
        .split(/[ \t]+/);
      const exportKw = words.length === 2 && words[0] === 'export' ? tok(p, p + 6) : undefined;
      if (words.length === 1 || exportKw !== undefined) {
        const keyStart = exportKw === undefined ? p : text.indexOf(words[1] ?? '', p + 6);
        const keyEnd = keyStart + (exportKw === undefined ? (words[0] ?? '') : (words[1] ?? '')).length;
        entries.push(
          withKind(span(lineStart, lineEnd), { kind: 'bare-key', exportKeyword: exportKw, key: tok(keyStart, keyEnd) }),
        );
      } else {
        entries.push(withKind(span(lineStart, lineEnd), { kind: 'invalid', text: tok(p, lineEnd) }));
      }
      continue;
    }
    let exportKeyword: Token | undefined;
    let keyStart = p;
    if (text.startsWith('export', p) && isSpace(text[p + 6])) {
      let q = p + 6;
      while (q < eq && isSpace(text[q])) q++;
      if (q < eq) {
        exportKeyword = tok(p, p + 6);
        keyStart = q;
      }
    }
    let keyEnd = eq;
    while (keyEnd > keyStart && isSpace(text[keyEnd - 1])) keyEnd--;
    const spaceBefore = keyEnd < eq ? tok(keyEnd, eq) : undefined;
    let v = eq + 1;
    while (v < lineEnd && isSpace(text[v])) v++;
    const spaceAfter = v > eq + 1 ? tok(eq + 1, v) : undefined;
    const scanned = scanValue({ text, index, tok, start: v, lineEnd, line, lineByLine: options.lineByLine === true });
    line = scanned.lastLine;
    const entryEnd =
      scanned.value?.raw.offset !== undefined ? scanned.value.raw.offset + scanned.value.raw.text.length : lineEnd;
    const assignment: EnvAssignment = withKind(span(lineStart, Math.max(entryEnd, v)), {
      kind: 'assignment' as const,
      exportKeyword,
      key: tok(keyStart, keyEnd),
      spaceBefore,
      equals: tok(eq, eq + 1),
      spaceAfter,
      value: scanned.value,
      crlf: index.lineContentEnd(line) < index.lineEndWithBreak(line) - 1,
    });
    if (line !== scanned.firstLine) {
      for (let l = scanned.firstLine + 1; l <= line; l++) {
        if (index.lineContentEnd(l) < index.lineEndWithBreak(l) - 1) crlfLines.push(l);
      }
    }
    entries.push(assignment);
  }
  return { ast: { kind: 'env-file', entries, hasBom, crlfLines }, problems: [] };
}

interface ScanInput {
  readonly text: string;
  readonly index: LineIndex;
  readonly tok: (start: number, end: number) => Token;
  readonly start: number;
  readonly lineEnd: number;
  readonly line: number;
  readonly lineByLine: boolean;
}

function scanValue(input: ScanInput): { value: EnvValue | undefined; firstLine: number; lastLine: number } {
  const { text, index, tok, start, lineEnd, line, lineByLine } = input;
  const limit = lineByLine ? lineEnd : text.length;
  if (start >= lineEnd) return { value: undefined, firstLine: line, lastLine: line };
  const first = text[start];
  if (first !== '"' && first !== "'" && first !== '`') {
    const raw = tok(start, lineEnd);
    return {
      value: { raw, quote: undefined, closed: true, body: raw, after: undefined },
      firstLine: line,
      lastLine: line,
    };
  }
  const quote = first;
  let p = start + 1;
  while (p < limit) {
    const c = text[p];
    if (c === '\\' && p + 1 < limit && text[p + 1] === quote) {
      p += 2;
      continue;
    }
    if (c === quote) break;
    p++;
  }
  if (p >= limit) {
    // Unterminated: the entry stays on its own line so later lines are still read as entries.
    const raw = tok(start, lineEnd);
    return {
      value: { raw, quote, closed: false, body: tok(start + 1, lineEnd), after: undefined },
      firstLine: line,
      lastLine: line,
    };
  }
  const closeLine = index.positionAt(p).line;
  const closeLineEnd = index.lineContentEnd(closeLine);
  const after = p + 1 < closeLineEnd ? tok(p + 1, closeLineEnd) : undefined;
  const raw = tok(start, closeLineEnd);
  return { value: { raw, quote, closed: true, body: tok(start + 1, p), after }, firstLine: line, lastLine: closeLine };
}

/** An AST node whose `range` is computed on first use; the node's own fields are copied onto it. */
class LazySpan {
  private cached: Range | undefined;
  constructor(
    private readonly index: LineIndex,
    private readonly start: number,
    private readonly end: number,
  ) {}
  get range(): Range {
    return (this.cached ??= this.index.range(this.start, this.end));
  }
}

function withKind<T extends object>(node: { readonly range: Range }, fields: T): T & { readonly range: Range } {
  return Object.assign(node, fields);
}
