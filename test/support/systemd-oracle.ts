// Owns the systemd oracle: runs `systemd-analyze verify --man=no` on units and compares what both report, by line and category.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintText } from './lint-text';
import { filesBelow } from './fixture-files';

export type Category =
  | 'outside-section'
  | 'unknown-section'
  | 'section-header'
  | 'missing-equals'
  | 'unknown-key'
  | 'invalid-value'
  | 'specifier'
  | 'escape'
  | 'nobody'
  | 'unsupported';

/** verify's message → category (the log messages of src/core/load-fragment.c and src/shared/conf-parser.c). */
function categoryOfVerify(message: string): Category | undefined {
  if (/Assignment outside of section/.test(message)) return 'outside-section';
  if (/Unknown section/.test(message)) return 'unknown-section';
  if (/Invalid section header/.test(message)) return 'section-header';
  if (/Missing '='|Missing key name/.test(message)) return 'missing-equals';
  if (/Unknown key|Unknown lvalue/.test(message)) return 'unknown-key';
  if (/Failed to resolve unit specifiers/.test(message)) return 'specifier';
  if (/Ignoring unknown escape sequences/.test(message)) return 'escape';
  if (/Special user nobody configured/.test(message)) return 'nobody';
  if (/setting not supported for this unit type/.test(message)) return 'unsupported';
  if (/Failed to parse|Invalid |out of range|Soft resource limit|is not absolute|Failed to resolve/.test(message))
    return 'invalid-value';
  return undefined;
}

/** Our rule → category, for the rules whose subject verify also reports. */
const OURS: Readonly<Record<string, Category>> = {
  GDL201: 'outside-section',
  GDL202: 'unknown-section',
  GDL203: 'section-header',
  GDL204: 'missing-equals',
  GDL205: 'unknown-key',
  GDL206: 'unknown-key',
  GDL211: 'invalid-value',
  GDL216: 'invalid-value',
  GDL217: 'invalid-value',
  GDL208: 'specifier',
};

export interface SystemdOracleResult {
  readonly available: boolean;
  readonly reason?: string;
  readonly files: number;
  readonly agreed: number;
  readonly onlyVerify: string[];
  readonly onlyOurs: string[];
}

/** Our findings as `line:category`, the way verify's complaints are keyed; lines after `stopsAt` are left out. */
export function ourCategories(file: string, stopsAt = Infinity): Set<string> {
  const text = fs.readFileSync(file, 'utf8');
  const mine = new Set<string>();
  for (const f of lintText(text, { file }).findings) {
    // GDL207 reports the comment that makes a typed value invalid: the line systemd drops ("Failed to parse").
    const cat =
      f.rule.id === 'GDL207' && /line is ignored/.test(f.message)
        ? 'invalid-value'
        : f.rule.id === 'GDL211' && /not an escape systemd knows/.test(f.message)
          ? 'escape'
          : f.rule.id === 'GDL211' && /it is not safe/.test(f.message)
            ? 'nobody'
            : f.rule.id === 'GDL211' && /is not supported for/.test(f.message)
              ? 'unsupported'
              : OURS[f.rule.id];
    // Warnings of these rules are about things systemd accepts (a trailing %, glued quotes, newer enum values it does know).
    if (
      cat === undefined ||
      (f.severity !== 'error' &&
        cat !== 'escape' &&
        cat !== 'nobody' &&
        cat !== 'unsupported' &&
        f.rule.id !== 'GDL211' &&
        f.rule.id !== 'GDL205' &&
        f.rule.id !== 'GDL202')
    )
      continue;
    const line = f.range.start.line + 1;
    if (line <= stopsAt) mine.add(`${line}:${cat}`);
  }
  return mine;
}

/** What `systemd-analyze verify` complains about in one unit file, as `line:category`, and where it stopped reading. */
export function verifyCategories(file: string, tmp: string): { theirs: Set<string>; stopsAt: number } {
  const copy = path.join(tmp, path.basename(file).replace(/^GDL\d{3}-/, 'u-'));
  fs.copyFileSync(file, copy);
  const r = spawnSync('systemd-analyze', ['verify', '--man=no', copy], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, SYSTEMD_LOG_COLOR: '0' },
  });
  fs.rmSync(copy, { force: true });
  const theirs = new Set<string>();
  const out = `${r.stderr}\n${r.stdout}`;
  let lastLine = 0;
  for (const line of out.split('\n')) {
    const m = /^(.*?):(\d+): (.*)$/.exec(line);
    if (m === null || !m[1]?.endsWith(path.basename(copy))) continue;
    lastLine = Math.max(lastLine, Number(m[2]));
    const cat = categoryOfVerify(m[3] ?? '');
    if (cat !== undefined) theirs.add(`${m[2]}:${cat}`);
  }
  // After a fatal setting systemd stops reading the unit: verify says nothing about the lines that follow.
  return { theirs, stopsAt: /Unit configuration has fatal error/.test(out) ? lastLine : Infinity };
}

export function verifyAvailable(): string | undefined {
  const r = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? undefined : 'systemd-analyze not installed (Debian package systemd)';
}

