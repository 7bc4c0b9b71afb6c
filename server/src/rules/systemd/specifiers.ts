// Owns scanning `%` specifiers in unit values, shared by GDL208 and GDL209.
import { DEPRECATED_SPECIFIERS, SPECIFIERS } from '../../knowledge/systemd-directives';

export interface SpecifierUse {
  readonly start: number;
  /** The character after `%`, or '' for a `%` at the end. */
  readonly letter: string;
  readonly known: boolean;
}

export function specifiersIn(text: string): SpecifierUse[] {
  const out: SpecifierUse[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '%') continue;
    const letter = text[i + 1] ?? '';
    if (letter === '%') {
      i++;
      continue;
    }
    out.push({
      start: i,
      letter,
      known: letter !== '' && (SPECIFIERS.includes(letter) || DEPRECATED_SPECIFIERS.includes(letter)),
    });
    if (letter !== '') i++;
  }
  return out;
}
