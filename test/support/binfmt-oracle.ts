// Owns the kernel oracle: registers strings in a private binfmt_misc instance (user + mount namespace) and compares errno.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseRegistration } from '../../server/src/parsers/binfmt/registration';
import { LineIndex } from '../../server/src/text/line-index';
import { parseBinfmtD } from '../../server/src/parsers/binfmt/parse-binfmt-d';
import { FIXTURES } from './fixture-files';

/** Runs inside `unshare --user --map-root-user --mount`: mounts a private binfmt_misc and writes each case to its register. */
const HELPER = `set -u
d=$(mktemp -d)
mount -t binfmt_misc binfmt_misc "$d" || { echo "MOUNT-FAILED"; exit 3; }
for f in "$1"/case-*; do
  n=$(basename "$f")
  if err=$(cat "$f" 2>&1 > "$d/register"); then
    echo "$n OK"
    for e in "$d"/*; do case "$(basename "$e")" in register|status) ;; *) echo -1 > "$e" 2>/dev/null ;; esac; done
  else
    echo "$n ERR $err"
  fi
done
umount "$d"`;

export interface OracleCase {
  readonly source: string;
  readonly raw: string;
}

export interface OracleResult {
  readonly available: boolean;
  readonly reason?: string;
  readonly compared: number;
  readonly disagreements: { source: string; raw: string; kernel: string; ours: string }[];
}

function errnoOf(message: string): string {
  if (/Invalid argument/.test(message)) return 'EINVAL';
  if (/File exists/.test(message)) return 'EEXIST';
  if (/too long/i.test(message)) return 'ENAMETOOLONG';
  if (/No such file/.test(message)) return 'ENOENT';
  return `OTHER(${message.trim()})`;
}

/** Every registration line of the binfmt.d fixtures, plus edge cases of the kernel grammar. */
export function oracleCases(): OracleCase[] {
  const cases: OracleCase[] = [];
  const dir = path.join(FIXTURES, 'binfmt', 'binfmt.d');
  for (const f of fs.readdirSync(dir)) {
    if (f.includes('.fixed')) continue;
    const { ast } = parseBinfmtD(new LineIndex(fs.readFileSync(path.join(dir, f), 'utf8')));
    for (const r of ast.registrations)
      cases.push({ source: `${f}:${r.statement.start.line + 1}`, raw: r.registration.raw });
  }
  const edge = [
    ':s:M::a::/b:',
    ':s:M::a:',
    ':s:M::a::/bin/true',
    ':s:M:+5:a::/b:',
    ':s:M: 5:a::/b:',
    ':s:M:255:a::/b:',
    ':s:M:255:ab::/b:',
    ':s:M:128:ab::/b:',
    ':s:M::\\x7:',
    ':s:M::\\x7g::/b:',
    ':s:M::ab:\\xff::/b:',
    ':s:E:junk:go:junk:/b:',
    ':s:E::a/b::/b:',
    ':s:M::a::/b:FFOPP',
    ':s:M::a::/b:T',
    ':s:M::a::/b:P ',
    ':s:M::a::/b:P\r\n',
    '|s|M||a||/b|',
    ',s,M,,a,,/b,',
    'Ps:M::a::/b:',
    ':register:M::a::/b:',
    ':status:E::x::/b:',
    ':..:M::a::/b:',
    `:${'n'.repeat(255)}:M::a::/b:`,
    `:${'n'.repeat(256)}:M::a::/b:`,
  ];
  for (const e of edge) cases.push({ source: 'edge', raw: `${e}${e.endsWith('\n') ? '' : '\n'}` });
  return cases;
}

/** Runs the cases in a private binfmt_misc; never touches the host's instance. */
export function runOracle(cases: readonly OracleCase[]): OracleResult {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-binfmt-oracle-'));
  try {
    cases.forEach((c, i) =>
      fs.writeFileSync(path.join(tmp, `case-${String(i).padStart(4, '0')}`), Buffer.from(c.raw, 'latin1')),
    );
    const r = spawnSync('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', HELPER, 'oracle', tmp], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (r.error !== undefined || r.status !== 0 || r.stdout.includes('MOUNT-FAILED')) {
      return {
        available: false,
        reason: `private binfmt_misc not available here (${r.error?.message ?? r.stderr.trim() ?? `exit ${r.status}`})`,
        compared: 0,
        disagreements: [],
      };
    }
    const disagreements: OracleResult['disagreements'] = [];
    let compared = 0;
    for (const line of r.stdout.split('\n')) {
      const m = /^case-(\d+) (OK|ERR)(.*)$/.exec(line);
      if (m === null) continue;
      const c = cases[Number(m[1])];
      if (c === undefined) continue;
      const kernel = m[2] === 'OK' ? 'OK' : errnoOf(m[3] ?? '');
      // With F the kernel opens the interpreter now: ENOENT means the grammar was accepted.
      const kernelGrammar = kernel === 'ENOENT' ? 'OK' : kernel;
      const reg = parseRegistration(c.raw);
      const ours = reg.rejection === undefined ? 'OK' : reg.rejection.errno;
      compared++;
      if (kernelGrammar !== ours)
        disagreements.push({
          source: c.source,
          raw: c.raw,
          kernel,
          ours:
            reg.rejection === undefined
              ? 'OK'
              : `${reg.rejection.errno} (${reg.rejection.code} ${reg.rejection.detail})`,
        });
    }
    return { available: true, compared, disagreements };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const result = runOracle(oracleCases());
  if (!result.available) {
    console.log(`oracle:binfmt skipped: ${result.reason ?? ''}`);
    process.exit(0);
  }
  console.log(
    `oracle:binfmt: ${result.compared} registrations compared with the kernel, ${result.compared - result.disagreements.length} agree, ${result.disagreements.length} disagree`,
  );
  for (const d of result.disagreements)
    console.log(`  ${d.source}: kernel ${d.kernel}, ours ${d.ours}: ${JSON.stringify(d.raw).slice(0, 120)}`);
  process.exit(result.disagreements.length === 0 ? 0 : 1);
}
