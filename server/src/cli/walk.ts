// Owns turning CLI path arguments into the list of files to lint.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectLanguage, type LanguageId } from '../languages/language-id';

export interface Target {
  /** Display path: the argument plus the walked relative path. */
  readonly display: string;
  readonly file: string;
  readonly language: LanguageId;
}

const SKIP_DIRS = new Set(['node_modules', '.git']);

export class IoError extends Error {}

export function collectTargets(args: readonly string[], forced: LanguageId | undefined): { targets: Target[]; skipped: string[] } {
  const targets: Target[] = [];
  const skipped: string[] = [];
  for (const arg of args) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch (error) {
      throw new IoError(`cannot read ${arg}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : String((error as Error).message)}`);
    }
    if (stat.isDirectory()) {
      walk(arg, arg, forced, targets);
      continue;
    }
    const language = forced ?? detectLanguage(path.resolve(arg));
    if (language === undefined) skipped.push(arg);
    else targets.push({ display: arg.split(path.sep).join('/'), file: arg, language });
  }
  return { targets, skipped };
}

function walk(root: string, dir: string, forced: LanguageId | undefined, out: Target[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw new IoError(`cannot read ${dir}: ${String((error as Error).message)}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walk(root, full, forced, out);
      continue;
    }
    if (!e.isFile()) continue;
    const language = forced ?? detectLanguage(path.resolve(full));
    if (language === undefined) continue;
    const rel = path.relative(root, full).split(path.sep).join('/');
    const display = `${root.split(path.sep).join('/').replace(/\/$/, '')}/${rel}`;
    out.push({ display, file: full, language });
  }
}
