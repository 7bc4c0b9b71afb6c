// Owns where rule fixtures live and how `.fixed` siblings are named.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Repository root, found from the compiled or source location. */
export const ROOT = ((): string => {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'server'))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error('repository root not found');
})();

export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'rules');

export function isFixedFile(file: string): boolean {
  return /\.fixed(\.[^/]*)?$/.test(path.basename(file)) || path.basename(file).includes('.fixed.');
}

export function fixedPathOf(file: string): string {
  const base = path.basename(file);
  const m = /^(GDL\d{3}-[a-z0-9-]+)(.*)$/.exec(base);
  return path.join(path.dirname(file), m === null ? `${base}.fixed` : `${m[1]}.fixed${m[2] ?? ''}`);
}

/** Every regular file below `dir`, sorted (none when it does not exist). */
export function filesBelow(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Every fixture below test/fixtures/rules (subfolders such as binfmt.d/ give files their real context). */
export function fixtureFiles(): string[] {
  return filesBelow(FIXTURES).filter((f) => /^GDL\d{3}-/.test(path.basename(f)) && !isFixedFile(f));
}
