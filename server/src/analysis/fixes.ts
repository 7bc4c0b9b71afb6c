// Owns choosing which fixes to apply together: one per finding, in order, skipping any that overlap.
import { append } from '../text/append';
import { editsOverlap, type TextEdit } from '../text/edits';
import type { Finding, Fix } from '../rules/rule';

export interface FixSelection {
  readonly edits: TextEdit[];
  readonly applied: number;
  /** Fixes left out because they overlapped an earlier one; another pass can pick them up. */
  readonly skipped: number;
}

/** Takes the first fix of each finding that qualifies, skipping fixes whose edits overlap already chosen ones. */
export function selectFixes(
  findings: readonly Finding[],
  options: { readonly unsafe: boolean; readonly filter?: (f: Finding) => boolean },
): FixSelection {
  const chosen: TextEdit[] = [];
  let applied = 0;
  let skipped = 0;
  for (const f of findings) {
    if (options.filter !== undefined && !options.filter(f)) continue;
    const fix: Fix | undefined = f.fixes.find((x) => options.unsafe || x.safe);
    if (fix === undefined || fix.edits.length === 0) continue;
    if (editsOverlap(chosen, fix.edits)) {
      skipped++;
      continue;
    }
    append(chosen, fix.edits);
    applied++;
  }
  return { edits: chosen, applied, skipped };
}
