// Owns facts shared by the Go service rules: memory limits in bytes, GOMEMLIMIT in bytes, the Environment= fix line.
import { parseMemory } from '../../knowledge/systemd-values';
import { lastValue, type MergedAssignment, type SystemdInput } from '../../parsers/systemd/input';

const GO_UNIT: Record<string, number> = { B: 1, KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30, TiB: 2 ** 40, '': 1 };

export function goMemLimitBytes(value: string): number | undefined {
  const m = /^\+?([0-9]+)((?:[KMGT]i)?B)?$/.exec(value.trim());
  return m === null ? undefined : Number(m[1]) * (GO_UNIT[m[2] ?? ''] ?? 1);
}

/** The settings that cap a service's memory, in the order memoryCap() reads them. */
export const MEMORY_CAPS = ['MemoryMax', 'MemoryHigh', 'MemoryLimit'];

/** The memory cap in bytes from MemoryMax= (else MemoryHigh=), when it is a byte value. */
export function memoryCap(input: SystemdInput): { bytes: number; from: MergedAssignment } | undefined {
  for (const key of MEMORY_CAPS) {
    const m = lastValue(input, 'Service', key);
    if (m === undefined) continue;
    const v = parseMemory(m.value);
    if (v?.bytes !== undefined && v.bytes > 0) return { bytes: v.bytes, from: m };
  }
  return undefined;
}

/**
 * About 90% of the cap in GOMEMLIMIT's syntax: in the unit the author's value uses when there is one (bytes, KiB;
 * GiB and TiB when that is a whole number, else MiB), and MiB when there is none (KiB or bytes for tiny caps, so the
 * suggestion stays below the cap).
 */
export function suggestedGoMemLimit(capBytes: number, authorValue?: string): string {
  const target = Math.floor(capBytes * 0.9);
  const unit =
    authorValue === undefined ? undefined : (/^\s*\+?[0-9]+((?:[KMGT]i)?B)?\s*$/.exec(authorValue)?.[1] ?? '');
  if (unit === '') return String(target);
  if (unit === 'B') return `${target}B`;
  if (unit === 'KiB') return `${Math.floor(target / 2 ** 10)}KiB`;
  if (unit === 'GiB' && target % 2 ** 30 === 0) return `${target / 2 ** 30}GiB`;
  if (unit === 'TiB' && target % 2 ** 40 === 0) return `${target / 2 ** 40}TiB`;
  if (target >= 2 ** 20) return `${Math.floor(target / 2 ** 20)}MiB`;
  if (target >= 2 ** 10) return `${Math.floor(target / 2 ** 10)}KiB`;
  return `${Math.max(0, target)}B`;
}

/** The message part that explains why Go advice applies, or a softer note when there is no evidence. */
export function goEvidence(input: SystemdInput): string {
  return input.goSignal === undefined ? '' : ` (Go service: ${input.goSignal})`;
}
