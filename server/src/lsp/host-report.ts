// Owns the answer to goDeployLint/analyzeHostReport: a scan's diagnostics per document and its Markdown report.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis/analyze';
import type { HostReportResult } from '../protocol';
import type { Settings } from '../settings';
import type { ProjectContext } from '../workspace/project';
import { analyzeHostOutput, hostInputOf, mirroredFindings } from '../host/host-report';
import { renderHostReport } from '../host/render';
import { toDiagnostic, toDiagnostics } from './diagnostics';

export function hostReportResult(
  host: string,
  output: string,
  settings: Settings,
  project: ProjectContext,
): HostReportResult {
  return hostReportResultOf(host, analyzeHostOutput(host, output, settings, project));
}

export function hostReportResultOf(host: string, analysis: Analysis): HostReportResult {
  const files = new Map<string, Diagnostic[]>([[analysis.uri, toDiagnostics(analysis)]]);
  for (const m of mirroredFindings(host, analysis)) {
    const list = files.get(m.uri) ?? [];
    list.push(toDiagnostic(m.finding, m.uri));
    files.set(m.uri, list);
  }
  const complete = hostInputOf(analysis).probe.complete;
  return {
    host,
    uri: analysis.uri,
    files: [...files].map(([uri, diagnostics]) => ({ uri, diagnostics })),
    markdown: renderHostReport(host, analysis),
    complete,
  };
}
