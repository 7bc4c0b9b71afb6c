// Owns the contract between a language surface and the analysis: what a surface hands over after parsing.
import type { Range } from '../text/line-index';
import type { Token } from '../text/token';
import type { RuleInputs } from '../rules/rule';
import type { Settings } from '../settings';
import type { ProjectContext } from '../workspace/project';
import type { DotenvInput } from '../parsers/dotenv/input';
import type { BinfmtFile } from '../parsers/binfmt/ast';
import type { SystemdInput } from '../parsers/systemd/input';
import type { DockerInput } from '../parsers/dockerfile/input';
import type { HostInput } from '../host/input';

export interface AnalysisContext {
  readonly settings: Settings;
  readonly project: ProjectContext;
  /** Called when a rule throws; the analysis goes on without it. */
  readonly onRuleError?: (ruleId: string, error: unknown) => void;
}

export interface Prepared {
  readonly ast: unknown;
  /** Set when the text is another format than the file name suggests: one information note, no other rule. */
  readonly notThisLanguage?: { readonly range: Range; readonly reason: string };
  /** Comment tokens, where suppression comments are looked for. */
  readonly comments: readonly Token[];
  /** Logical statements in order; a line suppression applies to the next one. */
  readonly statements: readonly Range[];
  readonly inputs: Partial<RuleInputs>;
  /** Kept for hover and completion on env files. */
  readonly dotenv?: DotenvInput;
  /** Kept for hover on registrations. */
  readonly binfmt?: BinfmtFile;
  /** Kept for hover and completion in units. */
  readonly systemd?: SystemdInput;
  /** Kept for hover in Dockerfiles. */
  readonly docker?: DockerInput;
  /** Kept for the host report view. */
  readonly host?: HostInput;
}
