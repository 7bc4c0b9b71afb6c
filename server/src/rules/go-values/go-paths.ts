// Owns path helpers shared by the Go path rules: PATH lists, GOROOT candidates, normalisation.
import type { EnvBinding, GoValues } from './input';
import { posixBindingsFor, splitList, type ListPart } from './go-values';

export function normalizeDir(dir: string): string {
  const d = dir.replace(/\/+/g, '/');
  return d.length > 1 ? d.replace(/\/$/, '') : d;
}

/** Directories that usually hold another `go` (distro package, snap, manual copies). */
export const SHADOWING_DIRS = ['/usr/bin', '/bin', '/usr/local/bin', '/snap/bin', '/usr/sbin', '/usr/local/sbin'];

/** True when a PATH entry is the Go toolchain's bin directory, as written. */
export function isGoBinEntry(entry: string, goroot: string | undefined): boolean {
  const e = normalizeDir(entry);
  if (
    e === '$GOROOT/bin' ||
    e === '${GOROOT}/bin' ||
    e === '/usr/local/go/bin' ||
    /^\/usr\/lib\/go(-[0-9.]+)?\/bin$/.test(e)
  )
    return true;
  return goroot !== undefined && e === normalizeDir(`${goroot}/bin`);
}

/** True when a PATH entry is `$GOROOT/bin` of this GOROOT (written with the variable or spelled out). */
export function isGorootBinEntry(entry: string, goroot: string): boolean {
  const e = normalizeDir(entry);
  return e === '$GOROOT/bin' || e === '${GOROOT}/bin' || e === normalizeDir(`${goroot}/bin`);
}

export function pathParts(b: EnvBinding): ListPart[] {
  return splitList(b.literal, ':');
}

/** True when the PATH literal keeps the inherited PATH. */
export function keepsInheritedPath(literal: string): boolean {
  return /\$\{?PATH\}?(?![A-Za-z0-9_])/.test(literal);
}

export function lastLiteral(scope: GoValues, name: string): EnvBinding | undefined {
  const all = posixBindingsFor(scope, name);
  return all[all.length - 1];
}
