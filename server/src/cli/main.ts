// Owns the CLI entry: dispatch commands, print results, map outcomes to exit codes (0 clean, 1 findings, 2 usage/I-O).
import { MAX_FINDINGS } from '../analysis/analyze';
import { printable } from '../text/printable';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../rules/index';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { HELP, parseArgs, UsageError, type Format, type LintOptions } from './args';
import { applyBaseline, writeBaseline } from './baseline';
import { formatCheckstyle, formatGithub, formatGitlab } from './format-ci';
import type { FileReport } from './report';
import type { Rule } from '../rules/rule';
import { docFileName } from '../analysis/rule-docs';
import { findConfig, loadConfig } from './config';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
import { runLint } from './lint';
import { runInventoryScan, runScans } from './scan';
import { writeFleetReport } from './fleet';
import { fleetSummary } from '../host/fleet';
import { SEVERITY_RANK } from '../rules/rule';
import { IoError } from './walk';

declare const GDL_VERSION: string | undefined;
declare const GDL_REPOSITORY: string | undefined;

interface PackageFacts {
  readonly version: string;
  /** The repository's web address (package.json `repository.url`, without `.git`). */
  readonly repository: string;
}

let packageFacts: PackageFacts | undefined;

/** Version and repository: set by the bundler from package.json, else read from it (compiled sources). */
function facts(): PackageFacts {
  if (packageFacts !== undefined) return packageFacts;
  if (typeof GDL_VERSION === 'string' && typeof GDL_REPOSITORY === 'string')
    return (packageFacts = { version: GDL_VERSION, repository: GDL_REPOSITORY });
  for (let dir = __dirname, i = 0; i < 6; i++, dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
        repository?: { url?: string };
      };
      if (pkg.name === 'go-deploy-lint' && pkg.version !== undefined)
        return (packageFacts = { version: pkg.version, repository: (pkg.repository?.url ?? '').replace(/\.git$/, '') });
    } catch {
      // keep looking upward
    }
  }
  return (packageFacts = { version: '0.0.0', repository: '' });
}

export function version(): string {
  return facts().version;
}

export interface Io {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly readStdin: () => string;
}

function settingsFor(opts: LintOptions): Settings {
  const file = opts.config ?? findConfig(process.cwd());
  const base = file === undefined ? DEFAULT_SETTINGS : loadConfig(file);
  return opts.strict ? { ...base, reportUnusedSuppressions: true } : base;
}

/** The rule's page in the repository, for SARIF's helpUri (code scanning links alerts to it). */
function helpUri(rule: Pick<Rule, 'id' | 'name'>): string {
  return `${facts().repository}/blob/main/docs/rules/${docFileName(rule)}`;
}

/** Writes the reports in the chosen format. */
function output(io: Io, format: Format, reports: readonly FileReport[], exit: number, skipped = 0): void {
  switch (format) {
    case 'json':
      for (const c of formatJson(reports)) io.stdout(c);
      return;
    case 'sarif':
      for (const c of formatSarif(reports, version(), {
        exitCode: exit,
        cwd: process.cwd(),
        helpUri,
        informationUri: facts().repository,
      }))
        io.stdout(c);
      return;
    case 'gitlab':
      io.stdout(formatGitlab(reports));
      return;
    case 'checkstyle':
      io.stdout(formatCheckstyle(reports));
      return;
    case 'github':
      io.stdout(formatGithub(reports));
      return;
    case 'text':
      io.stdout(formatText(reports, skipped));
      return;
  }
}

function exitCode(
  reports: readonly { findings: readonly { severity: keyof typeof SEVERITY_RANK }[] }[],
  failOn: string,
): number {
  if (failOn === 'none') return 0;
  const threshold = SEVERITY_RANK[failOn as keyof typeof SEVERITY_RANK];
  return reports.some((r) => r.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold)) ? 1 : 0;
}

/**
 * Loads the language server only for `lsp`: the CLI bundle carries none of it. Next to dist/cli.js sits
 * dist/server.js, which starts the server when loaded; compiled sources load server.ts and start it.
 */
function startLanguageServer(): void {
  const bundled = path.join(__dirname, 'server.js');
  const file = fs.existsSync(bundled) ? bundled : path.join(__dirname, '..', 'server.js');
  // A computed path: the bundler leaves it to run time instead of inlining the server.
  const load = require as (id: string) => { startServer?: () => void };
  load(file).startServer?.();
}

