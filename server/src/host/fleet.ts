// Owns the fleet report of an inventory scan: findings grouped by rule with the hosts they hit, fact distributions
// drawn as small SVG bar charts, hosts without a report, and one line per host. The CLI writes it as files; the
// editor shows it as a preview. Both give the same Markdown, only the links and image sources differ.
import type { Analysis } from '../analysis/analyze';
import { SEVERITY_RANK, type Finding, type Rule } from '../rules/rule';
import { hostSummary, type HostSummary } from './host-report';
import { md, mdMessage } from './render';
import { escapeXml } from '../text/xml';

/** One host of an inventory scan: its facts and findings, or why it gave no report. */
export interface FleetHost {
  readonly name: string;
  /** Absent when the host gave no report. */
  readonly summary?: HostSummary;
  readonly problem?: string;
  readonly findings: readonly Finding[];
}

export function fleetHostOf(name: string, analysis: Analysis): FleetHost {
  return { name, summary: hostSummary(analysis), findings: analysis.findings };
}

export function failedFleetHost(name: string, problem: string): FleetHost {
  return { name, problem, findings: [] };
}

/** Where the report's links and images point: files next to it (CLI) or documents of the editor. */
export interface FleetLinks {
  /** The image source of a chart (`name` is a file-name stem such as `findings`). */
  chart(name: string, svg: string): string;
  /** A host's drill-down. */
  host(name: string): string;
  /** A rule's documentation page. */
  rule(rule: Rule): string;
}

interface RuleHits {
  readonly rule: Rule;
  /** The worst severity the rule has on any host. */
  severity: Finding['severity'];
  readonly hosts: string[];
}

/** Rules by the hosts they hit, most hosts first (then the worse severity, then the code). */
function byRule(hosts: readonly FleetHost[]): RuleHits[] {
  const m = new Map<string, RuleHits>();
  for (const h of hosts)
    for (const f of h.findings) {
      let e = m.get(f.rule.id);
      if (e === undefined) m.set(f.rule.id, (e = { rule: f.rule, severity: f.severity, hosts: [] }));
      if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[e.severity]) e.severity = f.severity;
      if (e.hosts[e.hosts.length - 1] !== h.name) e.hosts.push(h.name);
    }
  return [...m.values()].sort(
    (a, b) =>
      b.hosts.length - a.hosts.length ||
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      a.rule.id.localeCompare(b.rule.id),
  );
}

function hostList(hosts: readonly string[], max = 6): string {
  return hosts.length <= max
    ? hosts.join(', ')
    : `${hosts.slice(0, max - 1).join(', ')} and ${hosts.length - max + 1} more`;
}

/** Text lines: one per rule (hosts hit, of those that answered), then the hosts that gave no report. */
export function fleetSummary(hosts: readonly FleetHost[]): string {
  const answered = hosts.filter((h) => h.summary !== undefined);
  const lines = [`Fleet: ${answered.length} of ${hosts.length} hosts answered`];
  for (const e of byRule(answered))
    lines.push(
      `  ${e.rule.id} ${e.rule.name} (${e.severity}): ${e.hosts.length} of ${answered.length} hosts: ${hostList([...e.hosts].sort())}`,
    );
  for (const h of hosts) if (h.summary === undefined) lines.push(`  ${h.name}: no report: ${h.problem ?? 'no result'}`);
  return `${lines.join('\n')}\n`;
}

/** A horizontal bar chart: one bar per label, its count written after it. Self-contained SVG (no fonts, no links). */
export function barChart(title: string, rows: readonly (readonly [string, number])[], total: number): string {
  const shown = rows.slice(0, 12);
  const labelWidth = Math.min(260, 12 + 7 * Math.max(4, ...shown.map(([l]) => l.length)));
  const barWidth = 300;
  const height = 34 + Math.max(1, shown.length) * 22;
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
  const empty = shown.length === 0 ? `<text x="${labelWidth}" y="41">none</text>` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${labelWidth + barWidth + 60}" height="${height}" ` +
    `font-family="sans-serif" font-size="12" fill="#1f2937"><rect width="100%" height="100%" fill="#ffffff"/>` +
    `<text x="8" y="18" font-weight="bold">${escapeXml(title)}</text>${bars}${empty}</svg>\n`
  );
}