export function runSystemdOracle(files: readonly string[]): SystemdOracleResult {
  const missing = verifyAvailable();
  if (missing !== undefined)
    return { available: false, reason: missing, files: 0, agreed: 0, onlyVerify: [], onlyOurs: [] };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-verify-'));
  let agreed = 0;
  const onlyVerify: string[] = [];
  const onlyOurs: string[] = [];
  try {
    for (const file of files) {
      const { theirs, stopsAt } = verifyCategories(file, tmp);
      const mine = ourCategories(file, stopsAt);
      const name = path.basename(file);
      for (const k of theirs) (mine.has(k) ? () => agreed++ : () => onlyVerify.push(`${name}:${k}`))();
      for (const k of mine) if (!theirs.has(k)) onlyOurs.push(`${name}:${k}`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return { available: true, files: files.length, agreed, onlyVerify, onlyOurs };
}

/** Unit fixtures (not drop-ins: verify needs the unit they belong to). */
export function oracleUnitFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^GDL2\d\d-.*\.(service|socket|timer)$/.test(f) && !f.includes('.fixed'))
    .map((f) => path.join(dir, f))
    .sort();
}

const UNIT_FILE = /\.(service|socket|timer|path|mount|automount|swap|target|slice|scope)$/;

/**
 * systemd's own test units (test/test-execute, test/units, test/test-path) and its unit-file fuzz corpus
 * (test/fuzz/fuzz-unit-file, whose first line names the unit type) as unit files in `out`.
 */
export function systemdTestTree(tree: string, out: string): { units: string[]; fuzz: string[] } {
  const units = ['test-execute', 'units', 'test-path']
    .flatMap((d) => filesBelow(path.join(tree, 'test', d)))
    .filter((f) => UNIT_FILE.test(f) && !/\.d\//.test(f));
  const fuzz: string[] = [];
  for (const f of filesBelow(path.join(tree, 'test', 'fuzz', 'fuzz-unit-file'))) {
    const text = fs.readFileSync(f, 'latin1');
    // The fuzzer reads the first line as a C string: it ends at a NUL too.
    const type = /^[^\n\0]*/.exec(text)?.[0].trim() ?? '';
    if (!/^[a-z]+$/.test(type)) continue;
    const name = path.basename(f).endsWith(`.${type}`) ? path.basename(f) : `${path.basename(f)}.${type}`;
    const target = path.join(out, name);
    fs.writeFileSync(target, text.slice(text.indexOf('\n') + 1), 'latin1');
    fuzz.push(target);
  }
  return { units, fuzz };
}

function printResult(label: string, r: SystemdOracleResult): void {
  console.log(
    `${label}: ${r.files} units; ${r.agreed} complaints reported by both, ${r.onlyVerify.length} only by systemd-analyze verify, ${r.onlyOurs.length} only by us`,
  );
  const byClass = new Map<string, number>();
  for (const x of [
    ...r.onlyVerify.map((v) => `only verify ${v.split(':').pop() ?? ''}`),
    ...r.onlyOurs.map((v) => `only ours ${v.split(':').pop() ?? ''}`),
  ])
    byClass.set(x, (byClass.get(x) ?? 0) + 1);
  for (const [k, n] of [...byClass].sort()) console.log(`  ${String(n).padStart(4)}  ${k}`);
  for (const x of r.onlyVerify) console.log(`  only verify: ${x}`);
  for (const x of r.onlyOurs) console.log(`  only ours:   ${x}`);
}

if (require.main === module) {
  // `npm run oracle:systemd` compares the fixtures; `-- --tree DIR` a systemd source tree (`-- --fetch` downloads
  // Debian's with `apt-get source`, which needs deb-src lines).
  const args = process.argv.slice(2);
  if (verifyAvailable() !== undefined) {
    console.log(`oracle:systemd skipped: ${verifyAvailable() ?? ''}`);
    process.exit(0);
  }
  let tree = args[args.indexOf('--tree') + 1];
  if (args.includes('--fetch')) {
    const dir = path.join(os.tmpdir(), 'gdl-systemd-src');
    fs.mkdirSync(dir, { recursive: true });
    const r = spawnSync('apt-get', ['source', '--download-only', 'systemd'], { cwd: dir, stdio: 'inherit' });
    const tarball = fs.readdirSync(dir).find((f) => /^systemd_.*\.orig\.tar\.gz$/.test(f));
    if (r.status !== 0 || tarball === undefined) {
      console.log('oracle:systemd: apt-get source systemd failed (add deb-src lines that mirror the deb lines)');
      process.exit(1);
    }
    spawnSync('tar', ['-xzf', path.join(dir, tarball), '-C', dir, '--wildcards', '*/test/*'], { stdio: 'inherit' });
    tree = path.join(
      dir,
      fs.readdirSync(dir).find((f) => f.startsWith('systemd-') && fs.statSync(path.join(dir, f)).isDirectory()) ?? '',
    );
  }
  if (args.includes('--tree') || args.includes('--fetch')) {
    if (tree === undefined || !fs.existsSync(path.join(tree, 'test'))) {
      console.log(`oracle:systemd: no systemd source tree at ${tree ?? '(none)'}`);
      process.exit(1);
    }
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-fuzz-units-'));
    const { units, fuzz } = systemdTestTree(tree, tmp);
    printResult('systemd test units', runSystemdOracle(units));
    printResult('unit-file fuzz corpus', runSystemdOracle(fuzz));
    fs.rmSync(tmp, { recursive: true, force: true });
    process.exit(0);
  }
  const dir = args[0] ?? path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'rules', 'systemd');
  const files = fs.statSync(dir).isDirectory() ? oracleUnitFiles(dir) : [dir];
  const r = runSystemdOracle(files);
  printResult('oracle:systemd (fixtures)', r);
  process.exit(r.onlyVerify.length + r.onlyOurs.length === 0 ? 0 : 1);
}
