// Owns the workspace's systemd units: drop-ins of a unit, and where absolute paths in units point inside the workspace.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineIndex } from '../text/line-index';
import { parseUnitFile } from '../parsers/systemd/parse';
import type { UnitFile } from '../parsers/systemd/ast';
import { UNIT_TYPES } from '../knowledge/systemd-directives';
import { findFiles, ParsedFiles } from './files';

const UNIT_FILE = new RegExp(`\\.(${UNIT_TYPES.join('|')})$`);
const DROP_IN_DIR = new RegExp(`\\.(${UNIT_TYPES.join('|')})\\.d$`);

export class UnitIndex {
  private units: string[] | undefined;
  private readonly parsed = new ParsedFiles((text) => parseUnitFile(new LineIndex(text)).ast);

  constructor(private readonly roots: readonly string[]) {}

  invalidate(): void {
    this.units = undefined;
  }

  /** Every unit file and drop-in below the roots. */
  allUnits(): readonly string[] {
    return (this.units ??= findFiles(
      this.roots,
      (dir, name) => UNIT_FILE.test(name) || (name.endsWith('.conf') && DROP_IN_DIR.test(path.basename(dir))),
    ));
  }

  read(file: string): UnitFile | undefined {
    return this.parsed.get(file);
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
  const dirs = [
    `${type}.d`,
    ...(template !== null ? [`${template[1] ?? ''}${template[2] ?? ''}.d`] : []),
    `${unitName}.d`,
  ];
  const dropIns: string[] = [];
  for (const d of dirs) {
    let names: string[];
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
