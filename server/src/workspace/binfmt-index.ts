// Owns the workspace's binfmt.d files: where they sit in systemd-binfmt's precedence and which names they register.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compareOrder, type NameDefinition } from '../parsers/binfmt/input';
import { LineIndex } from '../text/line-index';
import { binfmtDNames } from '../parsers/binfmt/parse-binfmt-d';
import { findFiles, hostRootOf, ParsedFiles } from './files';

/** systemd-binfmt's directories, highest priority first (SB-1). */
const DIRS = ['/etc/binfmt.d/', '/run/binfmt.d/', '/usr/local/lib/binfmt.d/', '/usr/lib/binfmt.d/', '/lib/binfmt.d/'];

export function directoryPriority(filePath: string): number {
  const p = filePath.replace(/\\/g, '/');
  const i = DIRS.findIndex((d) => p.includes(d));
  return i === -1 ? DIRS.length : Math.min(i, 3);
}

/** For each basename, the highest directory priority (lowest number) among the files that carry it. */
function bestPriorityByBase(files: readonly string[]): Map<string, number> {
  const best = new Map<string, number>();
  for (const f of files) {
    const base = path.basename(f);
    const p = directoryPriority(f);
    if (p < (best.get(base) ?? Infinity)) best.set(base, p);
  }
  return best;
}

function orderWith(filePath: string, best: ReadonlyMap<string, number>): number[] {
  const base = path.basename(filePath);
  // A file is shadowed when a same-named file sits in a higher-priority directory.
  const shadowed = (best.get(base) ?? Infinity) < directoryPriority(filePath);
  return shadowed ? [-1] : [0, ...[...base].map((c) => c.charCodeAt(0))];
}

/**
 * Sort key in systemd-binfmt's order: files are applied by basename, whatever their directory; a file shadowed by a
 * same-named file in a higher-priority directory is never applied (order [-1]).
 */
export function binfmtOrder(filePath: string, all: readonly string[]): number[] {
  return orderWith(filePath, bestPriorityByBase(all));
}

/** A file as its host sees it: `/etc/binfmt.d/x.conf` in a host tree, `binfmt.d/x.conf` in a plain folder. */
function hostPathOf(file: string, host: string): string {
  const rel = path.relative(host, file).split(path.sep).join('/');
  return hostRootOf(file) === undefined ? rel : `/${rel}`;
}

/** Files of one host shadow each other; a folder that is not a host tree stands for its own host. */
function hostOf(file: string): string {
  return hostRootOf(file) ?? path.dirname(path.dirname(file));
}

interface Definition {
  readonly file: string;
  readonly line: number;
  readonly range: NameDefinition['range'];
  /** Position in systemd-binfmt's order among the files of its host, then its line. */
  readonly order: readonly number[];
}

/** Latest first by systemd-binfmt's order; equal orders keep file order (the sort is stable). */
function latestFirst(list: Definition[]): Definition[] {
  return list.sort((a, b) => compareOrder(b.order, a.order));
}

/** What the index knows between two invalidations: each file read, stat'ed and placed once. */
interface Snapshot {
  /** A file's URI and host path, made when a lookup first returns one of its definitions (not for every file). */
  readonly located: Map<string, { readonly uri: string; readonly hostPath: string }>;
  /** Per host tree, each name's definitions, latest first. */
  readonly byHost: ReadonlyMap<string, ReadonlyMap<string, readonly Definition[]>>;
  /** The same over every host tree (for a document without a path), built on first use. */
  allHosts(): ReadonlyMap<string, readonly Definition[]>;
}

/**
 * The workspace's binfmt.d files and the names they register, indexed once per invalidation (the server
 * invalidates when a watched file changes): lookups cost the definitions of one name, not a walk over every file.
 */
export class BinfmtIndex {
  private snapshot: Snapshot | undefined;
  private files: string[] | undefined;
  private bestOverall: Map<string, number> | undefined;

