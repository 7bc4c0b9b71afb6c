// Owns the one place where findings become LSP diagnostics.
import type { Diagnostic } from 'vscode-languageserver-types';
import { MAX_FINDINGS, type Analysis } from '../analysis/analyze';
import type { Settings } from '../settings';
import { SOURCE } from '../protocol';
import { docHref } from './rule-docs';
import { effectiveSeverity, toLspSeverity } from './severity';

/** The editor gets at most this many diagnostics per document, the most severe first, then one note for the rest. */
export const MAX_DIAGNOSTICS = 1000;

const RANK = { error: 0, warning: 1, information: 2, hint: 3 } as const;

export function toDiagnostics(analysis: Analysis, settings: Settings): Diagnostic[] {
  const out: Diagnostic[] = [];
  const visible = analysis.findings.flatMap((f) => {
    const severity = effectiveSeverity(f, settings);
    return severity === 'off' ? [] : [{ f, severity }];
  });
  // A generated or pasted file can hold 10⁵ findings: the editor gets the first ones by severity, then a note.
  const shown = visible.length <= MAX_DIAGNOSTICS ? visible : visible.map((x, i) => ({ ...x, i })).sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.i - b.i).slice(0, MAX_DIAGNOSTICS);
  for (const { f, severity } of shown) {
    const d: Diagnostic = {
      range: f.range,
      message: f.message,
      severity: toLspSeverity(severity),
      code: f.rule.id,
      codeDescription: { href: docHref(f.rule) },
      source: SOURCE,
    };
    if (f.related.length > 0) {
      d.relatedInformation = f.related.map((r) => ({ location: { uri: r.uri ?? analysis.uri, range: r.range }, message: r.message }));
    }
    if (f.tags.length > 0) d.tags = [...f.tags];
    out.push(d);
  }
  if (visible.length > shown.length || analysis.truncated === true) {
    const first = analysis.findings[0];
    const hidden = visible.length > shown.length ? `${(visible.length - shown.length).toLocaleString('en-US')} more findings are not shown (the editor shows the first ${MAX_DIAGNOSTICS.toLocaleString('en-US')}); run \`go-deploy-lint lint\` for all` : '';
    const stopped = analysis.truncated === true ? `analysis stopped after ${MAX_FINDINGS.toLocaleString('en-US')} findings` : '';
    out.push({
      range: first?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      message: [hidden, stopped].filter((x) => x !== '').join('; '),
      severity: 3,
      source: SOURCE,
    });
  }
  return out;
}
