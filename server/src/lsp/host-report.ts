// Owns the answers to goDeployLint/analyzeHostReport and goDeployLint/analyzeFleet: a scan's diagnostics per
// document and its Markdown report, one host or an inventory's.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis/analyze';
import { fleetHostPage, type AnalyzeFleetParams, type FleetResult, type HostReportResult } from '../protocol';
import { docFileName } from '../analysis/rule-docs';
import { failedFleetHost, fleetHostOf, fleetMarkdown, type FleetHost } from '../host/fleet';
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

/**
 * An inventory scan: each answering host analysed as for one host, and the fleet report. Its links are relative
 * (host pages and rule pages next to it, as the editor serves them) and its charts data URIs (no files, no network).
 */
export function fleetResult(
  params: AnalyzeFleetParams,
  settings: Settings,
  project: ProjectContext,
  onAnalysed: (host: string, analysis: Analysis) => void = () => undefined,
): FleetResult {
  const fleet: FleetHost[] = [];
  const hosts: HostReportResult[] = [];
  const failures: { host: string; problem: string }[] = [];
  for (const h of params.hosts) {
    const name = String(h.host);
    if (typeof h.output === 'string') {
      const analysis = analyzeHostOutput(name, h.output, settings, project);
      onAnalysed(name, analysis);
      hosts.push(hostReportResultOf(name, analysis));
      fleet.push(fleetHostOf(name, analysis));
    } else {
      const problem = String(h.problem ?? 'no result');
      failures.push({ host: name, problem });
      fleet.push(failedFleetHost(name, problem));
    }
  }
  const markdown = fleetMarkdown(fleet, {
    chart: (_name, svg) => `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`,
    host: fleetHostPage,
    rule: (rule) => encodeURI(docFileName(rule)),
  });
  return { markdown, hosts, failures };
}
