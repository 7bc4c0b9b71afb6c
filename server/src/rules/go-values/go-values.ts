// Owns small shared helpers of the Go value rules: picking bindings by name, splitting lists, edit distance.
import type { EnvBinding, GoValues } from './input';

const byNameCache = new WeakMap<readonly EnvBinding[], Map<string, EnvBinding[]>>();

/** Bindings of one of the names with a value the consumer sees (empty values are "unset" to Go), in file order. */
/** Bindings of these names whose paths are POSIX paths (Windows Dockerfile stages are left out). */
export function posixBindingsFor(scope: GoValues, ...names: string[]): EnvBinding[] {
  return bindingsFor(scope, ...names).filter((b) => b.windows !== true);
}

export function bindingsFor(scope: GoValues, ...names: string[]): EnvBinding[] {
  // Indexed once per scope: each of the many Go rules asks for one or two names.
  let byName = byNameCache.get(scope.bindings);
  if (byName === undefined) {
    byName = new Map();
    for (const b of scope.bindings) {
      if (b.value === undefined || b.value === '') continue;
      const list = byName.get(b.name);
      if (list === undefined) byName.set(b.name, [b]);
      else list.push(b);
    }
    byNameCache.set(scope.bindings, byName);
  }
  if (names.length === 1) return byName.get(names[0] ?? '') ?? [];
  return scope.bindings.filter((b) => names.includes(b.name) && b.value !== undefined && b.value !== '');
}

/** True when the value still holds an unexpanded reference we cannot judge (`$TARGETARCH`, `${GOPATH}`). */
export function hasReference(value: string): boolean {
  return value.includes('$');
}

export interface ListPart {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Splits on any of the separator characters, keeping offsets into the original string. */
export function splitList(value: string, separators: string): ListPart[] {
  const out: ListPart[] = [];
  let start = 0;
  for (let i = 0; i <= value.length; i++) {
    if (i === value.length || separators.includes(value[i] ?? '')) {
      out.push({ text: value.slice(start, i), start, end: i });
      start = i + 1;
    }
  }
  return out;
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}

export function closest(word: string, candidates: readonly string[], maxDistance: number): string | undefined {
  let best: string | undefined;
  let bestD = maxDistance + 1;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

/** Parses like strconv.ParseInt(s, 10, 32): optional sign, decimal digits, no spaces. */
export function parseInt32(s: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = Number(s);
  return n >= -2147483648 && n <= 2147483647 ? n : undefined;
}
