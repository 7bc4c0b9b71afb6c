// Owns the Markdown host report: the host's facts as a table and the findings by severity, with evidence.
import { recordsOf } from '../parsers/host-report/parse';
import type { Analysis } from '../analysis/analyze';
import { docFileName } from '../analysis/rule-docs';
import { EI_CLASS, machineByNumber } from '../knowledge/elf';
import type { HostInput } from '../parsers/host-report/input';
import type { ReportRecord } from '../parsers/host-report/parse';
import { hostInputOf } from './host-report';
import { oneLine } from '../text/printable';

/** Every character Markdown or HTML would interpret, escaped. */
const escaped = (text: string): string => text.replace(/[\\`*_{}[\]()<>#+!|&~]/g, (c) => `\\${c}`);

/** Host-controlled text inside Markdown: no markup, no HTML, one line, bounded. */
export function md(text: string, max = 160): string {
  return escaped(oneLine(text, max));
}

/** Code text inside a code span: no backtick can close it early; one line, bounded. */
function codeSpan(text: string, max = 160): string {
  return `\`${oneLine(text, max).replace(/`/g, "'")}\``;
}

/**
 * A finding's message: its `code` spans shown as code and the text around them escaped, so "PID 1 is
 * `process_api`" reads as written instead of showing backticks. An unpaired backtick stays a plain character.
 */
export function mdMessage(text: string, max = 400): string {
  const parts = oneLine(text, max).split('`');
  const paired = parts.length % 2 === 1 ? parts.length : parts.length - 1;
  return parts.map((p, i) => (i >= paired ? `\\\`${escaped(p)}` : i % 2 === 1 ? codeSpan(p) : escaped(p))).join('');
}

function evidence(record: ReportRecord): string {
  // File records carry (path, content): the path is the evidence, content can be long.
  return `\`${record.key}\` ${md(record.values[0] ?? '')}`;
}

function factsTable({ probe: report, facts: f }: HostInput): string[] {
  const rows: [string, string][] = [];
  const pretty = f.osRelease.get('PRETTY_NAME');
  rows.push(['System', `${md(pretty ?? f.os)} (${md(f.os)} ${md(f.arch)})`]);
  // "init: process_api (not systemd); systemd 252 is installed": which init runs, and which systemd is present.
  const init =
    f.pid1 === undefined ? 'unknown' : f.pid1 === 'systemd' ? 'systemd' : `${codeSpan(f.pid1)} (not systemd)`;
  const installed = f.systemdVersion === undefined ? '' : `; systemd ${f.systemdVersion} is installed`;
  rows.push(['init', `${init}${installed}`]);
  if (f.cgroup !== undefined) rows.push(['cgroup', md(f.cgroup)]);
  rows.push(['libc', f.musl ? 'musl' : f.glibcVersion !== undefined ? `glibc ${md(f.glibcVersion)}` : 'unknown']);
  rows.push([
    'Go on PATH',
    f.goOnPath.length === 0 ? 'none' : f.goOnPath.map((g) => `${md(g.path)} ${md(g.version ?? '')}`).join('; '),
  ]);
  rows.push([
    'binfmt_misc',
    f.binfmt.mounted
      ? `mounted, ${f.binfmt.entries.length} entr${f.binfmt.entries.length === 1 ? 'y' : 'ies'}`
      : 'not mounted',
  ]);
  for (const b of f.binaries)
    rows.push([
      `Binary ${md(b.path, 60)}`,
      b.missing
        ? 'missing'
        : b.elf === undefined
          ? 'not ELF'
          : `${EI_CLASS[b.elf.elfClass] ?? '?'} ${machineByNumber(b.elf.machine)?.name ?? String(b.elf.machine)}${b.elf.interpreter !== undefined ? `, interpreter ${md(b.elf.interpreter)}` : ', static'}`,
    ]);
  // Units named by the user: `systemctl show` properties (record value: "NAME P1=v\x1eP2=v…").
  for (const r of recordsOf(report, 'unit')) {
    const [name = '', ...rest] = (r.values[0] ?? '').split(' ');
    const props = rest
      .join(' ')
      .split('\x1e')
      .filter((x) => x !== '');
    rows.push([
      `Unit ${md(name, 60)}`,
      props.length === 0 ? 'no properties (no systemd, or unknown unit)' : props.map((x) => md(x, 80)).join('; '),
    ]);
  }
  return ['| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)];
}

/** The report of one scan, from its analysis (the probe output parsed once, by the host-report surface). */
export function renderHostReport(host: string, analysis: Analysis): string {
  const input = hostInputOf(analysis);
  const report = input.probe;
  const lines = [`# Host report: ${md(host)}`, ''];
  if (report.version === undefined)
    lines.push('**The output holds no probe report** (the connection or the shell failed before the probe ran).', '');
  else if (!report.complete) lines.push('**The probe did not finish**: the report is partial.', '');
  if (report.version !== undefined) lines.push(...factsTable(input), '');
  const byRecord = new Map(report.records.map((r) => [r.line, r]));
  const order = ['error', 'warning', 'information', 'hint'] as const;
  const titles = { error: 'Errors', warning: 'Warnings', information: 'Information', hint: 'Hints' };
  let total = 0;
  for (const level of order) {
    const group = analysis.findings.filter((f) => f.severity === level);
    if (group.length === 0) continue;
    total += group.length;
    lines.push(`## ${titles[level]} (${group.length})`, '');
    for (const f of group) {
      const rec = byRecord.get(f.range.start.line);
      // Relative links: the editor serves rule pages next to the report (Markdown previews refuse file: links).
      lines.push(`- [${f.rule.id}](${encodeURI(docFileName(f.rule))}) ${mdMessage(f.message)}`);
      lines.push(
        `  - evidence: ${rec !== undefined ? evidence(rec) : `line ${f.range.start.line + 1}`} (output line ${f.range.start.line + 1})`,
      );
      for (const r of f.related)
        if (r.uri !== undefined)
          lines.push(
            `  - ${md(r.message)}: \`${md(decodeURIComponent(r.uri.replace(/^file:\/\//, '')), 200)}:${r.range.start.line + 1}\``,
          );
    }
    lines.push('');
  }
  if (total === 0 && report.complete) lines.push('No findings: this host fits the workspace.');
  return lines.join('\n');
}
