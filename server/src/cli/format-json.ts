// Owns the CLI's JSON output, whose shape is a public contract (version 1).
import type { FileReport } from './report';

export function formatJson(reports: readonly FileReport[]): string {
  const files = reports.map((r) => ({
    path: r.path,
    language: r.language ?? null,
    diagnostics: r.findings.map(({ finding: f, severity }) => ({
      code: f.rule.id,
      name: f.rule.name,
      severity,
      message: f.message,
      range: f.range,
      fixes: f.fixes.map((x) => ({ title: x.title, safe: x.safe, edits: x.edits.map((e) => ({ range: e.range, newText: e.newText })) })),
    })),
  }));
  return `${JSON.stringify({ version: 1, files }, null, 2)}\n`;
}
