// Owns facts shared by the container memory rules: GOMEMLIMIT in bytes and a value with headroom in the author's unit.
import { goMemLimitBytes } from '../systemd/go-service';
import type { Container, ContainerEnv } from '../../parsers/containers/model';

export { goMemLimitBytes };

/** The last GOMEMLIMIT entry of a container (the runtime reads the one the container gets: the last). */
export function envOf(c: Container, name: string): ContainerEnv | undefined {
  return c.env.filter((e) => e.name === name).pop();
}

/** About 90 % of the limit, in GOMEMLIMIT's units (MiB, or KiB/B for tiny limits). */
export function headroomValue(limitBytes: number): string {
  const target = Math.floor(limitBytes * 0.9);
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
