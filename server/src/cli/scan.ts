// Owns `go-deploy-lint scan`: run the probe on each host (several at once), check the reports, collect findings.
import * as path from 'node:path';
import { analyzeHostOutput } from '../host/host-report';
import { runScan } from '../host/scan';
import type { Settings } from '../settings';
import { FsProject } from '../workspace/project';
import type { ScanOptions } from './args';
import { IoError } from './walk';
import type { FileReport } from './report';
import { toReport } from './lint';

export async function runScans(opts: ScanOptions, settings: Settings): Promise<FileReport[]> {
  const project = new FsProject(opts.roots.map((r) => path.resolve(r)));
  const hosts: (string | undefined)[] = opts.hosts.length === 0 ? [undefined] : opts.hosts;
  const reports: FileReport[] = new Array<FileReport>(hosts.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < hosts.length) {
      const i = next++;
      const host = hosts[i];
      const res = await runScan(
        {
          host,
          binaries: opts.binaries,
          units: opts.units,
          ...(opts.sshConfig !== undefined ? { sshConfig: opts.sshConfig } : {}),
        },
        { timeoutMs: (opts.timeoutSeconds ?? settings.hostChecks.timeoutSeconds) * 1000 },
      );
      const name = host ?? 'localhost';
      if (!res.output.includes('GDLPROBE-END')) {
        throw new IoError(
          `cannot scan ${name}: ${res.timedOut ? 'timed out' : (res.stderr.trim().split('\n').pop() ?? `exit ${String(res.code)}`)}`,
        );
      }
      const analysis = analyzeHostOutput(name, res.output, settings, project);
      reports[i] = toReport(name, analysis);
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.jobs, hosts.length) }, worker));
  return reports;
}
