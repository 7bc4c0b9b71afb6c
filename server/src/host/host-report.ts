// Owns a scan's result: findings on the probe output, mirrored onto the workspace files they concern, and a report.
import type { Diagnostic } from 'vscode-languageserver-types';
import { analyze, type Analysis } from '../analysis/analyze';
import { toDiagnostics } from '../lsp/diagnostics';
import { docFileName } from '../lsp/rule-docs';
import { effectiveSeverity } from '../lsp/severity';
import type { HostReportResult } from '../protocol';
import type { Settings } from '../settings';
import { LineIndex } from '../text/line-index';
import type { ProjectContext } from '../workspace/project';
import { EI_CLASS, machineByNumber } from '../knowledge/elf';
import { hostFacts } from './facts';
import { parseHostReport, type HostReport, type ReportRecord } from './report';

export const HOST_REPORT_SCHEME = 'go-deploy-lint-host';

/** The URI a host's probe output is shown under (and its Problems belong to). */
export function hostReportUri(host: string): string {
  return `${HOST_REPORT_SCHEME}:/${encodeURIComponent(host)}.gdlprobe`;
}

export function analyzeHostOutput(host: string, output: string, settings: Settings, project: ProjectContext): Analysis {
  return analyze({ uri: hostReportUri(host), path: undefined, text: output, version: 1, languageId: 'host-report' }, { settings, project });
}

/** Host-controlled text inside Markdown: no markup, no HTML, one line, bounded. */
function md(text: string, max = 160): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\x00-\x1f\x7f]+/g, ' ').trim();
  const cut = flat.length > max ? `${flat.slice(0, max)}…` : flat;
  return cut.replace(/[\\`*_{}[\]()<>#+!|&~]/g, (c) => `\\${c}`);
}

function evidence(record: ReportRecord): string {
  // File records carry (path, content): the path is the evidence, content can be long.
  return `\`${record.key}\` ${md(record.values[0] ?? '')}`;
}

function factsTable(report: HostReport): string[] {
  const f = hostFacts(report);
  const rows: [string, string][] = [];
  const pretty = f.osRelease.get('PRETTY_NAME');
  rows.push(['System', `${md(pretty ?? f.os)} (${md(f.os)} ${md(f.arch)})`]);
  rows.push(['PID 1', `${md(f.pid1 ?? 'unknown')}${f.systemdVersion !== undefined ? `, systemd ${f.systemdVersion}` : ''}`]);
  if (f.cgroup !== undefined) rows.push(['cgroup', md(f.cgroup)]);
  rows.push(['libc', f.musl ? 'musl' : f.glibcVersion !== undefined ? `glibc ${md(f.glibcVersion)}` : 'unknown']);
  rows.push(['Go on PATH', f.goOnPath.length === 0 ? 'none' : f.goOnPath.map((g) => `${md(g.path)} ${md(g.version ?? '')}`).join('; ')]);
  rows.push(['binfmt_misc', f.binfmt.mounted ? `mounted, ${f.binfmt.entries.length} entr${f.binfmt.entries.length === 1 ? 'y' : 'ies'}` : 'not mounted']);
  for (const b of f.binaries) rows.push([`Binary ${md(b.path, 60)}`, b.missing ? 'missing' : b.elf === undefined ? 'not ELF' : `${EI_CLASS[b.elf.elfClass] ?? '?'} ${machineByNumber(b.elf.machine)?.name ?? String(b.elf.machine)}${b.elf.interpreter !== undefined ? `, interpreter ${md(b.elf.interpreter)}` : ', static'}`]);
  // Units named by the user: `systemctl show` properties (record value: "NAME P1=v\x1eP2=v…").
  for (const r of report.records.filter((x) => x.key === 'unit')) {
    const [name = '', ...rest] = (r.values[0] ?? '').split(' ');
    const props = rest.join(' ').split('\x1e').filter((x) => x !== '');
    rows.push([`Unit ${md(name, 60)}`, props.length === 0 ? 'no properties (no systemd, or unknown unit)' : props.map((x) => md(x, 80)).join('; ')]);
  }
  return ['| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)];
}

/** The result the editor shows: diagnostics per document and a Markdown report. */
/** Paths of the binaries a probe output shows to be Go programs (the build ID note in their first page). */
export function goBinariesInReport(output: string): string[] {
  return hostFacts(parseHostReport(new LineIndex(output)).ast).binaries.filter((b) => b.go).map((b) => b.path);
}

export function hostReportResult(host: string, output: string, settings: Settings, project: ProjectContext): HostReportResult {
  const analysis = analyzeHostOutput(host, output, settings, project);
  const report = parseHostReport(new LineIndex(output)).ast;
  const reportDiagnostics = toDiagnostics(analysis, settings);
  const files = new Map<string, Diagnostic[]>([[analysis.uri, reportDiagnostics]]);
  // A finding about a workspace file also shows on that file, so it is seen where it is fixed.
  for (const d of reportDiagnostics) {
    for (const r of d.relatedInformation ?? []) {
      if (r.location.uri === analysis.uri) continue;
      const list = files.get(r.location.uri) ?? [];
      list.push({ ...d, range: r.location.range, message: `${host}: ${d.message}`, relatedInformation: [{ location: { uri: analysis.uri, range: d.range }, message: `probe output of ${host}` }] });
      files.set(r.location.uri, list);
    }
  }

  const lines = [`# Host report: ${md(host)}`, ''];
  if (report.version === undefined) lines.push('**The output holds no probe report** (the connection or the shell failed before the probe ran).', '');
  else if (!report.complete) lines.push('**The probe did not finish**: the report is partial.', '');
  if (report.version !== undefined) lines.push(...factsTable(report), '');
  const byRecord = new Map(report.records.map((r) => [r.line, r]));
  const order = ['error', 'warning', 'information', 'hint'] as const;
  const titles = { error: 'Errors', warning: 'Warnings', information: 'Information', hint: 'Hints' };
  let total = 0;
  for (const level of order) {
    const group = analysis.findings.filter((f) => effectiveSeverity(f, settings) === level);
    if (group.length === 0) continue;
    total += group.length;
    lines.push(`## ${titles[level]} (${group.length})`, '');
    for (const f of group) {
      const rec = byRecord.get(f.range.start.line);
      // Relative links: the editor serves rule pages next to the report (Markdown previews refuse file: links).
      lines.push(`- [${f.rule.id}](${encodeURI(docFileName(f.rule))}) ${md(f.message, 400)}`);
      lines.push(`  - evidence: ${rec !== undefined ? evidence(rec) : `line ${f.range.start.line + 1}`} (output line ${f.range.start.line + 1})`);
      for (const r of f.related) if (r.uri !== undefined) lines.push(`  - ${md(r.message)}: \`${md(decodeURIComponent(r.uri.replace(/^file:\/\//, '')), 200)}:${r.range.start.line + 1}\``);
    }
    lines.push('');
  }
  if (total === 0 && report.complete) lines.push('No findings: this host fits the workspace.');
  return { host, uri: analysis.uri, files: [...files].map(([uri, diagnostics]) => ({ uri, diagnostics })), markdown: lines.join('\n'), complete: report.complete };
}
