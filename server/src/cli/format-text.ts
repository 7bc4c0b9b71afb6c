// Owns the human-readable CLI output: one line per finding, then a summary.
import type { FileReport } from './report';
import { printable } from '../text/printable';

export function formatText(reports: readonly FileReport[], skipped = 0): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of reports) {
    for (const { finding: f, severity } of r.findings) {
      counts[severity]++;
      const fix = f.fixes.length === 0 ? '' : f.fixes[0]?.safe === true ? ' (fixable)' : ' (suggestion)';
      lines.push(
        `${printable(r.path)}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${severity} ${f.rule.id} ${printable(f.message)} [${f.rule.name}]${fix}`,
      );
    }
  }
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const checked = `${reports.length} file${reports.length === 1 ? '' : 's'} checked${skipped > 0 ? ` (${skipped} skipped, listed on stderr)` : ''}`;
  lines.push(
    total === 0
      ? `${checked}, no problems`
      : `${checked}: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.information} information, ${counts.hint} hint(s)`,
  );
  return `${lines.join('\n')}\n`;
}
