// Owns a scan's analysis: the probe output analysed as a document, and its findings mirrored onto workspace files.
import { analyze, type Analysis } from '../analysis/analyze';
import type { Finding } from '../rules/rule';
import type { Settings } from '../settings';
import type { HostInput } from '../parsers/host-report/input';
import { hostFacts } from '../parsers/host-report/facts';
import { parseHostReport } from '../parsers/host-report/parse';
import type { ProjectContext } from '../workspace/project';
import { hostReportUri } from '../protocol';

export function analyzeHostOutput(host: string, output: string, settings: Settings, project: ProjectContext): Analysis {
  return analyze(
    { uri: hostReportUri(host), path: undefined, text: output, version: 1, languageId: 'host-report' },
    { settings, project },
  );
}

/**
 * The parsed report and its facts, as the host rules saw them. Output with a NUL byte or invalid UTF-8 gets no
 * surface (GDL001 alone); its records are read here so the report still shows them.
 */
export function hostInputOf(analysis: Analysis): HostInput {
  if (analysis.prepared?.language === 'host-report') return analysis.prepared.inputs['host-report'];
  const report = parseHostReport(analysis.index).ast;
  return { probe: report, facts: hostFacts(report), index: analysis.index, units: () => [] };
}

/** Paths of the binaries a probe output shows to be Go programs (the build ID note in their first page). */
export function goBinariesIn(analysis: Analysis): string[] {
  return hostInputOf(analysis)
    .facts.binaries.filter((b) => b.go)
    .map((b) => b.path);
}

/** A finding shown on another document than the one it was found in. */
export interface MirroredFinding {
  readonly uri: string;
  readonly finding: Finding;
}

/** A finding about a workspace file also shows on that file, so it is seen where it is fixed. */
export function mirroredFindings(host: string, analysis: Analysis): MirroredFinding[] {
  const out: MirroredFinding[] = [];
  for (const f of analysis.findings) {
    for (const r of f.related) {
      if (r.uri === undefined || r.uri === analysis.uri) continue;
      const related = [{ uri: analysis.uri, range: f.range, message: `probe output of ${host}` }];
      out.push({ uri: r.uri, finding: { ...f, range: r.range, message: `${host}: ${f.message}`, related } });
    }
  }
  return out;
}

/** The facts a fleet report shows per host: OS, architecture, init, systemd, C library and the Go versions on PATH. */
export interface HostSummary {
  readonly os: string;
  readonly arch: string;
  readonly init: string;
  readonly systemd: number | undefined;
  readonly libc: string;
  readonly go: readonly string[];
}

export function hostSummary(analysis: Analysis): HostSummary {
  const f = hostInputOf(analysis).facts;
  const release = f.osRelease.get('PRETTY_NAME') ?? f.osRelease.get('NAME');
  return {
    os: release ?? (f.os === '' ? 'unknown' : f.os),
    arch: f.arch === '' ? 'unknown' : f.arch,
    init: f.pid1 ?? 'unknown',
    systemd: f.systemdVersion,
    libc: f.musl ? 'musl' : f.glibcVersion !== undefined ? `glibc ${f.glibcVersion}` : 'unknown',
    go: f.goOnPath.map((g) => g.version ?? 'unknown'),
  };
}
