// Owns what a suppression comment silences: the codes that cover a finding, without changing the comments.
import { comparePositions, type Range } from '../text/line-index';
import type { SuppressedCode, Suppression } from '../parsers/suppressions';

/** The codes in `suppressions` that silence a finding of rule `code` at `range` (empty when none does). */
export function codesCovering(suppressions: readonly Suppression[], code: string, range: Range): SuppressedCode[] {
  const out: SuppressedCode[] = [];
  for (const s of suppressions) {
    if (
      s.scope === 'line' &&
      (s.target === undefined ||
        comparePositions(range.start, s.target.start) < 0 ||
        comparePositions(range.start, s.target.end) > 0)
    )
      continue;
    for (const c of s.codes) if (c.code === code) out.push(c);
  }
  return out;
}
