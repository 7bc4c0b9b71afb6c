// Owns Go version values: parsing `1.27`, `1.27.4`, `go1.27.4` and comparing them.
export interface GoVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
}

/** The latest stable Go at the knowledge snapshot (go.dev/doc/devel/release, checked 2026-11-22). */
export const LATEST_GO: GoVersion = { major: 1, minor: 27, patch: 4 };

export function parseGoVersion(text: string): GoVersion | undefined {
  const m = /^(?:go)?(\d+)\.(\d+)(?:\.(\d+))?(?:(?:rc|beta)\d+)?$/.exec(text.trim());
  if (m === null) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0) };
}

export function compareGoVersions(a: GoVersion, b: GoVersion): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/** True when `v` is at least `major.minor`. */
export function goAtLeast(v: GoVersion, minor: number): boolean {
  return compareGoVersions(v, { major: 1, minor, patch: 0 }) >= 0;
}

export function formatGoVersion(v: GoVersion): string {
  return `${v.major}.${v.minor}`;
}

export interface ResolvedGoVersion {
  /** The Go toolchain that builds: go.mod's toolchain line, else its go line, else the setting or the latest. */
  readonly version: GoVersion;
  /**
   * go.mod's go line, when there is one: the language version, which sets the GODEBUG defaults (container-aware
   * GOMAXPROCS needs `go 1.25` or later there, whatever the toolchain).
   */
  readonly goLine?: GoVersion;
  /** Where it came from, for messages: `go.mod toolchain line`, `setting`, `latest stable`… */
  readonly source: string;
}

/** The `go` line of a go.mod text. */
export function goLineFromGoMod(text: string): GoVersion | undefined {
  const go = /^go\s+(\S+)\s*$/m.exec(text);
  return go?.[1] === undefined ? undefined : parseGoVersion(go[1]);
}

/** Reads the `toolchain` line, else the `go` line, of a go.mod text. */
export function goVersionFromGoMod(text: string): GoVersion | undefined {
  const toolchain = /^toolchain\s+(go\S+)\s*$/m.exec(text);
  const fromToolchain = toolchain?.[1] === undefined ? undefined : parseGoVersion(toolchain[1]);
  if (fromToolchain !== undefined) return fromToolchain;
  const go = /^go\s+(\S+)\s*$/m.exec(text);
  return go?.[1] === undefined ? undefined : parseGoVersion(go[1]);
}
