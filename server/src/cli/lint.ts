// Owns `go-deploy-lint lint`: read each file, analyze it, optionally fix it, and collect reports.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze, type Analysis } from '../analysis/analyze';
import { selectFixes } from '../analysis/fixes';
import type { LanguageId } from '../workspace/language-id';
import { detectLanguage } from '../workspace/language-id';
import { applyEdits } from '../text/edits';
import type { Settings } from '../settings';
import { FsProject } from '../workspace/project';
import type { LintOptions } from './args';
import { UsageError } from './args';
import { collectTargets, IoError, readRegularFile, type Skipped } from './walk';
import type { FileReport, ReportedFinding } from './report';
import { fingerprints } from './fingerprint';

const MAX_FIX_PASSES = 100;

export interface LintRun {
  readonly reports: FileReport[];
  readonly skipped: Skipped[];
  readonly fixedFiles: number;
  /** Named paths that could not be read: said after the report, and the exit code is 2. */
  readonly unreadable: string[];
}

/** Reads bytes and decodes UTF-8 leniently: invalid sequences become U+FFFD, which GDL001 reports. */
function decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
}

function analyzeText(
  text: string,
  file: { display: string; abs: string | undefined; language: LanguageId },
  settings: Settings,
  project: FsProject,
): Analysis {
  const uri = file.abs !== undefined ? pathToFileURL(file.abs).href : `untitled:${file.display}`;
  return analyze({ uri, path: file.abs, text, version: 1, languageId: file.language }, { settings, project });
}

export function toReport(display: string, analysis: Analysis): FileReport {
  // Fingerprints are computed for the whole file on first use (SARIF, GitLab, baselines), not for every format.
  let prints: string[] | undefined;
  const fingerprintOf = (i: number): string =>
    (prints ??= fingerprints(display, analysis.index, analysis.findings))[i] ?? '';
  const findings: ReportedFinding[] = analysis.findings.map((f, i) => ({
    finding: f,
    severity: f.severity,
    get fingerprint(): string {
      return fingerprintOf(i);
    },
  }));
  return {
    path: display,
    language: analysis.language,
    findings,
    ...(analysis.truncated === true ? { truncated: true } : {}),
  };
}

/** Applies fixes until the text stops changing; returns the final text. */
export function fixText(text: string, run: (t: string) => Analysis, unsafe: boolean): string {
  let current = text;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const analysis = run(current);
    const sel = selectFixes(analysis.findings, { unsafe });
    if (sel.edits.length === 0) break;
    const next = applyEdits(current, sel.edits);
    if (next === current) break;
    current = next;
  }
  return current;
}

/**
 * The folders the project lookups walk: `--root`, else each directory given and the folder of each file given
 * (and of --stdin-filename); folders inside another one are dropped, so nothing is walked twice.
 */
export function projectRoots(opts: Pick<LintOptions, 'roots' | 'paths' | 'stdinFilename'>): string[] {
  const isDir = (p: string): boolean => {
    try {
      return fs.statSync(p).isDirectory();
    } catch {
      return false;
    }
  };
  const given =
    opts.roots.length > 0
      ? opts.roots.map((r) => path.resolve(r))
      : [
          ...opts.paths
            .filter((p) => p !== '-')
            .map((p) => (isDir(p) ? path.resolve(p) : path.dirname(path.resolve(p)))),
          ...(opts.stdinFilename !== undefined ? [path.dirname(path.resolve(opts.stdinFilename))] : []),
        ];
  const unique = [...new Set(given)].sort();
  return unique.filter((r) => !unique.some((o) => o !== r && r.startsWith(o.endsWith(path.sep) ? o : o + path.sep)));
}

export function runLint(opts: LintOptions, settings: Settings, readStdin: () => string): LintRun {
  const project = new FsProject(projectRoots(opts));
  const reports: FileReport[] = [];
  let fixedFiles = 0;
  const fileArgs = opts.paths.filter((p) => p !== '-');
  if (opts.paths.includes('-')) {
    const name = opts.stdinFilename ?? '<stdin>';
    const language =
      opts.language ??
      (opts.stdinFilename !== undefined ? detectLanguage(path.resolve(opts.stdinFilename)) : undefined);
    if (language === undefined)
      throw new UsageError('cannot tell the language of stdin: pass --stdin-filename or --language');
    const abs = opts.stdinFilename !== undefined ? path.resolve(opts.stdinFilename) : undefined;
    const analysis = analyzeText(readStdin(), { display: name, abs, language }, settings, project);
    reports.push(toReport(name, analysis));
  }
  const maxBytes = (opts.maxFileSizeMB ?? settings.maxFileSizeMB) * 1024 * 1024;
  const { targets, skipped, unreadable } = collectTargets(fileArgs, opts.language, maxBytes);
  const seen = new Set(targets.map((t) => path.resolve(t.file)));
  // Files that units name in EnvironmentFile= are env files whatever their name: lint them too (systemd dialect).
  const follow = (analysis: Analysis): void => {
    const unit = analysis.prepared?.language === 'systemd-unit' ? analysis.prepared.inputs.systemd : undefined;
    for (const f of unit?.environmentFiles ?? []) {
      if (f.resolved === undefined || seen.has(path.resolve(f.resolved))) continue;
      seen.add(path.resolve(f.resolved));
      targets.push({
        display: path.relative(process.cwd(), f.resolved).split(path.sep).join('/'),
        file: f.resolved,
        language: 'dotenv',
        followed: true,
      });
    }
  };
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i];
    if (t === undefined) continue;
    let bytes: Buffer;
    try {
      bytes = readRegularFile(t.file, t.display, maxBytes);
    } catch (error) {
      // A file a unit names is not one the user asked for: an unreadable one is said and skipped.
      if (t.followed === true && error instanceof IoError) {
        skipped.push({ path: t.display, reason: error.message.replace(/^cannot read [^:]*: /, '') });
        continue;
      }
      if (error instanceof IoError) {
        unreadable.push(error.message);
        continue;
      }
      throw error;
    }
    const text = decode(bytes);
    const abs = path.resolve(t.file);
    const run = (s: string): Analysis =>
      analyzeText(s, { display: t.display, abs, language: t.language }, settings, project);
    if (opts.fix) {
      const fixed = fixText(text, run, opts.unsafeFixes);
      if (fixed !== text) {
        try {
          fs.writeFileSync(t.file, fixed);
        } catch (error) {
          throw new IoError(`cannot write ${t.display}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
        }
        fixedFiles++;
      }
      const after = run(fixed);
      follow(after);
      reports.push(toReport(t.display, after));
    } else {
      const analysis = run(text);
      follow(analysis);
      reports.push(toReport(t.display, analysis));
    }
  }
  return { reports, skipped, fixedFiles, unreadable };
}
