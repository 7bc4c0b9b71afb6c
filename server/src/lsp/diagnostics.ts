// Owns the one place where findings become LSP diagnostics.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { MAX_FINDINGS, type Analysis } from '../analysis/analyze';
import { SOURCE } from '../protocol';
import { docHref } from '../analysis/rule-docs';
import type { Finding, Severity } from '../rules/rule';

/** The editor gets at most this many diagnostics per document, the most severe first, then one note for the rest. */
export const MAX_DIAGNOSTICS = 1000;

const RANK = { error: 0, warning: 1, information: 2, hint: 3 } as const;

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** One finding of the document `uri` as a diagnostic (related locations without a URI are in that document). */
export function toDiagnostic(f: Finding, uri: string): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    message: f.message,
    severity: LSP_SEVERITY[f.severity],
    code: f.rule.id,
    codeDescription: { href: docHref(f.rule) },
    source: SOURCE,
  };
  if (f.related.length > 0)
    d.relatedInformation = f.related.map((r) => ({
      location: { uri: r.uri ?? uri, range: r.range },
      message: r.message,
    }));
  if (f.tags.length > 0) d.tags = [...f.tags];
  return d;
}

export function toDiagnostics(analysis: Analysis): Diagnostic[] {
  const out: Diagnostic[] = [];
  const visible = analysis.findings.map((f) => ({ f, severity: f.severity }));
  // A generated or pasted file can hold 10⁵ findings: the editor gets the first ones by severity, then a note.
  const shown =
    visible.length <= MAX_DIAGNOSTICS
      ? visible
      : visible
          .map((x, i) => ({ ...x, i }))
          .sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.i - b.i)
          .slice(0, MAX_DIAGNOSTICS);
  for (const { f } of shown) out.push(toDiagnostic(f, analysis.uri));
  if (visible.length > shown.length || analysis.truncated === true) {
    const first = analysis.findings[0];
    const hidden =
      visible.length > shown.length
        ? `${(visible.length - shown.length).toLocaleString('en-US')} more findings are not shown (the editor shows the first ${MAX_DIAGNOSTICS.toLocaleString('en-US')}); run \`go-deploy-lint lint\` for all`
        : '';
    const stopped =
      analysis.truncated === true ? `analysis stopped after ${MAX_FINDINGS.toLocaleString('en-US')} findings` : '';
    out.push({
      range: first?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      message: [hidden, stopped].filter((x) => x !== '').join('; '),
      severity: 3,
      source: SOURCE,
    });
  }
  return out;
}
