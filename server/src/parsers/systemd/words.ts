// Owns splitting Environment= and Exec* values into words (SU-8): whole-word quotes and C escapes.
import type { UnitWord } from './ast';

const ESCAPES: Readonly<Record<string, string>> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'", s: ' ' };

export interface SplitResult {
  readonly words: UnitWord[];
  /** Set when a quote never closes or does not end a word. */
  readonly broken?: { readonly start: number; readonly end: number; readonly reason: string };
}

const memo = new Map<string, SplitResult>();

/** Several rules split the same values: results are memoized by text (bounded). */
export function splitWords(text: string): SplitResult {
  const hit = memo.get(text);
  if (hit !== undefined) return hit;
  const result = splitWordsUncached(text);
  if (memo.size > 20_000) memo.clear();
  memo.set(text, result);
  return result;
}

function splitWordsUncached(text: string): SplitResult {
  const words: UnitWord[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i] ?? '')) i++;
    if (i >= text.length) break;
    const start = i;
    const q = text[i];
    let value = '';
    if (q === '"' || q === "'") {
      i++;
      let closed = false;
      while (i < text.length) {
        const c = text[i] ?? '';
        if (c === '\\' && i + 1 < text.length) {
          const n = text[i + 1] ?? '';
          value += ESCAPES[n] ?? n;
          i += 2;
          continue;
        }
        if (c === q) {
          closed = true;
          i++;
          break;
        }
        value += c;
        i++;
      }
      if (!closed) return { words, broken: { start, end: text.length, reason: `the ${q} quote never closes` } };
      if (i < text.length && !/\s/.test(text[i] ?? '')) {
        let e = i;
        while (e < text.length && !/\s/.test(text[e] ?? '')) e++;
        return { words, broken: { start, end: e, reason: 'text follows the closing quote without a space' } };
      }
      words.push({ value, start, end: i, quoted: true });
      continue;
    }
    while (i < text.length && !/\s/.test(text[i] ?? '')) {
      const c = text[i] ?? '';
      if (c === '\\' && i + 1 < text.length) {
        const n = text[i + 1] ?? '';
        value += ESCAPES[n] ?? n;
        i += 2;
        continue;
      }
      value += c;
      i++;
    }
    words.push({ value, start, end: i, quoted: false });
  }
  return { words };
}
