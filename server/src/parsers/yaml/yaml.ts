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

/** Alias node → the node its anchor names (filled when a document is parsed; anchors are per document). */
const aliasTargets = new WeakMap<object, unknown>();

/** Records where each alias of a document points: the last anchor of that name before it, as YAML defines. */
function linkAliases(doc: Document.Parsed): void {
  const anchors = new Map<string, unknown>();
  yaml().visit(doc, {
    Node: (_key, node) => {
      if (yaml().isAlias(node)) {
        const target = anchors.get(node.source);
        if (target !== undefined) aliasTargets.set(node, target);
      } else if (typeof (node as { anchor?: unknown }).anchor === 'string')
        anchors.set((node as { anchor: string }).anchor, node);
    },
  });
}

/** Every document of a multi-document stream; a stream the library cannot read gives none. */
export function parseYamlDocuments(text: string): Document.Parsed[] {
  try {
    const docs = yaml().parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false });
    if (!Array.isArray(docs)) return [];
    for (const d of docs) linkAliases(d);
    return docs;
  } catch {
    return [];
  }
}

/** The node an alias (`*name`) stands for; other nodes as they are. */
export function deref(n: unknown): unknown {
  return n !== null && typeof n === 'object' ? (aliasTargets.get(n) ?? n) : n;
}

export const isMap = (n: unknown): n is YAMLMap => yaml().isMap(n);
export const isSeq = (n: unknown): n is YAMLSeq => yaml().isSeq(n);
export const isScalar = (n: unknown): n is Scalar => yaml().isScalar(n);

/** The items of a sequence, aliases resolved. */
export function seqItems(n: unknown): unknown[] {
  const s = deref(n);
  return yaml().isSeq(s) ? s.items.map(deref) : [];
}
export const isPair = (n: unknown): n is Pair => yaml().isPair(n);

/**
 * The pair of a mapping whose key is `key` (the last one, as the library's toJSON keeps), else one a merge key
 * (`<<: *defaults`, `<<: [*a, *b]`) brings in: Compose files share settings that way.
 */
export function pairOf(map: unknown, key: string, depth = 0): Pair | undefined {
  const m = deref(map);
  if (!yaml().isMap(m) || depth > 8) return undefined;
  let found: Pair | undefined;
  const merges: unknown[] = [];
  for (const p of m.items) {
    const k = yaml().isScalar(p.key) ? String(p.key.value) : undefined;
    if (k === key) found = p;
    else if (k === '<<') merges.push(...(yaml().isSeq(deref(p.value)) ? (deref(p.value) as YAMLSeq).items : [p.value]));
  }
  if (found !== undefined) return found;
  // Earlier maps of a merge list win over later ones.
  for (const merged of merges) {
    const p = pairOf(merged, key, depth + 1);
    if (p !== undefined) return p;
  }
  return undefined;
}

export function valueOf(map: unknown, key: string): unknown {
  return deref(pairOf(map, key)?.value ?? undefined);
}

/** A path of keys into nested mappings. */
export function dig(node: unknown, ...keys: string[]): unknown {
  let n: unknown = node;
  for (const k of keys) n = valueOf(n, k);
  return n;
}

/** A scalar's value as text (numbers and booleans as YAML wrote them), or undefined for anything else. */
export function scalarText(node: unknown): string | undefined {
  const n = deref(node);
  if (!yaml().isScalar(n)) return undefined;
  const v: unknown = n.value;
  if (typeof v === 'string') return v;
  if (typeof n.source === 'string') return n.source;
  return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : undefined;
}

/** [start, end) offsets of a node's value in the document. */
export function offsets(n: unknown): [number, number] | undefined {
  const r = (deref(n) as { range?: [number, number, number] } | undefined)?.range;
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
