// Owns looking up machine tools tests need: found, or skipped with a reason (a failure when CI requires them).
import type { TestContext } from 'node:test';
import { spawnSync } from 'node:child_process';

/** Absolute path of a program on PATH (or at an absolute path), or undefined. */
export function findTool(name: string): string | undefined {
  const r = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', name], { encoding: 'utf8' });
  const found = r.stdout.trim();
  return r.status === 0 && found !== '' ? found : undefined;
}

/** The tools' paths; when one is missing the test is skipped, or fails when GDL_REQUIRE_E2E=1 (CI installs them). */
export function requireTools(t: TestContext, names: readonly string[]): string[] | undefined {
  const missing = names.filter((n) => findTool(n) === undefined);
  if (missing.length === 0) return names.map((n) => findTool(n) as string);
  const why = `missing ${missing.join(', ')} (.ci/run installs them)`;
  if (process.env.GDL_REQUIRE_E2E === '1') throw new Error(why);
  t.skip(why);
  return undefined;
}
