// Owns the formats CI systems read besides SARIF: GitLab Code Quality, Checkstyle XML and GitHub workflow commands.
import type { Severity } from '../rules/rule';
import type { FileReport } from './report';
import { escapeXml } from '../text/xml';

const GITLAB_SEVERITY: Record<Severity, string> = {
  error: 'major',
  warning: 'minor',
  information: 'info',
  hint: 'info',
};

/** GitLab Code Quality: a JSON array of issues (description, check_name, fingerprint, severity, location). */
export function formatGitlab(reports: readonly FileReport[]): string {
  const issues = reports.flatMap((r) =>
    r.findings.map((f) => ({
      description: `${f.finding.rule.id} ${f.finding.message}`,
      check_name: `${f.finding.rule.id} ${f.finding.rule.name}`,
      fingerprint: f.fingerprint,
      severity: GITLAB_SEVERITY[f.severity],
      location: { path: r.path, lines: { begin: f.finding.range.start.line + 1, end: f.finding.range.end.line + 1 } },
    })),
  );
  return `${JSON.stringify(issues, null, 2)}\n`;
}

const CHECKSTYLE_SEVERITY: Record<Severity, string> = {
  error: 'error',
  warning: 'warning',
  information: 'info',
  hint: 'info',
};

/** Checkstyle XML 4.3, as Jenkins' warnings-ng, reviewdog and most CI dashboards read it. */
export function formatCheckstyle(reports: readonly FileReport[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  for (const r of reports) {
    out.push(`  <file name="${escapeXml(r.path)}">`);
    for (const { finding: f, severity } of r.findings) {
      out.push(
        `    <error line="${f.range.start.line + 1}" column="${f.range.start.character + 1}" severity="${CHECKSTYLE_SEVERITY[severity]}" message="${escapeXml(f.message)}" source="go-deploy-lint.${f.rule.id}"/>`,
      );
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>', '');
  return out.join('\n');
}

const GITHUB_COMMAND: Record<Severity, string> = {
  error: 'error',
  warning: 'warning',
  information: 'notice',
  hint: 'notice',
};

/** The escaping of GitHub's workflow command data (%, CR, LF) and, in properties, also `:` and `,`. */
const ghData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const ghProperty = (s: string): string => ghData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow commands: one `::error file=…,line=…::message` per finding (annotations on the diff). */
export function formatGithub(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    for (const { finding: f, severity } of r.findings) {
      const props = [
        `file=${ghProperty(r.path)}`,
        `line=${f.range.start.line + 1}`,
        `col=${f.range.start.character + 1}`,
        `endLine=${f.range.end.line + 1}`,
        `endColumn=${f.range.end.character + 1}`,
        `title=${ghProperty(`${f.rule.id} ${f.rule.name}`)}`,
      ];
      lines.push(`::${GITHUB_COMMAND[severity]} ${props.join(',')}::${ghData(f.message)}`);
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
