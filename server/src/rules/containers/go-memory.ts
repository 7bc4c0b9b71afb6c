// Owns facts shared by the container memory rules: GOMEMLIMIT in bytes and a value with headroom in the author's unit.
import { goMemLimitBytes, suggestedGoMemLimit } from '../systemd/go-service';
import type { Container, ContainerEnv } from '../../parsers/containers/model';
import type { Range } from '../../text/line-index';

export { goMemLimitBytes };

/** The last GOMEMLIMIT entry of a container (the runtime reads the one the container gets: the last). */
export function envOf(c: Container, name: string): ContainerEnv | undefined {
  return c.env.filter((e) => e.name === name).pop();
}

/** About 90 % of the limit, in the author's unit (the systemd rules' helper). */
export const headroomValue = suggestedGoMemLimit;

/** Bytes as MiB/GiB for messages. */
export function showBytes(bytes: number): string {
  if (bytes >= 2 ** 30 && bytes % 2 ** 30 === 0) return `${bytes / 2 ** 30} GiB`;
  if (bytes >= 2 ** 20) return `${Math.round((bytes / 2 ** 20) * 10) / 10} MiB`;
  return `${bytes} B`;
}

/** ` (ConfigMap api-env in config.yaml)`: where a container's entry is written, when not in its own text. */
export function noteOf(e: ContainerEnv): string {
  return e.note === undefined ? '' : ` (${e.note})`;
}

/** The edit that sets a value computed for this container, when the entry is its own (not shared, not elsewhere). */
export function ownValueEdit(e: ContainerEnv, value: string): { range: Range; newText: string } | undefined {
  return e.note === undefined ? e.replaceValue?.(value) : undefined;
}
