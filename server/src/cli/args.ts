// Owns command-line parsing for the CLI: a small, strict parser with one-line errors.
import { ENV_DIALECTS } from '../parsers/dotenv/dialects';
import { LANGUAGE_IDS, isLanguageId, type LanguageId } from '../workspace/language-id';

export const FORMATS = ['text', 'json', 'sarif', 'gitlab', 'checkstyle', 'github'] as const;
export type Format = (typeof FORMATS)[number];
export const FAIL_ON = ['error', 'warning', 'information', 'hint', 'none'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface LintOptions {
  readonly command: 'lint';
  readonly paths: string[];
  readonly format: Format;
  readonly fix: boolean;
  readonly unsafeFixes: boolean;
  readonly failOn: FailOn;
  readonly config: string | undefined;
  readonly language: LanguageId | undefined;
  readonly stdinFilename: string | undefined;
  readonly strict: boolean;
  /** Files above this size are refused (named) or skipped (walked); default: the config's maxFileSizeMB. */
  readonly maxFileSizeMB: number | undefined;
  /** `--root DIR`: the project folders other files are looked up in; default: the paths given. */
  readonly roots: string[];
  /** `--baseline FILE`: findings recorded there are not reported. */
  readonly baseline: string | undefined;
  /** `--write-baseline FILE`: record the current findings there (and report nothing as new). */
  readonly writeBaseline: string | undefined;
}

export interface ScanOptions {
  readonly command: 'scan';
  readonly hosts: string[];
  readonly sshConfig: string | undefined;
  readonly binaries: string[];
  readonly units: string[];
  readonly format: Format;
  readonly failOn: FailOn;
  readonly config: string | undefined;
  /** Hosts probed at once. */
  readonly jobs: number;
  /** A host that takes longer is stopped (the probe on it stops itself 2 s earlier); default: the config's. */
  readonly timeoutSeconds: number | undefined;
  /** `--root DIR`: the workspace whose units the hosts are compared with; default: none. */
  readonly roots: string[];
  /** `--inventory FILE`: hosts and how to reach them come from an Ansible inventory; Ansible runs the probe. */
  readonly inventory: string | undefined;
  /** `--limit PATTERN`: an Ansible host pattern within the inventory. */
  readonly limit: string | undefined;
  /** `--report FILE.md`: an inventory scan's fleet report in Markdown, with SVG charts next to it. */
  readonly report: string | undefined;
}

export type Command =
  | LintOptions
  | ScanOptions
  | { readonly command: 'rules'; readonly format: 'text' | 'json' }
  | { readonly command: 'lsp' }
  | { readonly command: 'help' }
  | { readonly command: 'version' };

export class UsageError extends Error {}

export const LINT_FLAGS = [
  '--format',
  '--fix',
  '--unsafe-fixes',
  '--fail-on',
  '--config',
  '--language',
  '--stdin-filename',
  '--strict',
  '--max-file-size-mb',
  '--root',
  '--baseline',
  '--write-baseline',
  '--help',
];
export const SCAN_FLAGS = [
  '--ssh',
  '--inventory',
  '--limit',
  '--report',
  '--ssh-config',
  '--binary',
  '--unit',
  '--format',
  '--fail-on',
  '--config',
  '--root',
  '--timeout',
  '--jobs',
  '--help',
];

/** Edit distance (insertions, deletions, substitutions), for suggestions. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j] ?? 0;
      row[j] = Math.min(up + 1, (row[j - 1] ?? 0) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length] ?? 0;
}

/** `; did you mean --fix?` when a known word is close enough to be the one meant, else nothing. */
function didYouMean(word: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = distance(word, k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(best.length / 3)) ? `; did you mean ${best}?` : '';
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T {
  if (value === undefined || !(allowed as readonly string[]).includes(value))
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')}`);
  return value as T;
}

export function parseArgs(argv: readonly string[]): Command {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || cmd === '--help' || cmd === '-h' || cmd === 'help') return { command: 'help' };
  if (cmd === '--version' || cmd === '-v') return { command: 'version' };
  if (cmd === 'lsp') {
    if (rest.includes('--help') || rest.includes('-h')) return { command: 'help' };
    if (rest.some((a) => a !== '--stdio' && a !== '--node-ipc' && !a.startsWith('--clientProcessId')))
      throw new UsageError('lsp takes only --stdio');
    return { command: 'lsp' };
  }
  if (cmd === 'rules') {
    let format: 'text' | 'json' = 'text';
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i];
      if (a === '--help' || a === '-h') return { command: 'help' };
      if (a === '--format') format = oneOf('--format', rest[++i], ['text', 'json']);
      else if (a?.startsWith('--format=')) format = oneOf('--format', a.slice(9), ['text', 'json']);
      else throw new UsageError(`unknown option for rules: ${a ?? ''}${didYouMean(a ?? '', ['--format', '--help'])}`);
    }
    return { command: 'rules', format };
  }
  if (cmd === 'scan') {
    const o = {
      command: 'scan' as const,
      hosts: [] as string[],
      sshConfig: undefined as string | undefined,
      binaries: [] as string[],
      units: [] as string[],
      format: 'text' as Format,
      failOn: 'error' as FailOn,
      config: undefined as string | undefined,
      jobs: 4,
      timeoutSeconds: undefined as number | undefined,
      roots: [] as string[],
      inventory: undefined as string | undefined,
      limit: undefined as string | undefined,
      report: undefined as string | undefined,
    };
    for (let i = 0; i < rest.length; i++) {
      const raw = rest[i] ?? '';
      const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
      const flag = eq === -1 ? raw : raw.slice(0, eq);
      const value = (): string => {
        const v = eq === -1 ? rest[++i] : raw.slice(eq + 1);
        if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
        return v;
      };
      switch (flag) {
        case '--help':
        case '-h':
          return { command: 'help' };
        case '--ssh': {
          const dest = value();
          // A destination is one word for ssh: whitespace or control characters are a typo or an injection attempt.
          if (/[\s\x00-\x1f\x7f]/.test(dest))
            throw new UsageError(`--ssh destination ${JSON.stringify(dest)} contains whitespace or control characters`);
          o.hosts.push(dest);
          break;
        }
        case '--ssh-config':
          o.sshConfig = value();
          break;
        case '--binary':
          o.binaries.push(value());
          break;
        case '--unit':
          o.units.push(value());
          break;
        case '--format':
          o.format = oneOf('--format', value(), FORMATS);
          break;
        case '--fail-on':
          o.failOn = oneOf('--fail-on', value(), FAIL_ON);
          break;
        case '--config':
          o.config = value();
          break;
        case '--root':
          o.roots.push(value());
          break;
        case '--inventory':
          o.inventory = value();
          break;
        case '--limit':
          o.limit = value();
          break;
        case '--report':
          o.report = value();
          break;
        case '--timeout': {
          const n = Number(value());
          if (!Number.isInteger(n) || n < 3 || n > 600)
            throw new UsageError('--timeout must be a whole number of seconds from 3 to 600');
          o.timeoutSeconds = n;
          break;
        }
        case '--jobs': {
          const n = Number(value());
          if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError('--jobs must be an integer from 1 to 64');
          o.jobs = n;
          break;
        }
        default:
          throw new UsageError(`unknown option for scan: ${raw}${didYouMean(flag, SCAN_FLAGS)}`);
      }
    }
    if (o.inventory !== undefined && o.hosts.length > 0)
      throw new UsageError('--inventory and --ssh do not mix: put the hosts in the inventory, or name them with --ssh');
    if (o.limit !== undefined && o.inventory === undefined) throw new UsageError('--limit needs --inventory');
    if (o.report !== undefined && o.inventory === undefined) throw new UsageError('--report needs --inventory');
    return o;
  }
  if (cmd !== 'lint')
    throw new UsageError(
      `unknown command \`${cmd}\`${didYouMean(cmd, ['lint', 'scan', 'rules', 'lsp'])} (expected lint, scan, rules or lsp)`,
    );
  const o = {
    command: 'lint' as const,
    paths: [] as string[],
    format: 'text' as Format,
    fix: false,
    unsafeFixes: false,
    failOn: 'error' as FailOn,
    config: undefined as string | undefined,
    language: undefined as LanguageId | undefined,
    stdinFilename: undefined as string | undefined,
    strict: false,
    maxFileSizeMB: undefined as number | undefined,
    roots: [] as string[],
    baseline: undefined as string | undefined,
    writeBaseline: undefined as string | undefined,
  };
  for (let i = 0; i < rest.length; i++) {
    const raw = rest[i] ?? '';
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const flag = eq === -1 ? raw : raw.slice(0, eq);
    const value = (): string | undefined => (eq === -1 ? rest[++i] : raw.slice(eq + 1));
    switch (flag) {
      case '--format':
        o.format = oneOf('--format', value(), FORMATS);
        break;
      case '--fix':
        o.fix = true;
        break;
      case '--unsafe-fixes':
        o.unsafeFixes = true;
        break;
      case '--fail-on':
        o.failOn = oneOf('--fail-on', value(), FAIL_ON);
        break;
      case '--config': {
        const v = value();
        if (v === undefined || v === '') throw new UsageError('--config needs a file');
        o.config = v;
        break;
      }
      case '--language': {
        const v = value();
        if (v === undefined || !isLanguageId(v))
          throw new UsageError(`--language must be one of ${LANGUAGE_IDS.join(', ')}`);
        o.language = v;
        break;
      }
      case '--stdin-filename': {
        const v = value();
        if (v === undefined || v === '') throw new UsageError('--stdin-filename needs a name');
        o.stdinFilename = v;
        break;
      }
      case '--strict':
        o.strict = true;
        break;
      case '--root': {
        const v = value();
        if (v === undefined || v === '') throw new UsageError('--root needs a directory');
        o.roots.push(v);
        break;
      }
      case '--baseline':
      case '--write-baseline': {
        const v = value();
        if (v === undefined || v === '') throw new UsageError(`${flag} needs a file`);
        if (flag === '--baseline') o.baseline = v;
        else o.writeBaseline = v;
        break;
      }
      case '--max-file-size-mb': {
        const n = Number(value());
        if (!Number.isFinite(n) || n < 1 || n > 64)
          throw new UsageError('--max-file-size-mb must be a number from 1 to 64');
        o.maxFileSizeMB = n;
        break;
      }
      case '--help':
      case '-h':
        return { command: 'help' };
      default:
        if (raw.startsWith('-') && raw !== '-')
          throw new UsageError(`unknown option ${raw}${didYouMean(flag, LINT_FLAGS)}`);
        o.paths.push(raw);
    }
  }
  // Like ESLint and Ruff: no path means the current directory.
  if (o.paths.length === 0) o.paths.push('.');
  if (o.paths.includes('-') && o.fix)
    throw new UsageError('--fix cannot rewrite stdin; pipe the file through a temporary copy');
  if (o.unsafeFixes && !o.fix) throw new UsageError('--unsafe-fixes needs --fix');
  return o;
}

