// Owns BinfmtInput: what binfmt rules receive from any surface (binfmt.d, update-binfmts, shell, Dockerfile, units).
import type { LineIndex, Range } from '../../text/line-index';
import type { BinfmtFile } from './ast';

/** A registration of the same name elsewhere in the workspace, in systemd-binfmt's application order. */
export interface NameDefinition {
  readonly uri: string;
  /** The file as it sits on its host (`/etc/binfmt.d/qemu.conf`), for messages. */
  readonly hostPath: string;
  readonly line: number;
  readonly range: Range;
  /** Position in systemd-binfmt's order: higher applies later and wins. */
  readonly order: readonly number[];
}

export interface BinfmtInput {
  readonly file: BinfmtFile;
  readonly index: LineIndex;
  readonly path: string | undefined;
  /** `uname -m` of the target hosts, from settings; empty when unknown. */
  readonly hostArch: string;
  /** True for files inside a `binfmt.d/` directory (systemd-binfmt reads only `*.conf` there). */
  readonly inBinfmtD: boolean;
  /** Sort key of this file in systemd-binfmt's order, when it is a binfmt.d file. */
  readonly order: readonly number[] | undefined;
  /** The definition of a name in the other workspace binfmt.d files that systemd-binfmt applies last. */
  readonly latestElsewhere: (name: string) => NameDefinition | undefined;
}

/** Compares two positions in systemd-binfmt's order (positive: `a` applies later and wins). */
export function compareOrder(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
