// Owns SystemdInput: what unit rules receive — the file, its unit type, the merged unit with drop-ins, and its environment.
import type { LineIndex } from '../../text/line-index';
import type { ResolvedGoVersion } from '../../knowledge/go-version';
import type { UnitType } from '../../knowledge/systemd-directives';
import type { UnitAssignment, UnitFile } from './ast';
import type { GoModule } from '../gomod/module';

/** An assignment of the merged unit, from this document or another file of the same unit. */
export interface MergedAssignment {
  readonly assignment: UnitAssignment;
  readonly section: string;
  readonly key: string;
  readonly value: string;
  /** undefined for this document; else the other file's URI. */
  readonly uri: string | undefined;
  readonly fileName: string;
}

export interface EnvironmentFileRef {
  readonly assignment: UnitAssignment;
  readonly hostPath: string;
  readonly optional: boolean;
  /** The workspace file that stands for it, when one exists. */
  readonly resolved: string | undefined;
  /** Where we looked. */
  readonly candidates: readonly string[];
  /** The candidates whose directory exists in the workspace (the file itself does not, when `resolved` is unset). */
  readonly inExistingDirs: readonly string[];
}

export interface SystemdInput {
  readonly file: UnitFile;
  readonly index: LineIndex;
  readonly path: string | undefined;
  readonly unitType: UnitType | undefined;
  readonly unitName: string;
  readonly isDropIn: boolean;
  /** A unit of a user manager (~/.config/systemd/user, /etc/systemd/user, /usr/lib/systemd/user…): runs as that user. */
  readonly userUnit: boolean;
  readonly systemdVersion: number;
  readonly goVersion: ResolvedGoVersion;
  /** Main unit plus drop-ins in systemd's order; this document's assignments in its place. */
  readonly merged: readonly MergedAssignment[];
  readonly environmentFiles: readonly EnvironmentFileRef[];
  /** Variables the service sees: Environment= of the merged unit, then EnvironmentFile= files (systemd dialect). */
  readonly environment: ReadonlyMap<string, { readonly value: string; readonly where: string }>;
  /** Why we think the service runs a Go program (go.mod above the unit, GO* variables…), or undefined. */
  readonly goSignal: string | undefined;
  /** The Go module of the service: the go.mod above the unit, else the workspace module that builds its ExecStart= binary. */
  readonly goModule: GoModule | undefined;
}

/** The last value of a key in the merged unit (lists: every value in order). */
export function mergedValues(input: SystemdInput, section: string, key: string): MergedAssignment[] {
  const out: MergedAssignment[] = [];
  for (const m of input.merged) {
    if (m.section !== section || m.key !== key) continue;
    if (m.value.trim() === '') out.length = 0;
    else out.push(m);
  }
  return out;
}

export function lastValue(input: SystemdInput, section: string, key: string): MergedAssignment | undefined {
  const all = mergedValues(input, section, key);
  return all[all.length - 1];
}