function counts(values: readonly string[]): [string, number][] {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** The Go versions on a host's PATH: `none`, `1.22.1`, `1.22.1, 1 of unknown version` (no `unknown, unknown`). */
function goOf(s: HostSummary): string {
  if (s.go.length === 0) return 'none';
  const known = s.go.filter((v) => v !== 'unknown');
  const unknown = s.go.length - known.length;
  return [...known, ...(unknown > 0 ? [`${unknown} of unknown version`] : [])].join(', ');
}
const systemdOf = (s: HostSummary): string => (s.systemd === undefined ? 'none' : String(s.systemd));

/** The charts of a fleet: hosts per finding, then one distribution per fact. */
export function fleetCharts(hosts: readonly FleetHost[]): { name: string; title: string; svg: string }[] {
  const answered = hosts.flatMap((h) => (h.summary === undefined ? [] : [{ ...h, summary: h.summary }]));
  const rows: [string, string, [string, number][]][] = [
    ['findings', 'Hosts per finding', byRule(answered).map((e) => [`${e.rule.id} ${e.rule.name}`, e.hosts.length])],
    ['os', 'Operating system', counts(answered.map((h) => h.summary.os))],
    ['libc', 'C library', counts(answered.map((h) => h.summary.libc))],
    ['init', 'Init (PID 1)', counts(answered.map((h) => h.summary.init))],
    ['systemd', 'systemd version', counts(answered.map((h) => systemdOf(h.summary)))],
    ['go', 'Go on PATH', counts(answered.map((h) => goOf(h.summary)))],
  ];
  return rows.map(([name, title, r]) => ({ name, title, svg: barChart(title, r, answered.length) }));
}

/** The fleet report in Markdown. Host names and messages come from the hosts: every one is escaped. */
export function fleetMarkdown(hosts: readonly FleetHost[], links: FleetLinks): string {
  const answered = hosts.filter((h) => h.summary !== undefined);
  const missing = hosts.filter((h) => h.summary === undefined);
  const hostLink = (name: string): string => `[${md(name)}](${links.host(name)})`;
  const lines = [
    '# Fleet report',
    '',
    `${hosts.length} hosts scanned: ${answered.length} answered, ${missing.length} gave no report.`,
    '',
  ];
  const charts = fleetCharts(hosts);
  const [findings, ...facts] = charts;
  const image = (c: { name: string; title: string; svg: string }): string =>
    `<img alt="${c.title}" src="${links.chart(c.name, c.svg)}">`;
  lines.push('## Findings by rule', '');
  const rules = byRule(answered);
  if (rules.length === 0) lines.push('No findings on any host that answered.', '');
  else {
    if (findings !== undefined) lines.push(image(findings), '');
    lines.push('| Rule | Severity | Hosts | Which |', '|---|---|---|---|');
    for (const e of rules)
      lines.push(
        `| [${e.rule.id}](${links.rule(e.rule)}) ${e.rule.name} | ${e.severity} | ${e.hosts.length} of ${answered.length} | ${e.hosts
          .slice(0, 8)
          .map(hostLink)
          .join(', ')}${e.hosts.length > 8 ? ` and ${e.hosts.length - 8} more` : ''} |`,
      );
    lines.push('');
  }
  if (missing.length > 0) {
    lines.push('## Hosts without a report', '', '| Host | Why |', '|---|---|');
    for (const h of missing) lines.push(`| ${md(h.name)} | ${md(h.problem ?? 'no result', 300)} |`);
    lines.push('');
  }
  if (answered.length > 0) {
    lines.push('## Facts', '', ...facts.map((c) => `${image(c)}\n`));
    lines.push(
      '## Hosts',
      '',
      '| Host | System | C library | Init | systemd | Go | Findings |',
      '|---|---|---|---|---|---|---|',
    );
    for (const h of answered) {
      const s = h.summary as HostSummary;
      const errors = h.findings.reduce((n, f) => (f.severity === 'error' ? n + 1 : n), 0);
      lines.push(
        `| ${hostLink(h.name)} | ${md(s.os, 60)} ${md(s.arch, 20)} | ${md(s.libc)} | ${md(s.init, 40)} | ${systemdOf(s)} | ${md(goOf(s), 60)} | ${h.findings.length}${errors > 0 ? ` (${errors} error${errors > 1 ? 's' : ''})` : ''} |`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

/** Per-host sections for a report that stands alone (the CLI's file): each host's findings under its heading. */
export function fleetHostSections(hosts: readonly FleetHost[], links: Pick<FleetLinks, 'rule'>): string {
  const lines: string[] = [];
  for (const h of hosts) {
    if (h.summary === undefined) continue;
    lines.push(`### ${md(h.name)}`, '');
    if (h.findings.length === 0) lines.push('No findings.');
    for (const f of h.findings)
      lines.push(`- [${f.rule.id}](${links.rule(f.rule)}) (${f.severity}) ${mdMessage(f.message)}`);
    lines.push('');
  }
  return lines.length === 0 ? '' : `## Findings per host\n\n${lines.join('\n')}`;
}

/** The anchor a Markdown renderer (GitHub, VS Code) gives a heading with this text. */
export function headingAnchor(text: string): string {
  return `#${md(text)
    .replace(/\\/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-')}`;
}
