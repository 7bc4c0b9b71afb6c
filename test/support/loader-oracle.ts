// Owns comparing the env dialect model with the real loaders: dotenv and dotenv-expand from npm, godotenv built
// from Debian's package (scripts/build-godotenv-oracle.sh). Every key's effective value must match.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as dotenvParse } from 'dotenv';
import { expand as dotenvExpand } from 'dotenv-expand';
import { parseEnvFile } from '../../server/src/parsers/dotenv/parse';
import { evaluateFile } from '../../server/src/parsers/dotenv/dialects';
import { ROOT } from './fixture-files';

export const GODOTENV_READ = path.join(ROOT, '.tools', 'godotenv-read');
export type LoaderDialect = 'dotenv' | 'dotenv-expand' | 'godotenv';

type Env = { readonly env: Readonly<Record<string, string>> } | { readonly error: string };

/** What our model says the loader produces: the last value per key, or that the loader fails. */
export function modelled(text: string, dialect: LoaderDialect): Env {
  const env: Record<string, string> = {};
  const file = parseEnvFile(text).ast;
  // A line that is no assignment fails godotenv's whole file (GDL102 says so); the other loaders skip it.
  if (dialect === 'godotenv' && file.entries.some((e) => e.kind === 'invalid'))
    return { error: 'a line that is no assignment' };
  for (const b of evaluateFile(file, dialect)) {
    if (b.effect.kind === 'error') return { error: b.effect.reason };
    // A name the model cannot resolve stays `${NAME}` (the process environment): the loaders run with none.
    if (b.effect.kind === 'set')
      env[b.entry.key.text] =
        dialect === 'dotenv-expand' ? b.effect.value.replace(/\$\{[A-Za-z_][A-Za-z0-9_]*\}/g, '') : b.effect.value;
  }
  return { env };
}

/** What the loader itself produces, with an empty process environment. */
export function loaded(file: string, text: string, dialect: LoaderDialect): Env | undefined {
  switch (dialect) {
    case 'dotenv':
      return { env: dotenvParse(text) };
    case 'dotenv-expand': {
      const parsed = dotenvParse(text);
      return { env: dotenvExpand({ parsed, processEnv: {} }).parsed ?? {} };
    }
    case 'godotenv': {
      if (!fs.existsSync(GODOTENV_READ)) return undefined;
      const r = spawnSync(GODOTENV_READ, [file], { encoding: 'utf8', env: {} });
      return JSON.parse(r.stdout) as Env;
    }
  }
}

/** Keys whose values differ, as `KEY: ours → theirs`; a failing loader compares as `(error)`. */
export function differences(ours: Env, theirs: Env): string[] {
  if ('error' in ours || 'error' in theirs)
    return 'error' in ours === 'error' in theirs
      ? []
      : [
          `load: ${'error' in ours ? `(error) ${ours.error}` : 'ok'} → ${'error' in theirs ? `(error) ${theirs.error}` : 'ok'}`,
        ];
  const out: string[] = [];
  for (const k of new Set([...Object.keys(ours.env), ...Object.keys(theirs.env)])) {
    if (ours.env[k] !== theirs.env[k])
      out.push(`${k}: ${JSON.stringify(ours.env[k])} → ${JSON.stringify(theirs.env[k])}`);
  }
  return out;
}
