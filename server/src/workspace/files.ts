// Owns reading the workspace from disk: a bounded walk below the roots, files parsed once per mtime, and which
// folder stands for `/` of the host a system file belongs to.
import * as fs from 'node:fs';
import * as path from 'node:path';

const MAX_ENTRIES = 20_000;
const MAX_DEPTH = 14;

export interface WalkOptions {
  /** Folders deeper than this are not entered (default 14). */
  readonly maxDepth?: number;
  /** Folder names not entered (default: node_modules and .git). */
  readonly skip?: readonly string[];
  /** Folders to report as found (their relative path is what `accept` sees for a file). */
  readonly acceptDir?: (dir: string, name: string) => boolean;
}

/** Files (and folders `acceptDir` takes) below the roots that `accept` takes; bounded, sorted. */
export function findFiles(
  roots: readonly string[],
  accept: (dir: string, name: string) => boolean,
  options: WalkOptions = {},
): string[] {
  const found: string[] = [];
  const maxDepth = options.maxDepth ?? MAX_DEPTH;
  const skip = options.skip ?? ['node_modules', '.git'];
  let seen = 0;
  const walk = (dir: string, depth: number): void => {
    if (depth > maxDepth || seen > MAX_ENTRIES) return;
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
        if (options.acceptDir?.(dir, e.name) === true) found.push(full);
        else if (!skip.includes(e.name)) walk(full, depth + 1);
      } else if (accept(dir, e.name)) found.push(full);
    }
  };
  for (const r of roots) walk(r, 0);
  return found.sort();
}

/**
 * The first `bytes` bytes of a file as UTF-8 (empty when it cannot be read). Opened without blocking, so a FIFO
 * in the tree cannot hang the caller.
 */
export function readHead(file: string, bytes: number): string {
  try {
    const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    try {
      const buf = Buffer.alloc(bytes);
      return buf.subarray(0, fs.readSync(fd, buf, 0, bytes, 0)).toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return '';
  }
}

/** A file's parsed form, recomputed only when its mtime changes; undefined when it cannot be read. */
export class ParsedFiles<T> {
  private readonly cache = new Map<string, { mtime: number; value: T }>();

  constructor(private readonly parse: (text: string) => T) {}

  get(file: string): T | undefined {
    let mtime: number;
    let text: string;
    try {
      mtime = fs.statSync(file).mtimeMs;
      const cached = this.cache.get(file);
      if (cached?.mtime === mtime) return cached.value;
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    const value = this.parse(text);
    this.cache.set(file, { mtime, value });
    return value;
  }
}

/**
 * The folder that stands for `/` for a file under …/etc/systemd/system, …/usr/lib/binfmt.d and the like (the
 * directories systemd and systemd-binfmt read); undefined when the path is not one of them.
 */
export function hostRootOf(filePath: string): string | undefined {
  const p = filePath.replace(/\\/g, '/');
  const m = /^(.*?)\/(etc|usr\/lib|lib|run|usr\/local\/lib)\/(systemd\/(system|user)|binfmt\.d)(\/|$)/.exec(p);
  return m?.[1];
}
