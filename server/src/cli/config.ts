// Owns finding and reading the CLI settings file (.go-deploy-lint.json), validated by the one settings schema.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readSettings, type Settings } from '../settings';
import { UsageError } from './args';

export const CONFIG_NAME = '.go-deploy-lint.json';

export function findConfig(startDir: string): string | undefined {
  for (let d = path.resolve(startDir), i = 0; i < 64; i++) {
    const candidate = path.join(d, CONFIG_NAME);
    if (fs.existsSync(candidate)) return candidate;
    const up = path.dirname(d);
    if (up === d) return undefined;
    d = up;
  }
  return undefined;
}

/** Reads and validates a config file; any problem is a usage error naming the file. */
export function loadConfig(file: string): Settings {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read config ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { settings, problems } = readSettings(raw);
  if (problems.length > 0) throw new UsageError(`invalid config ${file}: ${problems.join('; ')}`);
  return settings;
}
