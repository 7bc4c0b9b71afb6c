// Owns reading a binfmt.d file as systemd-binfmt does: stripped lines, `#`/`;` comment lines, one registration per line.
import type { LineIndex } from '../../text/line-index';
import { SourceToken, type ParseResult, type Token } from '../../text/token';
import type { BinfmtFile, RegistrationNode } from './ast';
import { parseRegistration } from './registration';

const LOOKS_LIKE_REGISTRATION = /^([#;])[^#;\s]+\1[ME]\1/;

export function parseBinfmtD(index: LineIndex): ParseResult<BinfmtFile> {
  const text = index.text;
  const registrations: RegistrationNode[] = [];
  const comments: Token[] = [];
  const commentedRegistrations: Token[] = [];
  const statements = [];
  for (let line = 0; line < index.lineCount; line++) {
    let start = index.lineStart(line);
    if (line === 0 && text.charCodeAt(0) === 0xfeff) start++;
    let end = index.lineContentEnd(line);
    // read_stripped_line(): leading and trailing whitespace (including `\r`) is not part of the rule.
    while (start < end && /\s/.test(text[start] ?? '')) start++;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    if (start === end) continue;
    const first = text[start];
    if (first === '#' || first === ';') {
      const tok = new SourceToken(index, start, end);
      comments.push(tok);
      if (LOOKS_LIKE_REGISTRATION.test(tok.text)) commentedRegistrations.push(tok);
      continue;
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
  }
  return { ast: { kind: 'binfmt-file', registrations, comments, commentedRegistrations, statements }, problems: [] };
}
