// Owns reading a binfmt.d file as systemd-binfmt does: stripped lines, `#`/`;` comment lines, one registration per line.
import type { LineIndex, Range } from '../../text/line-index';
import { SourceToken, type ParseResult, type Token } from '../../text/token';
import type { BinfmtFile, RegistrationNode } from './ast';
import { parseRegistration, registrationName } from './registration';

const LOOKS_LIKE_REGISTRATION = /^([#;])[^#;\s]+\1[ME]\1/;

/** Each non-empty stripped line, as systemd-binfmt reads it, with whether it is a comment. */
function forEachLine(index: LineIndex, visit: (start: number, end: number, comment: boolean) => void): void {
  const text = index.text;
  for (let line = 0; line < index.lineCount; line++) {
    let start = index.lineStart(line);
    if (line === 0 && text.charCodeAt(0) === 0xfeff) start++;
    let end = index.lineContentEnd(line);
    // read_stripped_line(): leading and trailing whitespace (including `\r`) is not part of the rule.
    while (start < end && /\s/.test(text[start] ?? '')) start++;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    if (start === end) continue;
    const first = text[start];
    visit(start, end, first === '#' || first === ';');
  }
}

/** The names a binfmt.d file registers and where (the workspace index needs no more than that). */
export function binfmtDNames(index: LineIndex): { readonly name: string; readonly range: Range }[] {
  const out: { name: string; range: Range }[] = [];
  forEachLine(index, (start, end, comment) => {
    if (comment) return;
    const n = registrationName(`${index.text.slice(start, end)}\n`);
    // Clamped to the line as rangeOf() below clamps (a name without a delimiter after it ends at the added "\n").
    const len = end - start;
    if (n !== undefined)
      out.push({
        name: n.text,
        range: index.range(start + Math.min(n.start, len), start + Math.min(Math.max(n.end, n.start), len)),
      });
  });
  return out;
}

export function parseBinfmtD(index: LineIndex): ParseResult<BinfmtFile> {
  const text = index.text;
  const registrations: RegistrationNode[] = [];
  const comments: Token[] = [];
  const commentedRegistrations: Token[] = [];
  const statements: Range[] = [];
  forEachLine(index, (start, end, comment) => {
    if (comment) {
      const tok = new SourceToken(index, start, end);
      comments.push(tok);
      if (LOOKS_LIKE_REGISTRATION.test(tok.text)) commentedRegistrations.push(tok);
      return;
    }
    // systemd-binfmt writes the line plus "\n"; the kernel allows that one newline after the flags.
    const registration = parseRegistration(`${text.slice(start, end)}\n`);
    const lineStart = start;
    const lineEnd = end;
    const statement = index.range(start, end);
    statements.push(statement);
    registrations.push({
      surface: 'binfmt.d',
      registration,
      rangeOf: (s, e) =>
        index.range(
          lineStart + Math.min(s, lineEnd - lineStart),
          lineStart + Math.min(Math.max(e, s), lineEnd - lineStart),
        ),
      statement,
      verbatimOffset: lineStart,
    });
  });
  return { ast: { kind: 'binfmt-file', registrations, comments, commentedRegistrations, statements }, problems: [] };
}