export const HELP = `Usage: go-deploy-lint <command> [options]

Commands:
  lint [paths...]        Lint files or directories (recursive; skips node_modules and .git); no path: the current
                         directory.
                         Use - to read stdin (with --stdin-filename to pick the language).
  scan [--ssh DEST]...   Check hosts (this machine without --ssh) with the read-only probe, over ssh.
       [--ssh-config FILE] [--binary PATH]... [--unit NAME]... [--jobs N (default 4)]
       [--timeout SECONDS (default 60; the probe stops itself on the host 2 s earlier)]
       [--format FORMAT] [--fail-on LEVEL] [--root DIR (the workspace to compare with)]...
  scan --inventory FILE [--limit PATTERN] [--jobs N] [--report FLEET.md]
                         The hosts of an Ansible inventory, reached and run by Ansible itself (the raw
                         module: nothing copied, no Python on the hosts); a fleet summary follows the
                         findings; --report writes it as Markdown with SVG charts. Needs ansible-core.
  rules [--format json]  List every rule.
  lsp --stdio            Run the language server for other editors.
  --version              Print the version.
  --help                 Print this help.

Lint options:
  --format FORMAT            text (default), json, sarif (code scanning), gitlab (Code Quality), checkstyle (XML),
                             github (workflow commands: annotations in GitHub Actions).
  --fix                      Apply safe fixes in place (repeats until nothing changes).
  --unsafe-fixes             With --fix, also apply fixes marked unsafe.
  --fail-on LEVEL            error|warning|information|hint|none: lowest severity that exits 1 (default error).
  --config FILE              Settings file (default: .go-deploy-lint.json found upward from the current directory).
  --language ID              Force the language: ${LANGUAGE_IDS.join(', ')}.
  --stdin-filename NAME      Path used for stdin (language detection, go.mod lookup).
  --strict                   Also report unused suppressions (GDL003).
  --baseline FILE            Do not report findings recorded in FILE (adopt the linter on a large repository:
                             only new findings fail). Stable when lines move.
  --write-baseline FILE      Record the current findings in FILE and exit 0.
  --root DIR                 Project folder where other files are looked up (units naming an env file in
                             EnvironmentFile=, binfmt.d precedence, go.mod); repeatable. Default: each
                             directory given, and the folder of each file given. Never the current directory.
  --max-file-size-mb N       Refuse named files and skip walked files larger than N MB (default: the config's
                             maxFileSizeMB, 8). Only regular files are read; links are followed.

Env dialects for the config's "envDialects": ${ENV_DIALECTS.join(', ')}.
Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage or I/O error (a path that cannot be read is
reported after the files that can).
`;
