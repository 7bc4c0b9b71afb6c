// Owns the rule contract: defineRule, findings, fixes and the inputs each rule language receives.
import { redactUrls } from '../knowledge/secrets';
import type { DiagnosticTag } from 'vscode-languageserver-types';
import type { Range } from '../text/line-index';
import type { TextEdit } from '../text/edits';
import type { DotenvInput } from '../parsers/dotenv/input';
import type { GoValues } from './go-values/input';
import type { EngineInput } from './engine/engine-input';
import type { BinfmtInput } from '../parsers/binfmt/input';
import type { SystemdInput } from '../parsers/systemd/input';
import type { DockerfileInput } from '../parsers/dockerfile/input';
import type { HostInput } from '../parsers/host-report/input';
import type { ContainersInput } from '../parsers/containers/model';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Severities in order, worst highest (--fail-on thresholds, the worst severity of a group). */
export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, information: 1, hint: 0 };
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];
export type FixSafety = 'safe' | 'unsafe' | 'none';

/** What each rule language's `check` receives; a surface fills the entries its language has. */
export interface RuleInputs {
  engine: EngineInput;
  dotenv: DotenvInput;
  /** Go environment values from any surface: env files, unit `Environment=`/`EnvironmentFile=`, Dockerfile `ENV`/`ARG`/`RUN`. */
  'go-values': GoValues;
  /** binfmt_misc registrations from binfmt.d, update-binfmts files, shell scripts, Dockerfile RUN and unit Exec lines. */
  binfmt: BinfmtInput;
  /** systemd units and drop-ins, with the merged unit and its environment. */
  systemd: SystemdInput;
  /** Dockerfiles: dockerfile-ast plus the stage model and go builds. */
  dockerfile: DockerfileInput;
  /** A host scan's probe output. */
  'host-report': HostInput;
  /** Containers of Compose files, Kubernetes manifests and Podman Quadlet units: environment, limits, health checks. */
  containers: ContainersInput;
}
export type RuleLanguage = keyof RuleInputs;

export interface RuleDocs {
  /** Short noun phrase, shown in tables. */
  readonly summary: string;
  /** What it does, in one or two sentences. */
  readonly what: string;
  readonly why: string;
  /** A file in the rule's example language that fires the rule. */
  readonly example: string;
  /** The same file written right; must not fire the rule. */
  readonly useInstead: string;
  /** File name the examples are linted under (default `.env`). */
  readonly exampleFile?: string;
  /** File name for the "use instead" text when the fix is a rename (default: exampleFile). */
  readonly useInsteadFile?: string;
  /** Raw settings the examples are linted with, when the rule needs one turned on. */
  readonly exampleSettings?: Readonly<Record<string, unknown>>;
  readonly references?: readonly string[];
}

export interface RelatedInfo {
  readonly range: Range;
  readonly message: string;
  /** Another document; defaults to the current one. */
  readonly uri?: string;
}

export interface FixInput {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** Defaults to the rule's fixSafety. */
  readonly safe?: boolean;
}

export interface FindingInput {
  readonly range: Range;
  readonly message: string;
  /** Overrides the rule's default for this finding (the user's setting still wins). */
  readonly severity?: Severity;
  readonly related?: readonly RelatedInfo[];
  readonly fixes?: readonly FixInput[];
  readonly tags?: readonly DiagnosticTag[];
}

export type Report = (finding: FindingInput) => void;

export interface RuleDefinition<L extends RuleLanguage> {
  readonly id: string;
  readonly name: string;
  readonly language: L;
  readonly defaultSeverity: Severity;
  readonly fixSafety: FixSafety;
  readonly docs: RuleDocs;
  /**
   * systemd rules: the keys whose lines this rule reads together with other lines (a finding that depends on another
   * line or on the unit as a whole, a value copied elsewhere). Omitted when each line's findings depend on that line
   * alone (with its section and the file's name). A keystroke in the value of a key no rule lists is re-checked on
   * its own line (analysis/incremental.ts); test/unit/incremental-unit.test.ts holds every rule to its list.
   */
  readonly crossLineKeys?: readonly string[];
  check(input: RuleInputs[L], report: Report): void;
}

export type Rule = { [L in RuleLanguage]: RuleDefinition<L> }[RuleLanguage];

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly safe: boolean;
}

export interface Finding {
  readonly rule: Rule;
  readonly range: Range;
  readonly message: string;
  readonly severity: Severity;
  readonly related: readonly RelatedInfo[];
  readonly fixes: readonly Fix[];
  readonly tags: readonly DiagnosticTag[];
}

export function defineRule<L extends RuleLanguage>(def: RuleDefinition<L>): RuleDefinition<L> {
  return def;
}

const NONE: readonly never[] = [];

/** Control characters shown escaped, so a message stays one line. */
function oneLine(message: string): string {
  return /[\r\n\t]/.test(message) ? message.replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t') : message;
}

/** Thrown from report() when the document's finding budget is spent: the rule stops, the findings so far stay. */
class BudgetSpent extends Error {}

/**
 * Runs one rule and turns what it reports into findings; a throwing rule never takes the others down. At most
 * `limit` findings are kept: a generated file with a finding on each of 10⁶ lines must not exhaust the heap.
 */
export function runRule<L extends RuleLanguage>(
  rule: RuleDefinition<L>,
  input: RuleInputs[L],
  onError: (rule: Rule, error: unknown) => void,
  limit = Infinity,
): Finding[] {
  const out: Finding[] = [];
  try {
    rule.check(input, (f) => {
      if (out.length >= limit) throw new BudgetSpent();
      out.push({
        rule: rule as unknown as Rule,
        range: f.range,
        // Messages are one line: control characters from values are shown escaped. They end up in CI logs and
        // uploaded SARIF: a URL's password never appears (rules also leave out values of secret-looking names).
        message: redactUrls(oneLine(f.message)),
        severity: f.severity ?? rule.defaultSeverity,
        related: f.related === undefined ? NONE : f.related.map((r) => ({ ...r, message: redactUrls(r.message) })),
        fixes:
          f.fixes === undefined
            ? NONE
            : f.fixes.map((x) => ({
                title: redactUrls(x.title),
                edits: x.edits,
                safe: x.safe ?? rule.fixSafety === 'safe',
              })),
        tags: f.tags ?? NONE,
      });
    });
  } catch (error) {
    if (!(error instanceof BudgetSpent)) onError(rule as unknown as Rule, error);
  }
  return out;
}
