// Lints the real-world env files of ../shared/corpus (not shipped with the project) to hunt crashes and false positives.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const CORPUS = process.env.GDL_CORPUS ?? path.resolve(ROOT, '..', 'shared', 'corpus');
if (!fs.existsSync(CORPUS)) {
  console.log(
    `corpus: not found at ${CORPUS}. It exists only in the development workspace (set GDL_CORPUS to point at a copy); nothing to lint.`,
  );
  process.exit(0);
}
const cli = path.join(ROOT, 'dist', 'cli.js');
/** `--save DIR` keeps each set's JSON output, so two trees' outputs can be compared with `diff -r`. */
const saveIdx = process.argv.indexOf('--save');
const saveDir = saveIdx >= 0 ? path.resolve(process.argv[saveIdx + 1]) : undefined;
if (saveDir) fs.mkdirSync(saveDir, { recursive: true });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-corpus-'));
const systemdConfig = path.join(tmp, 'systemd.json');
fs.writeFileSync(systemdConfig, JSON.stringify({ envDialects: { '**': 'systemd' } }));

/** Each set with the dialect its consumers use: /etc/default files are read by units' EnvironmentFile=. */
const SETS = [
  { name: 'dotenv', args: ['--language', 'dotenv'] },
  { name: 'envfile-default', args: ['--language', 'dotenv', '--config', systemdConfig] },
  { name: 'envfile-other', args: ['--language', 'dotenv', '--config', systemdConfig] },
  // The rest by file name (units, drop-ins, binfmt.d files, Dockerfiles; other files are skipped).
  { name: 'systemd', args: [] },
  { name: 'systemd-go', args: [] },
  { name: 'binfmt', args: [] },
  { name: 'dockerfile', args: [] },
  // Compose files, also those under other names (found by content); manifests by content (`apiVersion:` + `kind:`).
  { name: 'compose', args: ['--language', 'compose'] },
  { name: 'k8s', args: [] },
];
let crashed = false;
for (const set of SETS) {
  const dir = path.join(CORPUS, set.name);
  if (!fs.existsSync(dir)) continue;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, 'lint', dir, ...set.args, '--format', 'json', '--fail-on', 'none'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) {
    crashed = true;
    console.log(`${set.name}: exit ${r.status}: ${r.stderr.trim()}`);
    continue;
  }
  const out = JSON.parse(r.stdout);
  if (saveDir) fs.writeFileSync(path.join(saveDir, `${set.name}.json`), r.stdout);
  const counts = new Map();
  for (const f of out.files)
    for (const d of f.diagnostics)
      counts.set(`${d.severity} ${d.code}`, (counts.get(`${d.severity} ${d.code}`) ?? 0) + 1);
  console.log(`\n${set.name}: ${out.files.length} files in ${ms.toFixed(0)} ms`);
  for (const [k, n] of [...counts].sort()) console.log(`  ${String(n).padStart(4)}  ${k}`);
  for (const f of out.files) {
    for (const d of f.diagnostics) {
      if (d.severity === 'error' || d.severity === 'warning')
        console.log(
          `  ${path.relative(CORPUS, f.path)}:${d.range.start.line + 1}: ${d.severity} ${d.code} ${d.message}`,
        );
    }
  }
}
fs.rmSync(tmp, { recursive: true, force: true });
process.exit(crashed ? 1 : 0);
