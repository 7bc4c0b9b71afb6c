// Owns splitting a GODEBUG value the way the runtime does: commas, then the first `=`, no trimming.
import { splitList, type ListPart } from './go-values';

export interface GodebugEntry {
  readonly part: ListPart;
  readonly key: string;
  /** Undefined when the field has no `=`. */
  readonly value: string | undefined;
  readonly index: number;
}

export function godebugEntries(value: string): { parts: ListPart[]; entries: GodebugEntry[] } {
  const parts = splitList(value, ',');
  const entries: GodebugEntry[] = [];
  parts.forEach((part, index) => {
    if (part.text === '') return;
    const eq = part.text.indexOf('=');
    entries.push({
      part,
      key: eq === -1 ? part.text : part.text.slice(0, eq),
      value: eq === -1 ? undefined : part.text.slice(eq + 1),
      index,
    });
  });
  return { parts, entries };
}

/** The value without a `#pattern` bisect suffix. */
export function godebugValue(value: string): string {
  const i = value.indexOf('#');
  return i === -1 ? value : value.slice(0, i);
}
