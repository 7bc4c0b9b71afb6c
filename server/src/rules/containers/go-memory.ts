// Owns facts shared by the container memory rules: GOMEMLIMIT in bytes and a value with headroom in the author's unit.
import { goMemLimitBytes } from '../systemd/go-service';
import type { Container, ContainerEnv } from '../../parsers/containers/model';

export { goMemLimitBytes };

/** The last GOMEMLIMIT entry of a container (the runtime reads the one the container gets: the last). */
export function envOf(c: Container, name: string): ContainerEnv | undefined {
  return c.env.filter((e) => e.name === name).pop();
}

/**
 * About 90 % of the limit in GOMEMLIMIT's syntax: in the unit the author's value uses (bytes, KiB, MiB; GiB and TiB
 * when that is a whole number, else MiB), and MiB when there is no value yet (KiB or bytes for tiny limits).
 */
export function headroomValue(limitBytes: number, authorValue?: string): string {
  const target = Math.floor(limitBytes * 0.9);
  const unit =
    authorValue === undefined ? undefined : (/^\s*\+?[0-9]+((?:[KMGT]i)?B)?\s*$/.exec(authorValue)?.[1] ?? '');
  if (unit === '' || unit === 'B') return unit === '' ? String(target) : `${target}B`;
  if (unit === 'KiB') return `${Math.floor(target / 2 ** 10)}KiB`;
  if (unit === 'GiB' && target % 2 ** 30 === 0) return `${target / 2 ** 30}GiB`;
  if (unit === 'TiB' && target % 2 ** 40 === 0) return `${target / 2 ** 40}TiB`;
  if (target >= 2 ** 20) return `${Math.floor(target / 2 ** 20)}MiB`;
  if (target >= 2 ** 10) return `${Math.floor(target / 2 ** 10)}KiB`;
  return `${Math.max(0, target)}B`;
}

/** Bytes as MiB/GiB for messages. */
export function showBytes(bytes: number): string {
  if (bytes >= 2 ** 30 && bytes % 2 ** 30 === 0) return `${bytes / 2 ** 30} GiB`;
  if (bytes >= 2 ** 20) return `${Math.round((bytes / 2 ** 20) * 10) / 10} MiB`;
  return `${bytes} B`;
}
