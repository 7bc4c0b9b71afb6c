// Owns facts that come from around a file: the Go version in force and dialects implied by other files.
import { goProgramNames } from './go-programs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type picomatchType from 'picomatch';
import { goVersionFromGoMod, LATEST_GO, parseGoVersion, type ResolvedGoVersion } from '../knowledge/go-version';
import type { EnvDialect } from '../parsers/dotenv/dialects';
import type { Settings } from '../settings';
import type { NameDefinition } from '../parsers/binfmt/input';
import { BinfmtIndex } from './binfmt-index';
import { hostRootOf } from './files';
import { UnitIndex } from './unit-index';

export interface DialectReference {
  readonly dialect: EnvDialect;
  /** e.g. `EnvironmentFile= in deploy/api.service`. */
  readonly source: string;
}

export interface ProjectContext {
  goVersion(filePath: string | undefined, settings: Settings): ResolvedGoVersion;
  /** The dialect another workspace file implies for this one (units' EnvironmentFile=, compose env_file:). */
  referencedDialect(filePath: string | undefined): DialectReference | undefined;
  /** Path used for glob settings: relative to the workspace root containing it, else the absolute path. */
  globPath(filePath: string): string;
  /** The registration of `name` in the workspace's other binfmt.d files that systemd-binfmt applies last. */
  latestBinfmtDefinition(name: string, exceptPath: string | undefined): NameDefinition | undefined;
  /** This file's place in systemd-binfmt's order among the workspace's binfmt.d files. */
  binfmtOrder(filePath: string): readonly number[];
  /** Workspace files that may stand for an absolute host path named in `fromFile` (first existing one first). */
  hostPathCandidates(hostPath: string, fromFile: string | undefined, settings: Settings): string[];
  /** Unit files and drop-ins of the workspace, parsed and cached. */
  readonly units: UnitIndex;
  /** True when the path exists (file or directory): surfaces ask here, rules never touch the file system. */
  exists(filePath: string): boolean;
  /** A workspace file's text (UTF-8), or undefined when it cannot be read. */
  readText(filePath: string): string | undefined;
  /** Names of the binaries the workspace's Go modules build (their main packages). */
  goPrograms(): ReadonlySet<string>;
  /** Paths a host scan found to be Go binaries, with the host that said so (the editor records its scans). */
  hostGoBinaries(): ReadonlyMap<string, string>;
}

/** File-system project context with a go.mod cache; `invalidate` after file changes. */
export class FsProject implements ProjectContext {
  private readonly goModByDir = new Map<string, { path: string; text: string } | null>();

  private readonly binfmt: BinfmtIndex;
  readonly units: UnitIndex;
  private unitRefs: Map<string, DialectReference> | undefined;
  private lastSettings: Settings | undefined;

  exists(filePath: string): boolean {
    return fs.existsSync(filePath);
  }

  readText(filePath: string): string | undefined {
    try {
      return fs.readFileSync(filePath, 'utf8');
    } catch {
      return undefined;
    }
  }

  constructor(readonly roots: readonly string[] = []) {
    this.binfmt = new BinfmtIndex(roots);
    this.units = new UnitIndex(roots);
  }

  private programs: Set<string> | undefined;

  private readonly scannedGo = new Map<string, string>();

  hostGoBinaries(): ReadonlyMap<string, string> {
    return this.scannedGo;
  }

  /** Records what a host scan found: its Go binaries replace what an earlier scan of that host said. */
  recordHostGoBinaries(host: string, paths: readonly string[]): void {
    for (const [p, h] of [...this.scannedGo]) if (h === host) this.scannedGo.delete(p);
    for (const p of paths) this.scannedGo.set(p, host);
  }

  goPrograms(): ReadonlySet<string> {
    return (this.programs ??= goProgramNames(this.roots));
  }

  invalidate(): void {
    this.programs = undefined;
    this.goModByDir.clear();
    this.binfmt.invalidate();
    this.units.invalidate();
    this.unitRefs = undefined;
  }

