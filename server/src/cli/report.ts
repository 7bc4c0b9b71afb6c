// Owns the CLI's neutral result model that every output format renders.
import type { LanguageId } from '../workspace/language-id';
import type { Finding, Severity } from '../rules/rule';

export interface ReportedFinding {
  readonly finding: Finding;
  readonly severity: Severity;
  /** Stable under line shifts (fingerprint.ts): SARIF partialFingerprints, GitLab, --baseline. */
  readonly fingerprint: string;
}

export interface FileReport {
  /** The argument given plus the walked relative path, with `/` separators. */
  readonly path: string;
  readonly language: LanguageId | undefined;
  readonly findings: readonly ReportedFinding[];
  /** The analysis stopped at its finding budget (MAX_FINDINGS). */
  readonly truncated?: boolean;
}
