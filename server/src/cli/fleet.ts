// Owns the fleet summary of an inventory scan: findings grouped by rule with the hosts they hit, and hosts without a
// report.
import type { FileReport } from './report';
import type { ScanFailure } from './scan';

function hostList(hosts: readonly string[]): string {
  return hosts.length <= 6 ? hosts.join(', ') : `${hosts.slice(0, 5).join(', ')} and ${hosts.length - 5} more`;
}

/** Text lines: one per rule (hosts hit, of those that answered), then the hosts that gave no report. */
export function fleetSummary(reports: readonly FileReport[], failures: readonly ScanFailure[]): string {
  const total = reports.length;
  const byRule = new Map<string, { name: string; severity: string; hosts: Set<string> }>();
  for (const r of reports)
    for (const f of r.findings) {
      const code = f.finding.rule.id;
      const e = byRule.get(code) ?? { name: f.finding.rule.name, severity: f.severity, hosts: new Set<string>() };
      e.hosts.add(r.path);
      byRule.set(code, e);
    }
  const lines = [`Fleet: ${total} of ${total + failures.length} hosts answered`];
  for (const [code, e] of [...byRule].sort((a, b) => b[1].hosts.size - a[1].hosts.size || a[0].localeCompare(b[0])))
    lines.push(
      `  ${code} ${e.name} (${e.severity}): ${e.hosts.size} of ${total} hosts: ${hostList([...e.hosts].sort())}`,
    );
  for (const f of failures) lines.push(`  ${f.host}: no report: ${f.problem}`);
  return `${lines.join('\n')}\n`;
}
