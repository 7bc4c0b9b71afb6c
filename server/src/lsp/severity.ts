// Owns the severity a finding ends up with after the user's per-rule setting.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Finding, Severity } from '../rules/rule';
import type { Settings } from '../settings';

export function effectiveSeverity(finding: Finding, settings: Settings): Severity | 'off' {
  return settings.rules[finding.rule.id] ?? finding.severity;
}

export function toLspSeverity(s: Severity): DiagnosticSeverity {
  switch (s) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'information':
      return DiagnosticSeverity.Information;
    case 'hint':
      return DiagnosticSeverity.Hint;
  }
}
