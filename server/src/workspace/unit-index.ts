// Owns the workspace's systemd units: drop-ins of a unit, and where absolute paths in units point inside the workspace.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineIndex } from '../text/line-index';
import { parseUnitFile } from '../parsers/systemd/parse';
import type { UnitFile } from '../parsers/systemd/ast';
import { UNIT_TYPES } from '../knowledge/systemd-directives';

const UNIT_FILE = new RegExp(`\\.(${UNIT_TYPES.join('|')})$`);
const MAX_FILES = 20_000;

/** The directory that stands for `/` for a file under …/etc/systemd/system, …/lib/systemd/system and the like. */
export function guessRootOf(filePath: string): string | undefined {
  const p = filePath.replace(/\\/g, '/');
  const m = /^(.*?)\/(etc|usr\/lib|lib|run|usr\/local\/lib)\/systemd\/(system|user)(\/|$)/.exec(p);
  return m?.[1];
}

export class UnitIndex {
  private units: string[] | undefined;
  private readonly parsed = new Map<string, { mtime: number; file: UnitFile }>();

  constructor(private readonly roots: readonly string[]) {}

  invalidate(): void {
    this.units = undefined;
  }

  /** Every unit file and drop-in below the roots (node_modules and .git skipped, bounded). */
  allUnits(): readonly string[] {
    if (this.units !== undefined) return this.units;
    const found: string[] = [];
    let seen = 0;
    const walk = (dir: string, depth: number): void => {
      if (depth > 14 || seen > MAX_FILES) return;
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
        } else if (UNIT_FILE.test(e.name) || (e.name.endsWith('.conf') && /\.(service|socket|timer|path|mount|automount|swap|slice|scope|target)\.d$/.test(path.basename(dir)))) {
          found.push(full);
        }
      }
    };
    for (const r of this.roots) walk(r, 0);
    this.units = found.sort();
    return this.units;
  }

  read(file: string): UnitFile | undefined {
    let mtime: number;
    try {
      mtime = fs.statSync(file).mtimeMs;
    } catch {
      return undefined;
    }
    const cached = this.parsed.get(file);
    if (cached?.mtime === mtime) return cached.file;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    const parsed = parseUnitFile(new LineIndex(text)).ast;
    this.parsed.set(file, { mtime, file: parsed });
    return parsed;
  }
}

/** The unit a drop-in belongs to and the drop-ins of a unit, as files on disk (systemd.unit(5) search rules, one directory). */
export function unitFamily(filePath: string): { unit: string | undefined; dropIns: string[] } {
  const p = path.resolve(filePath);
  const parent = path.dirname(p);
  const isDropIn = /\.d$/.test(path.basename(parent)) && p.endsWith('.conf');
  const unitDir = isDropIn ? path.dirname(parent) : parent;
  const unitName = isDropIn ? path.basename(parent).slice(0, -2) : path.basename(p);
  const unit = isDropIn ? (fs.existsSync(path.join(unitDir, unitName)) ? path.join(unitDir, unitName) : undefined) : p;
  const type = unitName.slice(unitName.lastIndexOf('.') + 1);
  const template = /^([^@]+@)[^.]*(\..+)$/.exec(unitName);
  const dirs = [`${type}.d`, ...(template !== null ? [`${template[1] ?? ''}${template[2] ?? ''}.d`] : []), `${unitName}.d`];
  const dropIns: string[] = [];
  for (const d of dirs) {
    let names: string[] = [];
    try {
      names = fs.readdirSync(path.join(unitDir, d)).filter((n) => n.endsWith('.conf'));
    } catch {
      continue;
    }
    for (const n of names.sort()) dropIns.push(path.join(unitDir, d, n));
  }
  // systemd applies drop-ins by file name across their directories.
  dropIns.sort((a, b) => (path.basename(a) < path.basename(b) ? -1 : path.basename(a) > path.basename(b) ? 1 : 0));
  return { unit, dropIns };
}
