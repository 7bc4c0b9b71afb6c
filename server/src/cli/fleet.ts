// Owns the fleet summary of an inventory scan: findings grouped by rule with the hosts they hit, and hosts without a
// report.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileReport } from './report';
import type { ScanFailure } from './scan';
import type { JsonHost } from './format-json';
import type { HostSummary } from '../host/host-report';
import { md } from '../host/render';

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

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A horizontal bar chart: one bar per label, its count written after it. Self-contained SVG (no fonts, no links). */
export function barChart(title: string, rows: readonly (readonly [string, number])[], total: number): string {
  const shown = rows.slice(0, 12);
  const labelWidth = Math.min(260, 12 + 7 * Math.max(4, ...shown.map(([l]) => l.length)));
  const barWidth = 300;
  const height = 34 + shown.length * 22;
  const bars = shown
    .map(([label, n], i) => {
      const y = 28 + i * 22;
      const w = total === 0 ? 0 : Math.max(2, Math.round((n / total) * barWidth));
      return (
        `<text x="${labelWidth - 6}" y="${y + 13}" text-anchor="end">${escapeXml(label.length > 36 ? `${label.slice(0, 35)}…` : label)}</text>` +
        `<rect x="${labelWidth}" y="${y + 2}" width="${w}" height="15" rx="2" fill="#3b82f6"/>` +
        `<text x="${labelWidth + w + 6}" y="${y + 13}">${n}</text>`
      );
    })
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${labelWidth + barWidth + 60}" height="${height}" ` +
    `font-family="sans-serif" font-size="12" fill="#1f2937"><rect width="100%" height="100%" fill="#ffffff"/>` +
    `<text x="8" y="18" font-weight="bold">${escapeXml(title)}</text>${bars}</svg>\n`
  );
}

function counts(values: readonly string[]): [string, number][] {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Writes the fleet report as Markdown, with one SVG chart per distribution next to it (`<name>-<chart>.svg`). */
export function writeFleetReport(file: string, hosts: readonly JsonHost[], reports: readonly FileReport[]): void {
  const dir = path.dirname(path.resolve(file));
  const stem = path.basename(file).replace(/\.md$/i, '');
  const answered = hosts.filter((h) => h.status === 'ok');
  const facts = (h: JsonHost): HostSummary => h.facts as HostSummary;
  const charts: [string, string, [string, number][]][] = [
    ['findings', 'Hosts per finding', counts(answered.flatMap((h) => h.codes))],
    ['os', 'Operating system', counts(answered.map((h) => facts(h).os))],
    ['libc', 'C library', counts(answered.map((h) => facts(h).libc))],
    ['init', 'Init (PID 1)', counts(answered.map((h) => facts(h).init))],
    [
      'systemd',
      'systemd version',
      counts(answered.map((h) => (facts(h).systemd === undefined ? 'none' : String(facts(h).systemd)))),
    ],
    ['go', 'Go on PATH', counts(answered.map((h) => (facts(h).go.length === 0 ? 'none' : facts(h).go.join(', '))))],
  ];
  const lines = [
    '# Fleet report',
    '',
    `${hosts.length} hosts scanned: ${answered.length} answered, ${hosts.length - answered.length} gave no report.`,
    '',
  ];
  for (const [name, title, rows] of charts) {
    const svg = `${stem}-${name}.svg`;
    fs.writeFileSync(path.join(dir, svg), barChart(title, rows, answered.length));
    lines.push(`![${title}](${encodeURI(svg)})`, '');
  }
  const byRule = new Map<string, { name: string; severity: string; hosts: string[] }>();
  for (const r of reports)
    for (const f of r.findings) {
      const e = byRule.get(f.finding.rule.id) ?? { name: f.finding.rule.name, severity: f.severity, hosts: [] };
      if (!e.hosts.includes(r.path)) e.hosts.push(r.path);
      byRule.set(f.finding.rule.id, e);
    }
  lines.push('## Findings by rule', '', '| Rule | Severity | Hosts | Which |', '|---|---|---|---|');
  for (const [code, e] of [...byRule].sort((a, b) => b[1].hosts.length - a[1].hosts.length))
    lines.push(
      `| ${code} ${e.name} | ${e.severity} | ${e.hosts.length} of ${answered.length} | ${md(hostList(e.hosts.sort()))} |`,
    );
  const missing = hosts.filter((h) => h.status !== 'ok');
  if (missing.length > 0) {
    lines.push('', '## Hosts without a report', '', '| Host | Why |', '|---|---|');
    for (const h of missing) lines.push(`| ${md(h.name)} | ${md(h.problem ?? '')} |`);
  }
  lines.push('', '## Hosts', '');
  for (const r of reports) {
    const h = hosts.find((x) => x.name === r.path);
    const f = h === undefined ? undefined : facts(h);
    lines.push(`### ${md(r.path)}`, '');
    if (f !== undefined)
      lines.push(
        `${md(f.os)} · ${md(f.arch)} · init ${md(f.init)} · systemd ${f.systemd ?? 'none'} · ${md(f.libc)} · Go ${md(f.go.join(', ') || 'none')}`,
        '',
      );
    if (r.findings.length === 0) lines.push('No findings.', '');
    for (const x of r.findings) lines.push(`- **${x.finding.rule.id}** (${x.severity}) ${md(x.finding.message)}`);
    lines.push('');
  }
  fs.writeFileSync(path.resolve(file), `${lines.join('\n')}\n`);
}
