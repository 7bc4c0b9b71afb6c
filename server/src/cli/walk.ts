// Owns turning CLI path arguments into the files to lint, and reading them: regular files only, bounded in size.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectLanguage, detectLanguageFromContent, isYamlFile, type LanguageId } from '../workspace/language-id';
import { isKubernetesManifest } from '../protocol';
import { readHead } from '../workspace/files';

export interface Target {
  /** Display path: the argument plus the walked relative path. */
  readonly display: string;
  readonly file: string;
  readonly language: LanguageId;
  /** Named by a unit's EnvironmentFile=, not by the user. */
  readonly followed?: boolean;
}

/** A path the CLI did not lint, and why (said on stderr and counted in the summary). */
export interface Skipped {
  readonly path: string;
  readonly reason: string;
}

const SKIP_DIRS = new Set(['node_modules', '.git']);

export class IoError extends Error {}

/** What a stat says a non-regular file is, for messages. */
function kindOf(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * The language by path, else by a sh/bash shebang for extension-less files (/etc/kernel/postinst.d/*, if-up.d/*,
 * rc.local): only regular files are opened.
 */
function languageOf(file: string, stat: fs.Stats): LanguageId | undefined {
  const byPath = detectLanguage(path.resolve(file));
  if (byPath !== undefined || !stat.isFile()) return byPath;
  const base = path.basename(file);
  // YAML is linted when it holds a Kubernetes manifest (`apiVersion:` and `kind:` at the top level).
  if (isYamlFile(base)) return isKubernetesManifest(readHead(file, 64 * 1024)) ? 'kubernetes' : undefined;
  return base.includes('.') && !/\.local$/.test(base)
    ? undefined
    : detectLanguageFromContent(readHead(file, 256).split('\n')[0] ?? '');
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function collectTargets(
  args: readonly string[],
  forced: LanguageId | undefined,
  maxBytes: number,
): { targets: Target[]; skipped: Skipped[]; unreadable: string[] } {
  const targets: Target[] = [];
  const skipped: Skipped[] = [];
  // Named paths that cannot be read: the others are still linted and reported, then the CLI exits 2.
  const unreadable: string[] = [];
  for (const arg of args) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch (error) {
      unreadable.push(
        `cannot read ${arg}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : String((error as Error).message)}`,
      );
      continue;
    }
    if (stat.isDirectory()) {
      walk({ root: arg, forced, maxBytes, targets, skipped, visited: new Set([fs.realpathSync(arg)]) }, arg);
      continue;
    }
    // Named files must be regular: a FIFO would block forever, /dev/zero would never end.
    if (!stat.isFile()) {
      unreadable.push(`cannot read ${arg}: ${kindOf(stat)}, not a regular file`);
      continue;
    }
    if (stat.size > maxBytes) {
      unreadable.push(
        `cannot read ${arg}: ${megabytes(stat.size)} is above the size limit of ${megabytes(maxBytes)} (--max-file-size-mb)`,
      );
      continue;
    }
    const language = forced ?? languageOf(arg, stat);
    if (language === undefined) skipped.push({ path: arg, reason: 'unknown file type (use --language)' });
    else targets.push({ display: arg.split(path.sep).join('/'), file: arg, language });
  }
  return { targets, skipped, unreadable };
}

interface Walk {
  readonly root: string;
  readonly forced: LanguageId | undefined;
  readonly maxBytes: number;
  readonly targets: Target[];
  readonly skipped: Skipped[];
  /** Real paths of the folders entered, so a link back up the tree is not followed twice. */
  readonly visited: Set<string>;
}

function walk(w: Walk, dir: string): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw new IoError(`cannot read ${dir}: ${String((error as Error).message)}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    const display = `${w.root.split(path.sep).join('/').replace(/\/$/, '')}/${path.relative(w.root, full).split(path.sep).join('/')}`;
    if (e.isDirectory() && SKIP_DIRS.has(e.name)) continue;
    // Links are followed to what they name; a broken one is said, not linted.
    let stat: fs.Stats;
    try {
      stat = e.isSymbolicLink() ? fs.statSync(full) : fs.lstatSync(full);
    } catch {
      w.skipped.push({ path: display, reason: 'broken link' });
      continue;
    }
    if (stat.isDirectory()) {
      if (SKIP_DIRS.has(e.name)) continue;
      const real = fs.realpathSync(full);
      if (w.visited.has(real)) continue;
      w.visited.add(real);
      walk(w, full);
      continue;
    }
    const language = w.forced ?? languageOf(full, stat);
    if (language === undefined) continue;
    if (!stat.isFile()) {
      w.skipped.push({ path: display, reason: `${kindOf(stat)}, not a regular file` });
      continue;
    }
    if (stat.size > w.maxBytes) {
      w.skipped.push({
        path: display,
        reason: `${megabytes(stat.size)} is above the size limit of ${megabytes(w.maxBytes)} (--max-file-size-mb)`,
      });
      continue;
    }
    w.targets.push({ display, file: full, language });
  }
}

/**
 * Reads a regular file of at most maxBytes. Opened without blocking, so a FIFO swapped in after the walk cannot hang
 * the CLI; the size is read again from the open file and the read stops at the limit.
 */
export function readRegularFile(file: string, display: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (error) {
    throw new IoError(`cannot read ${display}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new IoError(`cannot read ${display}: ${kindOf(stat)}, not a regular file`);
    if (stat.size > maxBytes)
      throw new IoError(
        `cannot read ${display}: ${megabytes(stat.size)} is above the size limit of ${megabytes(maxBytes)} (--max-file-size-mb)`,
      );
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes));
    let read = 0;
    while (read < buffer.length) {
      const n = fs.readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } catch (error) {
    if (error instanceof IoError) throw error;
    throw new IoError(`cannot read ${display}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  } finally {
    fs.closeSync(fd);
  }
}
