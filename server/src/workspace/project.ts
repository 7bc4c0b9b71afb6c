// Owns facts that come from around a file: the Go version in force and dialects implied by other files.
import { goPrograms, type GoPrograms } from './go-programs';
import { parseGoMod } from '../parsers/gomod/parse';
import { sdNotifyRequire, type GoModule } from '../parsers/gomod/module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type picomatchType from 'picomatch';
import {
  goLineFromGoMod,
  goVersionFromGoMod,
  LATEST_GO,
  parseGoVersion,
  type ResolvedGoVersion,
} from '../knowledge/go-version';
import type { EnvDialect } from '../parsers/dotenv/dialects';
import type { Settings } from '../settings';
import type { NameDefinition } from '../parsers/binfmt/input';
import { BinfmtIndex } from './binfmt-index';
import { findFiles, hostRootOf } from './files';
import { isSecretEnvFileName } from '../parsers/dockerfile/dockerignore';
import { isMap, isSeq, parseYamlDocuments, scalarText, seqItems, valueOf } from '../parsers/yaml/yaml';
import { isComposeFileName } from '../protocol';
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
  /**
   * Paths below a build context that must not end up in an image (`.env` files, `.git`), relative and `/`-separated,
   * found in one bounded walk per folder and invalidation.
   */
  contextSecrets(contextDir: string): readonly string[];
  /** The regular files directly in a folder (absolute paths, sorted), listed once per invalidation. */
  filesIn(dir: string): readonly string[];
  /** The module of the nearest go.mod at or above the file, read once per invalidation. */
  goModuleOf(filePath: string | undefined): GoModule | undefined;
  /** The workspace module one of whose main packages builds a binary of this name (the first, by path). */
  goModuleBuilding(binaryName: string): GoModule | undefined;
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

  private programs: GoPrograms | undefined;
  private readonly modules = new Map<string, GoModule>();
  private readonly notifyByGoMod = new Map<string, string | null>();
  private readonly parsedGoMods = new Map<string, ReturnType<typeof parseGoMod>>();

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
    return (this.programs ??= goPrograms(this.roots)).names;
  }

  goModuleOf(filePath: string | undefined): GoModule | undefined {
    if (filePath === undefined) return undefined;
    const found = this.findGoMod(path.dirname(path.resolve(filePath)));
    if (found === undefined) return undefined;
    return this.module(found.path, found.text, `the go.mod above ${path.basename(filePath)}`);
  }

  goModuleBuilding(binaryName: string): GoModule | undefined {
    const goMod = (this.programs ??= goPrograms(this.roots)).modules.get(binaryName);
    const text = goMod === undefined ? undefined : this.readText(goMod);
    return goMod === undefined || text === undefined
      ? undefined
      : this.module(goMod, text, `the workspace's Go module ${path.dirname(goMod)} builds \`${binaryName}\``);
  }

  private module(goModPath: string, text: string, link: string): GoModule {
    const key = `${goModPath}\0${link}`;
    const known = this.modules.get(key);
    if (known !== undefined) return known;
    // One parse per go.mod, whatever file asks (a GoModule per link only carries the message).
    let mod = this.parsedGoMods.get(goModPath);
    if (mod === undefined) this.parsedGoMods.set(goModPath, (mod = parseGoMod(text)));
    const parsed = mod;
    const module: GoModule = {
      goModPath,
      uri: pathToFileURL(goModPath).href,
      mod: parsed,
      link,
      sdNotify: () => {
        let notify = this.notifyByGoMod.get(goModPath);
        if (notify === undefined)
          this.notifyByGoMod.set(goModPath, (notify = sdNotifyEvidence(goModPath, parsed) ?? null));
        return notify ?? undefined;
      },
    };
    this.modules.set(key, module);
    return module;
  }

  private readonly secretsByContext = new Map<string, readonly string[]>();
  private readonly listings = new Map<string, readonly string[]>();

  filesIn(dir: string): readonly string[] {
    let known = this.listings.get(dir);
    if (known === undefined) {
      try {
        known = fs
          .readdirSync(dir, { withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => path.join(dir, e.name))
          .sort();
      } catch {
        known = [];
      }
      this.listings.set(dir, known);
    }
    return known;
  }

  contextSecrets(contextDir: string): readonly string[] {
    const known = this.secretsByContext.get(contextDir);
    if (known !== undefined) return known;
    const found = contextSecretsBelow(contextDir);
    this.secretsByContext.set(contextDir, found);
    return found;
  }

  invalidate(): void {
    this.secretsByContext.clear();
    this.listings.clear();
    this.programs = undefined;
    this.modules.clear();
    this.notifyByGoMod.clear();
    this.parsedGoMods.clear();
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
    // Compose env_file: and Quadlet EnvironmentFile= (podman reads env files like docker --env-file).
    for (const file of findFiles(this.roots, (_d, name) => isComposeFileName(name) || name.endsWith('.container'))) {
      const text = this.readText(file);
      if (text === undefined) continue;
      const dialect = file.endsWith('.container') ? 'docker' : 'compose';
      for (const target of envFileTargets(text, dialect === 'compose'))
        refs.set(
          path.resolve(path.dirname(file), target),
          refs.get(path.resolve(path.dirname(file), target)) ?? {
            dialect,
            source: `${dialect === 'compose' ? 'env_file:' : 'EnvironmentFile='} in ${path.basename(file)}`,
          },
        );
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
        const goLine = goLineFromGoMod(found.text);
        if (v !== undefined)
          return { version: v, source: `go.mod (${found.path})`, ...(goLine !== undefined ? { goLine } : {}) };
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

/** The env files a Compose file (`env_file:`) or a Quadlet unit (`EnvironmentFile=` lines) names, as written. */
function envFileTargets(text: string, compose: boolean): string[] {
  if (!compose)
    return [...text.matchAll(/^EnvironmentFile=(.+)$/gm)].map((m) => (m[1] ?? '').trim()).filter((t) => t !== '');
  const out: string[] = [];
  for (const doc of parseYamlDocuments(text)) {
    const services = valueOf(doc.contents, 'services');
    if (!isMap(services)) continue;
    for (const s of services.items) {
      const ef = valueOf(s.value, 'env_file');
      for (const item of isSeq(ef) ? seqItems(ef) : ef === undefined ? [] : [ef]) {
        const p = scalarText(item) ?? scalarText(valueOf(item, 'path'));
        if (p !== undefined) out.push(p);
      }
    }
  }
  return out;
}

/** Folder depth a context walk enters (a context is sent whole to the builder: usually shallow). */
const MAX_CONTEXT_DEPTH = 4;

function contextSecretsBelow(root: string): string[] {
  const found = findFiles([root], (_d, name) => isSecretEnvFileName(name) || name === '.git', {
    maxDepth: MAX_CONTEXT_DEPTH,
    skip: ['node_modules', 'vendor', '.git'],
    acceptDir: (_d, name) => name === '.git',
  });
  return found.map((f) => path.relative(root, f).split(path.sep).join('/')).sort();
}

/** Go files read at most when looking for a hand-written sd_notify (NOTIFY_SOCKET) in a module's sources. */
const MAX_NOTIFY_SCAN = 5_000;

/** A require of an sd_notify library, else a Go file of the module that names NOTIFY_SOCKET (vendored code included). */
function sdNotifyEvidence(goModPath: string, mod: ReturnType<typeof parseGoMod>): string | undefined {
  const lib = sdNotifyRequire(mod);
  if (lib !== undefined) return `go.mod requires ${lib}`;
  const dir = path.dirname(goModPath);
  const files = findFiles([dir], (_d, name) => name.endsWith('.go') && !name.endsWith('_test.go'));
  for (const f of files.slice(0, MAX_NOTIFY_SCAN)) {
    let text: string;
    try {
      text = fs.readFileSync(f, 'utf8');
    } catch {
      continue;
    }
    if (text.includes('NOTIFY_SOCKET')) return `${path.relative(dir, f)} uses NOTIFY_SOCKET`;
  }
  // Too many files to read them all: say nothing rather than guess that none of the rest notifies.
  return files.length > MAX_NOTIFY_SCAN ? 'the module is too large to check' : undefined;
}
