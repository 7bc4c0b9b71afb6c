// Owns running the shipped probe in tests: against a prepared root, under a given shell, with a clean environment.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { analyzeHostOutput } from '../../server/src/host/host-report';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { FsProject } from '../../server/src/workspace/project';
import { ROOT } from './fixture-files';

export const PROBE = path.join(ROOT, 'server', 'src', 'host', 'probe.sh');
export const ROOTS = path.join(ROOT, 'test', 'fixtures', 'host', 'roots');
/** The workspace the host fixtures are checked against (units, binfmt.d files). */
export const HOST_WORKSPACE = path.join(ROOT, 'test', 'fixtures', 'rules', 'host-report', 'workspace');

export interface ProbeRun {
  readonly output: string;
  readonly stderr: string;
  readonly status: number | null;
}

/** Runs probe.sh with `shell` (argv, e.g. ['busybox', 'sh']) against test/fixtures/host/roots/<root>. */
export function runProbe(
  shell: readonly string[],
  root: string,
  args: readonly string[] = [],
  env: Record<string, string> = {},
): ProbeRun {
  const dir = path.join(ROOTS, root);
  const r = spawnSync(shell[0] as string, [...shell.slice(1), PROBE, ...args], {
    encoding: 'latin1',
    env: { HOME: '/nonexistent', GDL_PROBE_ROOT: dir, PATH: `${dir}.bin:/usr/local/go/bin:/usr/bin:/bin`, ...env },
    timeout: 30_000,
  });
  return { output: r.stdout, stderr: r.stderr, status: r.status };
}

/** Rule codes the host rules report on an output, sorted, without those that depend on the test machine. */
export function codesOf(output: string, machineDependent: readonly string[] = ['GDL519']): string[] {
  const analysis = analyzeHostOutput('test', output, DEFAULT_SETTINGS, new FsProject([HOST_WORKSPACE]));
  return [...new Set(analysis.findings.map((f) => f.rule.id))].filter((c) => !machineDependent.includes(c)).sort();
}
