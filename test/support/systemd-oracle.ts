// Owns the systemd oracle: runs `systemd-analyze verify --man=no` on units and compares what both report, by line and category.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintText } from './lint-text';

export type Category = 'outside-section' | 'unknown-section' | 'section-header' | 'missing-equals' | 'unknown-key' | 'invalid-value' | 'specifier' | 'escape';

/** verify's message → category (ground-truth B.7). */
function categoryOfVerify(message: string): Category | undefined {
  if (/Assignment outside of section/.test(message)) return 'outside-section';
  if (/Unknown section/.test(message)) return 'unknown-section';
  if (/Invalid section header/.test(message)) return 'section-header';
  if (/Missing '='|Missing key name/.test(message)) return 'missing-equals';
  if (/Unknown key|Unknown lvalue/.test(message)) return 'unknown-key';
  if (/Failed to resolve unit specifiers/.test(message)) return 'specifier';
  if (/Ignoring unknown escape sequences/.test(message)) return 'escape';
  if (/Failed to parse|Invalid |out of range|Soft resource limit|is not absolute|Failed to resolve/.test(message)) return 'invalid-value';
  return undefined;
}

/** Our rule → category, for the rules whose subject verify also reports. */
const OURS: Readonly<Record<string, Category>> = {
  GDL201: 'outside-section', GDL202: 'unknown-section', GDL203: 'section-header', GDL204: 'missing-equals', GDL205: 'unknown-key', GDL206: 'unknown-key',
  GDL211: 'invalid-value', GDL216: 'invalid-value', GDL217: 'invalid-value', GDL208: 'specifier',
};

export interface SystemdOracleResult {
  readonly available: boolean;
  readonly reason?: string;
  readonly files: number;
  readonly agreed: number;
  readonly onlyVerify: string[];
  readonly onlyOurs: string[];
}

export function verifyAvailable(): string | undefined {
  const r = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? undefined : 'systemd-analyze not installed (Debian package systemd)';
}

export function runSystemdOracle(files: readonly string[]): SystemdOracleResult {
  const missing = verifyAvailable();
  if (missing !== undefined) return { available: false, reason: missing, files: 0, agreed: 0, onlyVerify: [], onlyOurs: [] };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-verify-'));
  let agreed = 0;
  const onlyVerify: string[] = [];
  const onlyOurs: string[] = [];
  try {
    for (const file of files) {
      const copy = path.join(tmp, path.basename(file).replace(/^GDL\d{3}-/, 'u-'));
      fs.copyFileSync(file, copy);
      const r = spawnSync('systemd-analyze', ['verify', '--man=no', copy], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, SYSTEMD_LOG_COLOR: '0' } });
      const theirs = new Set<string>();
      for (const line of `${r.stderr}\n${r.stdout}`.split('\n')) {
        const m = /^(.*?):(\d+): (.*)$/.exec(line);
        if (m === null || !m[1]?.endsWith(path.basename(copy))) continue;
        const cat = categoryOfVerify(m[3] ?? '');
        if (cat !== undefined) theirs.add(`${m[2]}:${cat}`);
      }
      const text = fs.readFileSync(file, 'utf8');
      const mine = new Set<string>();
      for (const f of lintText(text, { file }).findings) {
        // GDL207 reports the comment that makes a typed value invalid: the line systemd drops ("Failed to parse").
        const cat = f.rule.id === 'GDL207' && /line is ignored/.test(f.message) ? 'invalid-value' : f.rule.id === 'GDL211' && /not an escape systemd knows/.test(f.message) ? 'escape' : OURS[f.rule.id];
        // Warnings of these rules are about things systemd accepts (a trailing %, glued quotes, newer enum values it does know).
        if (cat === undefined || (f.severity !== 'error' && cat !== 'escape' && f.rule.id !== 'GDL211' && f.rule.id !== 'GDL205' && f.rule.id !== 'GDL202')) continue;
        const line = (f.rule.id === 'GDL204' || f.rule.id === 'GDL203' ? f.range.start.line : f.range.start.line) + 1;
        mine.add(`${line}:${cat}`);
      }
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
  return fs.readdirSync(dir).filter((f) => /^GDL2\d\d-.*\.(service|socket|timer)$/.test(f) && !f.includes('.fixed')).map((f) => path.join(dir, f)).sort();
}

if (require.main === module) {
  const dir = process.argv[2] ?? path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'rules', 'systemd');
  const files = fs.statSync(dir).isDirectory() ? oracleUnitFiles(dir) : [dir];
  const r = runSystemdOracle(files);
  if (!r.available) {
    console.log(`oracle:systemd skipped: ${r.reason ?? ''}`);
    process.exit(0);
  }
  console.log(`oracle:systemd: ${r.files} units; ${r.agreed} findings reported by both, ${r.onlyVerify.length} only by systemd-analyze verify, ${r.onlyOurs.length} only by us (categories: unknown key/section, missing =, invalid values, specifiers)`);
  for (const x of r.onlyVerify) console.log(`  only verify: ${x}`);
  for (const x of r.onlyOurs) console.log(`  only ours:   ${x}`);
  process.exit(r.onlyVerify.length + r.onlyOurs.length === 0 ? 0 : 1);
}
