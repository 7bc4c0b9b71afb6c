// Owns running the analysis on in-memory text for tests, the way the CLI does for files.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze, type Analysis } from '../../server/src/analysis/analyze';
import { detectLanguage } from '../../server/src/workspace/language-id';
import { readSettings, type Settings } from '../../server/src/settings';
import { FsProject } from '../../server/src/workspace/project';

export interface LintTextOptions {
  /** Path used for language detection, dialect globs and go.mod lookup. */
  readonly file: string;
  readonly settings?: Readonly<Record<string, unknown>>;
  readonly project?: FsProject;
}

export function settingsFrom(raw: Readonly<Record<string, unknown>> | undefined): Settings {
  const { settings, problems } = readSettings(raw ?? {});
  if (problems.length > 0) throw new Error(`bad test settings: ${problems.join('; ')}`);
  return settings;
}

export function lintText(text: string, opts: LintTextOptions): Analysis {
  const abs = path.resolve(opts.file);
  const errors: string[] = [];
  const analysis = analyze(
    { uri: pathToFileURL(abs).href, path: abs, text, version: 1, languageId: detectLanguage(abs) ?? 'plaintext' },
    {
      settings: settingsFrom(opts.settings),
      project: opts.project ?? new FsProject([]),
      onRuleError: (id, e) => errors.push(`${id}: ${String(e)}`),
    },
  );
  if (errors.length > 0) throw new Error(`rule crashed: ${errors.join('\n')}`);
  return analysis;
}

/** Decodes bytes like the CLI: invalid UTF-8 becomes U+FFFD, a BOM is kept. */
export function decodeLikeCli(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
}
