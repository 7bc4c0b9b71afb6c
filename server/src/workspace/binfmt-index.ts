// Owns the workspace's binfmt.d files: where they sit in systemd-binfmt's precedence and which names they register.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { NameDefinition } from '../parsers/binfmt/input';
import { LineIndex } from '../text/line-index';
import { parseBinfmtD } from '../parsers/binfmt/parse-binfmt-d';
import { findFiles, hostRootOf, ParsedFiles } from './files';

/** systemd-binfmt's directories, highest priority first (SB-1). */
const DIRS = ['/etc/binfmt.d/', '/run/binfmt.d/', '/usr/local/lib/binfmt.d/', '/usr/lib/binfmt.d/', '/lib/binfmt.d/'];

export function directoryPriority(filePath: string): number {
  const p = filePath.replace(/\\/g, '/');
  const i = DIRS.findIndex((d) => p.includes(d));
  return i === -1 ? DIRS.length : Math.min(i, 3);
}

/**
 * Sort key in systemd-binfmt's order: files are applied by basename, whatever their directory; a file shadowed by a
 * same-named file in a higher-priority directory is never applied (order [-1]).
 */
export function binfmtOrder(filePath: string, all: readonly string[]): number[] {
  const base = path.basename(filePath);
  const mine = directoryPriority(filePath);
  const shadowed = all.some(
    (other) => other !== filePath && path.basename(other) === base && directoryPriority(other) < mine,
  );
  return shadowed ? [-1] : [0, ...[...base].map((c) => c.charCodeAt(0))];
}

/** A file as its host sees it: `/etc/binfmt.d/x.conf` in a host tree, `binfmt.d/x.conf` in a plain folder. */
function hostPathOf(file: string, host: string): string {
  const rel = path.relative(host, path.resolve(file)).split(path.sep).join('/');
  return hostRootOf(path.resolve(file)) === undefined ? rel : `/${rel}`;
}
export class BinfmtIndex {
  private files: string[] | undefined;
  private readonly names = new ParsedFiles((text) =>
    parseBinfmtD(new LineIndex(text)).ast.registrations.flatMap((r) => {
      const n = r.registration.name;
      if (n === undefined) return [];
      const range = r.rangeOf(n.start, n.end);
      return [{ name: n.text, line: range.start.line, range }];
    }),
  );

  constructor(private readonly roots: readonly string[]) {}

  invalidate(): void {
    this.files = undefined;
  }

  /** Every `binfmt.d/*.conf` below the roots. */
  allFiles(): readonly string[] {
    return (this.files ??= findFiles(
      this.roots,
      (dir, name) => name.endsWith('.conf') && path.basename(dir) === 'binfmt.d',
    ));
  }

  /** Definitions of the name in other binfmt.d files of the same host tree as `exceptPath`. */
  definitions(name: string, exceptPath: string | undefined): NameDefinition[] {
    // Files of one host shadow each other; a folder that is not a host tree stands for its own host.
    const hostOf = (f: string): string => hostRootOf(path.resolve(f)) ?? path.dirname(path.dirname(path.resolve(f)));
    const host = exceptPath === undefined ? undefined : hostOf(exceptPath);
    const all = this.allFiles().filter((f) => host === undefined || hostOf(f) === host);
    const out: NameDefinition[] = [];
    for (const file of all) {
      if (exceptPath !== undefined && path.resolve(file) === path.resolve(exceptPath)) continue;
      for (const d of this.names.get(file) ?? []) {
        if (d.name !== name) continue;
        out.push({
          uri: pathToFileURL(file).href,
          hostPath: hostPathOf(file, hostOf(file)),
          line: d.line,
          range: d.range,
          order: [...binfmtOrder(file, all), d.line],
        });
      }
    }
    return out;
  }
}
