// Owns edits on list-valued variables (GODEBUG, GOPROXY…): removing or rewriting one item precisely.
import type { TextEdit } from '../../text/edits';
import type { EnvBinding, GoValues } from './input';
import type { ListPart } from './go-values';

/** Removes parts[i] with one adjacent separator; edits only that item when the value is verbatim in the text. */
export function removeListItem(scope: GoValues, b: EnvBinding, parts: readonly ListPart[], i: number): TextEdit {
  const part = parts[i];
  const next = parts[i + 1];
  const prev = parts[i - 1];
  if (part === undefined) return b.replaceValue(b.literal);
  // The only item: the variable stays, set to nothing. Removing the line could let an earlier assignment of the
  // same name win, and on some surfaces an empty value must be written `""` (the legacy `ENV KEY value` form).
  if (next === undefined && prev === undefined) return b.replaceValue('');
  const [start, end] =
    next !== undefined ? [part.start, next.start] : prev !== undefined ? [prev.end, part.end] : [part.start, part.end];
  if (b.exactOffset !== undefined)
    return { range: scope.index.range(b.exactOffset + start, b.exactOffset + end), newText: '' };
  return b.replaceValue(b.literal.slice(0, start) + b.literal.slice(end));
}

/** Replaces parts[i] with new text. */
export function replaceListItem(scope: GoValues, b: EnvBinding, part: ListPart, newText: string): TextEdit {
  if (b.exactOffset !== undefined)
    return { range: scope.index.range(b.exactOffset + part.start, b.exactOffset + part.end), newText };
  return b.replaceValue(b.literal.slice(0, part.start) + newText + b.literal.slice(part.end));
}
