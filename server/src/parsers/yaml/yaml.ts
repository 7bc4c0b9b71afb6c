// Owns reading YAML with the `yaml` library (exact offsets, comments kept, errors collected, never thrown), loaded on
// the first YAML document so other files do not pay for it.
import type { Document, Node as YamlNode, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

type YamlModule = typeof import('yaml');
let lib: YamlModule | undefined;

function yaml(): YamlModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (lib ??= require('yaml') as YamlModule);
}

export type { Document, Pair, Scalar, YAMLMap, YAMLSeq, YamlNode };

/** Every document of a multi-document stream; a stream the library cannot read gives none. */
export function parseYamlDocuments(text: string): Document.Parsed[] {
  try {
    const docs = yaml().parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false });
    return Array.isArray(docs) ? docs : [];
  } catch {
    return [];
  }
}

export const isMap = (n: unknown): n is YAMLMap => yaml().isMap(n);
export const isSeq = (n: unknown): n is YAMLSeq => yaml().isSeq(n);
export const isScalar = (n: unknown): n is Scalar => yaml().isScalar(n);
export const isPair = (n: unknown): n is Pair => yaml().isPair(n);

/** The pair of a mapping whose key is `key` (the last one, as the library's toJSON keeps). */
export function pairOf(map: unknown, key: string): Pair | undefined {
  if (!isMap(map)) return undefined;
  let found: Pair | undefined;
  for (const p of map.items) if (isScalar(p.key) && String(p.key.value) === key) found = p;
  return found;
}

export function valueOf(map: unknown, key: string): unknown {
  return pairOf(map, key)?.value ?? undefined;
}

/** A path of keys into nested mappings. */
export function dig(node: unknown, ...keys: string[]): unknown {
  let n: unknown = node;
  for (const k of keys) n = valueOf(n, k);
  return n;
}

/** A scalar's value as text (numbers and booleans as YAML wrote them), or undefined for anything else. */
export function scalarText(n: unknown): string | undefined {
  if (!isScalar(n)) return undefined;
  const v: unknown = n.value;
  if (typeof v === 'string') return v;
  if (typeof n.source === 'string') return n.source;
  return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : undefined;
}

/** [start, end) offsets of a node's value in the document. */
export function offsets(n: unknown): [number, number] | undefined {
  const r = (n as { range?: [number, number, number] } | undefined)?.range;
  return r === undefined ? undefined : [r[0], r[1]];
}

/** True for a plain (unquoted) or quoted scalar whose text is exactly its value between [start, end). */
export function isVerbatim(n: Scalar, text: string): boolean {
  const o = offsets(n);
  if (o === undefined) return false;
  const raw = text.slice(o[0], o[1]);
  const value = scalarText(n) ?? '';
  return raw === value || ((raw.startsWith('"') || raw.startsWith("'")) && raw.slice(1, -1) === value);
}