/** Runs the CLI and returns the exit code; `lsp` never returns (the server keeps the process alive). */
export async function main(argv: readonly string[], io: Io): Promise<number | 'serving'> {
  try {
    const cmd = parseArgs(argv);
    switch (cmd.command) {
      case 'help':
        io.stdout(HELP);
        return 0;
      case 'version':
        io.stdout(`${version()}\n`);
        return 0;
      case 'lsp': {
        startLanguageServer();
        return 'serving';
      }
      case 'rules': {
        const rows = allRules.map((r) => ({
          code: r.id,
          name: r.name,
          language: r.language,
          severity: r.defaultSeverity,
          fix: r.fixSafety,
          summary: r.docs.summary,
        }));
        if (cmd.format === 'json') io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
        else
          io.stdout(
            rows
              .map(
                (r) =>
                  `${r.code}  ${r.name.padEnd(38)} ${r.language.padEnd(11)} ${r.severity.padEnd(11)} ${r.fix.padEnd(6)} ${r.summary}`,
              )
              .join('\n') + '\n',
          );
        return 0;
      }
      case 'scan': {
        const file = cmd.config ?? findConfig(process.cwd());
        const settings = file === undefined ? DEFAULT_SETTINGS : loadConfig(file);
        if (cmd.inventory !== undefined) {
          // Progress on stderr when it is a terminal: hosts done / total, and how many gave no report.
          const tty = process.stderr.isTTY;
          const { reports, failures, hosts, fleet } = await runInventoryScan(
            { ...cmd, inventory: cmd.inventory },
            settings,
            (p) => {
              if (tty)
                io.stderr(
                  `\rgo-deploy-lint: ${p.done}/${p.total} hosts${p.failed > 0 ? `, ${p.failed} without a report` : ''}`,
                );
            },
          );
          if (tty) io.stderr('\n');
          // Unreachable or failed hosts fail the run (exit 2): they are never "no findings".
          const code = failures.length > 0 ? 2 : exitCode(reports, cmd.failOn);
          if (cmd.format === 'json') for (const c of formatJson(reports, hosts)) io.stdout(c);
          else output(io, cmd.format, reports, code);
          if (cmd.format === 'text') io.stdout(`\n${fleetSummary(fleet)}`);
          if (cmd.report !== undefined) {
            writeFleetReport(cmd.report, fleet, helpUri);
            io.stderr(`go-deploy-lint: wrote the fleet report ${printable(cmd.report)}\n`);
          }
          for (const f of failures) io.stderr(`go-deploy-lint: ${printable(f.host)}: ${printable(f.problem)}\n`);
          return code;
        }
        const reports = await runScans(cmd, settings);
        const code = exitCode(reports, cmd.failOn);
        output(io, cmd.format, reports, code);
        return code;
      }
      case 'lint': {
        const settings = settingsFor(cmd);
        const run = runLint(cmd, settings, io.readStdin);
        for (const s of run.skipped)
          io.stderr(`go-deploy-lint: skipped ${printable(s.path)}: ${printable(s.reason)}\n`);
        for (const r of run.reports)
          if (r.truncated === true)
            io.stderr(
              `go-deploy-lint: ${printable(r.path)}: stopped after ${MAX_FINDINGS.toLocaleString('en-US')} findings; later rules did not check the whole file\n`,
            );
        if (cmd.writeBaseline !== undefined) {
          const n = writeBaseline(cmd.writeBaseline, run.reports);
          io.stderr(`go-deploy-lint: recorded ${n} finding(s) in ${printable(cmd.writeBaseline)}\n`);
        }
        let reports = run.reports;
        if (cmd.baseline !== undefined) {
          const applied = applyBaseline(cmd.baseline, reports);
          reports = applied.reports;
          if (applied.known > 0)
            io.stderr(`go-deploy-lint: ${applied.known} finding(s) in the baseline are not reported\n`);
        }
        // A written baseline accepts what it recorded: nothing fails the run.
        const code =
          run.unreadable.length > 0 ? 2 : cmd.writeBaseline !== undefined ? 0 : exitCode(reports, cmd.failOn);
        output(io, cmd.format, reports, code, run.skipped.length);
        if (cmd.fix && run.fixedFiles > 0) io.stderr(`go-deploy-lint: fixed ${run.fixedFiles} file(s)\n`);
        for (const u of run.unreadable) io.stderr(`go-deploy-lint: ${printable(u)}\n`);
        return code;
      }
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof IoError) {
      io.stderr(`go-deploy-lint: ${printable(error.message)}\n`);
      return 2;
    }
    io.stderr(
      `go-deploy-lint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 2;
  }
}

/**
 * Writes to a standard descriptor directly: process.stdout loads the stream modules, a good part of a short run's
 * start-up. A pipe that is full (EAGAIN, non-blocking) hands this and all later writes to the stream, in order; a
 * reader that went away (EPIPE) ends the output.
 */
export function directWriter(fd: number, stream: () => Pick<NodeJS.WritableStream, 'write'>): (s: string) => void {
  let mode: 'direct' | 'stream' | 'closed' = 'direct';
  return (s) => {
    if (mode === 'closed') return;
    if (mode === 'stream') {
      stream().write(s);
      return;
    }
    let buf = Buffer.from(s, 'utf8');
    try {
      while (buf.length > 0) buf = buf.subarray(fs.writeSync(fd, buf));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') mode = 'closed';
      else if (code === 'EAGAIN') {
        // What was not written yet goes through the stream, which waits for the reader.
        mode = 'stream';
        stream().write(buf);
      } else throw error;
    }
  };
}

export function runCli(): void {
  void main(process.argv.slice(2), {
    stdout: directWriter(1, () => process.stdout),
    stderr: directWriter(2, () => process.stderr),
    readStdin: () => fs.readFileSync(0, 'utf8'),
  }).then((code) => {
    if (code !== 'serving') process.exitCode = code;
  });
}
