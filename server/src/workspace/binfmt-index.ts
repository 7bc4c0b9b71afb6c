// Owns the workspace's binfmt.d files: where they sit in systemd-binfmt's precedence and which names they register.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { NameDefinition } from '../parsers/binfmt/input';
import { LineIndex } from '../text/line-index';
import { parseBinfmtD } from '../parsers/binfmt/parse-binfmt-d';

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
  const shadowed = all.some((other) => other !== filePath && path.basename(other) === base && directoryPriority(other) < mine);
  return shadowed ? [-1] : [0, ...[...base].map((c) => c.charCodeAt(0))];
}

export function compareOrder(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

const MAX_FILES = 20_000;

/** The folder that stands for `/` of the host a binfmt.d file belongs to (files of one host shadow each other). */
export function hostRootOf(file: string): string {
  const m = /^(.*?)\/(?:etc|run|usr\/local\/lib|usr\/lib|lib)\/binfmt\.d\/[^/]+$/.exec(file.split(path.sep).join('/'));
  return m?.[1] ?? path.dirname(path.dirname(file));
}

export class BinfmtIndex {
  private files: string[] | undefined;
  private readonly names = new Map<string, { mtime: number; defs: { name: string; line: number; range: NameDefinition['range'] }[] }>();

  constructor(private readonly roots: readonly string[]) {}

  invalidate(): void {
    this.files = undefined;
  }

  /** Every `binfmt.d/*.conf` below the roots (node_modules and .git skipped, bounded). */
  allFiles(): readonly string[] {
    if (this.files !== undefined) return this.files;
    const found: string[] = [];
    let seen = 0;
    const walk = (dir: string, depth: number): void => {
      if (depth > 12 || seen > MAX_FILES) return;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        seen++;
        const full = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (e.name !== 'node_modules' && e.name !== '.git') walk(full, depth + 1);
        } else if (e.name.endsWith('.conf') && path.basename(dir) === 'binfmt.d') found.push(full);
      }
    };
    for (const r of this.roots) walk(r, 0);
    this.files = found.sort();
    return this.files;
  }

  /** Definitions of the name in other binfmt.d files of the same host tree as `exceptPath`. */
  definitions(name: string, exceptPath: string | undefined): NameDefinition[] {
    const host = exceptPath === undefined ? undefined : hostRootOf(path.resolve(exceptPath));
    const all = this.allFiles().filter((f) => host === undefined || hostRootOf(path.resolve(f)) === host);
    const out: NameDefinition[] = [];
    for (const file of all) {
      if (exceptPath !== undefined && path.resolve(file) === path.resolve(exceptPath)) continue;
      for (const d of this.namesIn(file)) {
        if (d.name !== name) continue;
        out.push({ uri: pathToFileURL(file).href, path: file, line: d.line, range: d.range, order: [...binfmtOrder(file, all), d.line] });
      }
    }
    return out;
  }

  private namesIn(file: string): { name: string; line: number; range: NameDefinition['range'] }[] {
    let mtime = -1;
    try {
      mtime = fs.statSync(file).mtimeMs;
    } catch {
      return [];
    }
    const cached = this.names.get(file);
    if (cached !== undefined && cached.mtime === mtime) return cached.defs;
    let text = '';
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return [];
    }
    const { ast } = parseBinfmtD(new LineIndex(text));
    const defs = ast.registrations.flatMap((r) => {
      const n = r.registration.name;
      if (n === undefined) return [];
      const range = r.rangeOf(n.start, n.end);
      return [{ name: n.text, line: range.start.line, range }];
    });
    this.names.set(file, { mtime, defs });
    return defs;
  }
}
