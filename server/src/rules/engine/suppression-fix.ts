// Owns the edit that removes one code from a suppression comment (or the whole comment when it is the last).
import type { FixInput } from '../rule';
import type { SuppressedCode, Suppression } from '../../parsers/suppressions';

export function suppressionCodeRemoval(s: Suppression, c: SuppressedCode): FixInput {
  if (s.codes.length > 1)
    return { title: `Remove \`${c.code}\` from the suppression`, edits: [{ range: c.removal, newText: '' }] };
  return { title: 'Remove the suppression comment', edits: [{ range: s.removal, newText: '' }] };
}
