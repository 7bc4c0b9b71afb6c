// Owns the one place where findings become LSP diagnostics.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis/analyze';
import type { Settings } from '../settings';
import { SOURCE } from '../protocol';
import { docHref } from './rule-docs';
import { effectiveSeverity, toLspSeverity } from './severity';

export function toDiagnostics(analysis: Analysis, settings: Settings): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of analysis.findings) {
    const severity = effectiveSeverity(f, settings);
    if (severity === 'off') continue;
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
  return out;
}
