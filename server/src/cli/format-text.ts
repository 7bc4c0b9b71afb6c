// Owns the human-readable CLI output: one line per finding, then a summary.
import type { FileReport } from './report';

export function formatText(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of reports) {
    for (const { finding: f, severity } of r.findings) {
      counts[severity]++;
      const fix = f.fixes.length === 0 ? '' : f.fixes[0]?.safe === true ? ' (fixable)' : ' (suggestion)';
      lines.push(`${r.path}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${severity} ${f.rule.id} ${f.message} [${f.rule.name}]${fix}`);
    }
  }
  const total = counts.error + counts.warning + counts.information + counts.hint;
  lines.push(
    total === 0
      ? `${reports.length} file${reports.length === 1 ? '' : 's'} checked, no problems`
      : `${reports.length} file${reports.length === 1 ? '' : 's'} checked: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.information} information, ${counts.hint} hint(s)`,
  );
  return `${lines.join('\n')}\n`;
}
