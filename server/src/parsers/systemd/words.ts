// Owns splitting Environment= and Exec* values into words as systemd's extract_first_word() does (src/basic/extract-word.c): a quote
// opens anywhere in a word, mid-word included, and the pieces join like in a shell; C escapes are decoded.
import { C_ESCAPES } from '../../knowledge/c-escapes';
import type { SplitResult, UnitWord } from './ast';

export type { SplitResult };

const ESCAPES: Readonly<Record<string, string>> = { ...C_ESCAPES, '"': '"', "'": "'", s: ' ' };

/** One C escape at text[i] (the backslash): its value and length, as cunescape_one() reads it; undefined if unknown. */
function cEscape(text: string, i: number): { value: string; length: number } | undefined {
  const n = text[i + 1] ?? '';
  const simple = ESCAPES[n];
  if (simple !== undefined) return { value: simple, length: 2 };
  const hex = (digits: number, from: number): number | undefined => {
    const h = text.slice(from, from + digits);
    return h.length === digits && /^[0-9a-fA-F]+$/.test(h) ? parseInt(h, 16) : undefined;
  };
  if (n === 'x') {
    const v = hex(2, i + 2);
    return v === undefined || v === 0 ? undefined : { value: String.fromCharCode(v), length: 4 };
  }
  if (n === 'u' || n === 'U') {
    const digits = n === 'u' ? 4 : 8;
    const v = hex(digits, i + 2);
    // cunescape_one() refuses NUL and what unichar_is_valid() refuses: surrogates, non-characters, past U+10FFFF.
    const invalid =
      v === undefined ||
      v === 0 ||
      v >= 0x110000 ||
      (v & 0xfffff800) === 0xd800 ||
      (v >= 0xfdd0 && v <= 0xfdef) ||
      (v & 0xfffe) === 0xfffe;
    return invalid ? undefined : { value: String.fromCodePoint(v), length: 2 + digits };
  }
  if (/[0-7]/.test(n)) {
    const o = text.slice(i + 1, i + 4);
    if (!/^[0-7]{3}$/.test(o)) return undefined;
    const v = parseInt(o, 8);
    return v === 0 || v > 255 ? undefined : { value: String.fromCharCode(v), length: 4 };
  }
  return undefined;
}

const SPACE = /\s/;

export function splitWords(text: string): SplitResult {
  const words: UnitWord[] = [];
  const unknownEscapes: { start: number; end: number }[] = [];
  let i = 0;
  for (;;) {
    while (i < text.length && SPACE.test(text[i] ?? '')) i++;
    if (i >= text.length) break;
    const start = i;
    let value = '';
    let quoted = false;
    let quote: string | undefined;
    let quoteAt = 0;
    while (i < text.length) {
      const c = text[i] ?? '';
      if (c === '\\') {
        if (i + 1 >= text.length)
          return {
            words,
            unknownEscapes,
            broken: { start: i, end: i + 1, reason: 'the value ends in a lone backslash' },
          };
        const e = cEscape(text, i);
        if (e === undefined) {
          // cunescape fails: systemd retries with EXTRACT_CUNESCAPE_RELAX and keeps both characters.
          unknownEscapes.push({ start: i, end: i + 2 });
          value += text.slice(i, i + 2);
          i += 2;
        } else {
          value += e.value;
          i += e.length;
        }
        continue;
      }
      if (quote !== undefined) {
        if (c === quote) quote = undefined;
        else value += c;
        i++;
        continue;
      }
      if (c === '"' || c === "'") {
        quote = c;
        quoteAt = i;
        quoted = true;
        i++;
        continue;
      }
      if (SPACE.test(c)) break;
      value += c;
      i++;
    }
    if (quote !== undefined)
      return {
        words,
        unknownEscapes,
        broken: { start: quoteAt, end: text.length, reason: `the ${quote} quote never closes` },
      };
    words.push({ value, start, end: i, quoted });
  }
  return { words, unknownEscapes };
}
