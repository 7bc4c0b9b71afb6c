// Owns `go-deploy-lint scan`: run the probe on each host (several at once), check the reports, collect findings.
import * as path from 'node:path';
import { analyzeHostOutput, hostSummary } from '../host/host-report';
import { failedFleetHost, fleetHostOf, type FleetHost } from '../host/fleet';
import type { JsonHost } from './format-json';
import { runScan } from '../host/scan';
import { ANSIBLE_MISSING, probeInventory, type InventoryProgress } from '../host/ansible';
import type { Settings } from '../settings';
import { FsProject } from '../workspace/project';
import type { ScanOptions } from './args';
import { IoError } from './walk';
import type { FileReport } from './report';
import { toReport } from './lint';

/** Hosts that gave no report: unreachable, failed or timed out (never counted as "no findings"). */
export interface ScanFailure {
  readonly host: string;
  readonly problem: string;
}

/** Scans the hosts of an Ansible inventory through Ansible; the hosts that answered become reports. */
export async function runInventoryScan(
  opts: ScanOptions & { readonly inventory: string },
  settings: Settings,
  progress?: (p: InventoryProgress) => void,
): Promise<{ reports: FileReport[]; failures: ScanFailure[]; hosts: JsonHost[]; fleet: FleetHost[] }> {
  const project = new FsProject(opts.roots.map((r) => path.resolve(r)));
  const { hosts, results, error } = await probeInventory({
    inventory: opts.inventory,
    ...(opts.limit !== undefined ? { limit: opts.limit } : {}),
    forks: opts.jobs,
    timeoutSeconds: opts.timeoutSeconds ?? settings.hostChecks.timeoutSeconds,
    binaries: opts.binaries,
    units: opts.units,
    ...(progress !== undefined ? { onHostDone: progress } : {}),
  });
  if (error !== undefined)
    throw new IoError(error === ANSIBLE_MISSING ? error : `cannot scan the inventory ${opts.inventory}: ${error}`);
  const reports: FileReport[] = [];
  const failures: ScanFailure[] = [];
  const entries: JsonHost[] = [];
  const fleet: FleetHost[] = [];
  for (const host of hosts) {
    const r = results.get(host);
    if (r?.output !== undefined) {
      const analysis = analyzeHostOutput(host, r.output, settings, project);
      const report = toReport(host, analysis);
      reports.push(report);
      fleet.push(fleetHostOf(host, analysis));
      entries.push({
        name: host,
        status: 'ok',
        facts: hostSummary(analysis),
        codes: [...new Set(report.findings.map((f) => f.finding.rule.id))].sort(),
      });
    } else {
      const problem = r?.problem ?? 'no result';
      failures.push({ host, problem });
      fleet.push(failedFleetHost(host, problem));
      entries.push({ name: host, status: 'no-report', problem, codes: [] });
    }
  }
  return { reports, failures, hosts: entries, fleet };
}

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
