// Owns the quantity grammars container limits are written in: Kubernetes resource.Quantity, Compose byte values
// (docker/go-units RAMInBytes) and cpus, and podman's memory sizes.

export interface ParsedQuantity {
  readonly value: number;
  /** The unit as written (`Mi`, `m`, `g`, ``), for answers in the author's unit. */
  readonly unit: string;
}

const K8S_BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const K8S_DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/**
 * A Kubernetes quantity (k8s.io/apimachinery/pkg/api/resource quantity.go): a signed decimal number, then a binary
 * suffix (Ki…Ei), a decimal suffix (n u m k M G T P E) or an exponent (e3, E-2). Undefined when it does not parse.
 */
export function parseK8sQuantity(text: string): ParsedQuantity | undefined {
  const m = /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]+)?$/.exec(
    text.trim(),
  );
  if (m?.[1] === undefined) return undefined;
  const n = Number(m[1]);
  const suffix = m[2] ?? '';
  if (/^[eE]/.test(suffix)) return { value: n * 10 ** Number(suffix.slice(1)), unit: '' };
  const mult = K8S_BINARY[suffix] ?? K8S_DECIMAL[suffix];
  return mult === undefined ? undefined : { value: n * mult, unit: suffix };
}

const GO_UNITS: Record<string, number> = { '': 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40, p: 2 ** 50 };

/**
 * A Compose byte value as compose-go reads `mem_limit` and `deploy.resources.limits.memory`: docker/go-units
 * RAMInBytes, `^(\d+(\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$`, base 1024; a YAML integer is bytes.
 */
export function parseComposeBytes(text: string): ParsedQuantity | undefined {
  const m = /^(\d+(?:\.\d+)*) ?([kKmMgGtTpP])?([iI])?([bB])?$/.exec(text.trim());
  if (m?.[1] === undefined || (m[3] !== undefined && m[2] === undefined)) return undefined;
  const unit = (m[2] ?? '').toLowerCase();
  const mult = GO_UNITS[unit];
  const n = Number(m[1]);
  return mult === undefined || Number.isNaN(n) ? undefined : { value: n * mult, unit: m[2] ?? '' };
}

/** Compose `cpus`: a decimal number of CPUs (compose-go reads it as a float). */
export function parseComposeCpus(text: string): ParsedQuantity | undefined {
  return /^(\d+(\.\d*)?|\.\d+)$/.test(text.trim()) ? { value: Number(text.trim()), unit: '' } : undefined;
}

/** podman `--memory`/Quadlet `Memory=`: a number and an optional unit b, k, m, g (base 1024). */
export function parsePodmanBytes(text: string): ParsedQuantity | undefined {
  const m = /^(\d+(?:\.\d+)?)([bBkKmMgG])?$/.exec(text.trim());
  if (m?.[1] === undefined) return undefined;
  const unit = (m[2] ?? 'b').toLowerCase();
  const mult = unit === 'b' ? 1 : GO_UNITS[unit];
  return mult === undefined ? undefined : { value: Number(m[1]) * mult, unit: m[2] ?? '' };
}