  constructor(private readonly roots: readonly string[]) {}

  invalidate(): void {
    this.files = undefined;
    this.snapshot = undefined;
    this.bestOverall = undefined;
  }

  /** Every `binfmt.d/*.conf` below the roots. */
  allFiles(): readonly string[] {
    return (this.files ??= findFiles(
      this.roots,
      (dir, name) => name.endsWith('.conf') && path.basename(dir) === 'binfmt.d',
    ).map((f) => path.resolve(f)));
  }

  /**
   * The definition of the name that systemd-binfmt applies last among the other binfmt.d files of the same host
   * tree as `exceptPath` (of every tree when it is undefined): the one that replaces a definition in this file.
   */
  latestDefinition(name: string, exceptPath: string | undefined): NameDefinition | undefined {
    const snap = this.index();
    const except = exceptPath === undefined ? undefined : path.resolve(exceptPath);
    const byName = except === undefined ? snap.allHosts() : snap.byHost.get(hostOf(except));
    // Sorted latest first (ties in file order): the first one from another file is the answer.
    const d = byName?.get(name)?.find((x) => x.file !== except);
    if (d === undefined) return undefined;
    let where = snap.located.get(d.file);
    if (where === undefined)
      snap.located.set(
        d.file,
        (where = { uri: pathToFileURL(d.file).href, hostPath: hostPathOf(d.file, hostOf(d.file)) }),
      );
    return {
      uri: where.uri,
      hostPath: where.hostPath,
      line: d.line,
      range: d.range,
      order: d.order,
    };
  }

  /** This file's place in systemd-binfmt's order among all the workspace's binfmt.d files (and itself). */
  order(filePath: string): number[] {
    // Only another file can shadow this one, so whether it is indexed itself makes no difference.
    return orderWith(path.resolve(filePath), (this.bestOverall ??= bestPriorityByBase(this.allFiles())));
  }

  private index(): Snapshot {
    if (this.snapshot !== undefined) return this.snapshot;
    const files = this.allFiles();
    const filesOfHost = new Map<string, string[]>();
    for (const f of files) {
      const h = hostOf(f);
      const list = filesOfHost.get(h);
      if (list === undefined) filesOfHost.set(h, [f]);
      else list.push(f);
    }
    const byHost = new Map<string, Map<string, Definition[]>>();
    for (const [h, list] of filesOfHost) {
      const best = bestPriorityByBase(list);
      const byName = new Map<string, Definition[]>();
      for (const f of list) {
        const order = orderWith(f, best);
        for (const d of this.names.get(f) ?? []) {
          const def = { file: f, line: d.line, range: d.range, order: [...order, d.line] };
          const defs = byName.get(d.name);
          if (defs === undefined) byName.set(d.name, [def]);
          else defs.push(def);
        }
      }
      for (const defs of byName.values()) latestFirst(defs);
      byHost.set(h, byName);
    }
    let all: Map<string, Definition[]> | undefined;
    const allHosts = (): Map<string, Definition[]> => {
      if (all !== undefined) return all;
      all = new Map();
      // Files in path order, as the per-host lists were built.
      const rank = new Map(files.map((f, i) => [f, i]));
      for (const byName of byHost.values()) {
        for (const [name, defs] of byName) {
          const list = all.get(name);
          if (list === undefined) all.set(name, [...defs]);
          else list.push(...defs);
        }
      }
      for (const defs of all.values()) {
        defs.sort((a, b) => compareOrder(b.order, a.order) || (rank.get(a.file) ?? 0) - (rank.get(b.file) ?? 0));
      }
      return all;
    };
    return (this.snapshot = { located: new Map(), byHost, allHosts });
  }

  private readonly names = new ParsedFiles((text) =>
    binfmtDNames(new LineIndex(text)).map((n) => ({ name: n.name, line: n.range.start.line, range: n.range })),
  );
}
