// Owns reading Debian update-binfmts format files (/usr/share/binfmts/<name>) into the registration they produce.
import * as path from 'node:path';
import type { LineIndex } from '../../text/line-index';
import { SourceToken, type ParseResult, type Token } from '../../text/token';
import type { BinfmtFile, RegistrationNode } from './ast';
import { parseRegistration } from './registration';

/** update-binfmts registers `:name:type:offset:magic:mask:interpreter:flags` built from these keys. */
export function parseUpdateBinfmts(index: LineIndex, filePath: string | undefined): ParseResult<BinfmtFile> {
  const text = index.text;
  const keys = new Map<string, Token>();
  const keyNames = new Map<string, Token>();
  const comments: Token[] = [];
  const statements = [];
  for (let line = 0; line < index.lineCount; line++) {
    const start = index.lineStart(line);
    const end = index.lineContentEnd(line);
    const m = /^(\s*)(\S+)(?:[ \t]+(.*?))?\s*$/.exec(text.slice(start, end));
    if (m === null || m[2] === undefined) continue;
    const keyStart = start + (m[1] ?? '').length;
    if (m[2].startsWith('#')) {
      comments.push(new SourceToken(index, keyStart, end));
      continue;
    }
    const valueText = m[3] ?? '';
    const valueStart =
      valueText === ''
        ? keyStart + m[2].length
        : start + text.slice(start, end).indexOf(valueText, (m[1] ?? '').length + m[2].length);
    keys.set(m[2], new SourceToken(index, valueStart, valueStart + valueText.length));
    keyNames.set(m[2], new SourceToken(index, keyStart, keyStart + m[2].length));
    statements.push(index.range(start, end));
  }
  const name = filePath === undefined ? 'binfmt' : path.basename(filePath);
  const isMagic = keys.has('magic') || !keys.has('extension');
  const yes = (k: string): boolean => keys.get(k)?.text === 'yes';
  const flags = `${yes('preserve') ? 'P' : ''}${yes('credentials') ? 'C' : ''}${yes('fix_binary') ? 'F' : ''}`;
  // Build the string with a map from each byte to the value token it came from.
  const parts: { text: string; token: Token | undefined }[] = [
    { text: ':', token: undefined },
    { text: name, token: undefined },
    { text: ':', token: undefined },
    { text: isMagic ? 'M' : 'E', token: keyNames.get(isMagic ? 'magic' : 'extension') },
    { text: ':', token: undefined },
    { text: keys.get('offset')?.text ?? '', token: keys.get('offset') },
    { text: ':', token: undefined },
    {
      text: (isMagic ? keys.get('magic') : keys.get('extension'))?.text ?? '',
      token: isMagic ? keys.get('magic') : keys.get('extension'),
    },
    { text: ':', token: undefined },
    { text: keys.get('mask')?.text ?? '', token: keys.get('mask') },
    { text: ':', token: undefined },
    { text: keys.get('interpreter')?.text ?? '', token: keys.get('interpreter') },
    { text: ':', token: undefined },
    { text: flags, token: keyNames.get('fix_binary') ?? keyNames.get('preserve') ?? keyNames.get('credentials') },
  ];
  const owner: { token: Token | undefined; offsetInToken: number }[] = [];
  let raw = '';
  for (const part of parts) {
    for (let i = 0; i < part.text.length; i++) owner.push({ token: part.token, offsetInToken: i });
    raw += part.text;
  }
  const whole = index.range(0, text.length);
  const firstLine = index.lineRange(0);
  const registration = parseRegistration(raw);
  const node: RegistrationNode = {
    surface: 'update-binfmts',
    registration,
    rangeOf: (s, e) => {
      const a = owner[s];
      const b = owner[Math.max(s, e - 1)];
      if (a?.token === undefined) return firstLine;
      if (b?.token !== a.token) return a.token.range;
      if (a.token.text.length === 0)
        return keyNames.get([...keys].find(([, t]) => t === a.token)?.[0] ?? '')?.range ?? a.token.range;
      return index.range(a.token.offset + a.offsetInToken, a.token.offset + b.offsetInToken + 1);
    },
    statement: whole,
    verbatimOffset: undefined,
    keys,
    keyNames,
  };
  return {
    ast: {
      kind: 'binfmt-file',
      registrations: keys.size === 0 ? [] : [node],
      comments,
      commentedRegistrations: [],
      statements,
    },
    problems: [],
  };
}