  hostPathCandidates(hostPath: string, fromFile: string | undefined, settings: Settings): string[] {
    this.lastSettings = settings;
    const out: string[] = [];
    const mappings = Object.entries(settings.pathMappings).sort((a, b) => b[0].length - a[0].length);
    for (const [prefix, target] of mappings) {
      if (hostPath === prefix || hostPath.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`)) {
        const rest = hostPath.slice(prefix.length).replace(/^\//, '');
        const bases = path.isAbsolute(target) ? [target] : this.roots.map((r) => path.join(r, target));
        for (const b of bases) out.push(path.join(b, rest));
      }
    }
    const guessed = fromFile === undefined ? undefined : hostRootOf(path.resolve(fromFile));
    if (guessed !== undefined) out.push(path.join(guessed, hostPath));
    for (const r of this.roots) out.push(path.join(r, hostPath));
    const unique = [...new Set(out)];
    return [...unique.filter((p) => fs.existsSync(p)), ...unique.filter((p) => !fs.existsSync(p))];
  }

  /** Dialects implied by units: every file a unit names in EnvironmentFile= is read with systemd's rules. */
  private unitReferences(): Map<string, DialectReference> {
    if (this.unitRefs !== undefined) return this.unitRefs;
    const refs = new Map<string, DialectReference>();
    const settings = this.lastSettings ?? ({ pathMappings: {} } as unknown as Settings);
    for (const unit of this.units.allUnits()) {
      const parsed = this.units.read(unit);
      for (const a of parsed?.assignments ?? []) {
        if (a.key.text !== 'EnvironmentFile') continue;
        const target = a.value.text.trim().replace(/^-/, '');
        if (!target.startsWith('/')) continue;
        for (const candidate of this.hostPathCandidates(target, unit, settings).filter((p) => fs.existsSync(p))) {
          if (!refs.has(candidate))
            refs.set(candidate, { dialect: 'systemd', source: `EnvironmentFile= in ${path.basename(unit)}` });
        }
      }
    }
    this.unitRefs = refs;
    return refs;
  }

  latestBinfmtDefinition(name: string, exceptPath: string | undefined): NameDefinition | undefined {
    return this.binfmt.latestDefinition(name, exceptPath);
  }

  binfmtOrder(filePath: string): readonly number[] {
    return this.binfmt.order(filePath);
  }

  goVersion(filePath: string | undefined, settings: Settings): ResolvedGoVersion {
    if (filePath !== undefined) {
      const found = this.findGoMod(path.dirname(path.resolve(filePath)));
      if (found !== undefined) {
        const v = goVersionFromGoMod(found.text);
        if (v !== undefined) return { version: v, source: `go.mod (${found.path})` };
      }
    }
    const fromSetting = parseGoVersion(settings.goVersion);
    if (fromSetting !== undefined) return { version: fromSetting, source: 'the goDeployLint.goVersion setting' };
    return { version: LATEST_GO, source: 'the latest stable Go' };
  }

  referencedDialect(filePath: string | undefined): DialectReference | undefined {
    if (filePath === undefined) return undefined;
    const abs = path.resolve(filePath);
    return this.unitReferences().get(abs);
  }

  globPath(filePath: string): string {
    const abs = path.resolve(filePath);
    for (const root of this.roots) {
      const rel = path.relative(root, abs);
      if (!rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).join('/');
    }
    return abs.split(path.sep).join('/');
  }

  /** The nearest go.mod at or above `dir`; each directory's answer is kept until the next invalidation. */
  private findGoMod(dir: string): { path: string; text: string } | undefined {
    const visited: string[] = [];
    let found: { path: string; text: string } | null = null;
    for (let d = dir, i = 0; i < 64; i++) {
      const known = this.goModByDir.get(d);
      if (known !== undefined) {
        found = known;
        break;
      }
      visited.push(d);
      const file = path.join(d, 'go.mod');
      let text: string | undefined;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        text = undefined;
      }
      if (text !== undefined) {
        found = { path: file, text };
        break;
      }
      const up = path.dirname(d);
      if (up === d) break;
      d = up;
    }
    for (const d of visited) this.goModByDir.set(d, found);
    return found ?? undefined;
  }
}

/** Matches the envDialects setting: globs with a slash match the glob path, others the file name. */
export function dialectFromSettings(
  filePath: string,
  globPath: string,
  settings: Settings,
): { dialect: EnvDialect; glob: string } | undefined {
  for (const [glob, dialect] of Object.entries(settings.envDialects)) {
    const subject = glob.includes('/') ? globPath : path.basename(filePath);
    if (picomatch().isMatch(subject, glob, { dot: true })) return { dialect, glob };
  }
  return undefined;
}

let matcher: typeof picomatchType | undefined;
/** picomatch is loaded when a glob setting is first matched (most runs have none). */
function picomatch(): typeof picomatchType {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (matcher ??= require('picomatch') as typeof picomatchType);
}
