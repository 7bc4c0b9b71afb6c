// Owns the contract between a language surface and the analysis: what a surface hands over after parsing.
import type { Range } from '../text/line-index';
import type { Token } from '../text/token';
import type { RuleInputs } from '../rules/rule';
import type { Settings } from '../settings';
import type { ProjectContext } from '../workspace/project';

export interface AnalysisContext {
  readonly settings: Settings;
  readonly project: ProjectContext;
  /** Called when a rule throws; the analysis goes on without it. */
  readonly onRuleError?: (ruleId: string, error: unknown) => void;
}

interface Common {
  /** Comment tokens, where suppression comments are looked for. */
  readonly comments: readonly Token[];
  /** Logical statements in order; a line suppression applies to the next one. */
  readonly statements: readonly Range[];
  /** Line-oriented files (env files, units): what the keystroke path (analysis/incremental.ts) needs to know. */
  readonly lines?: LineFacts;
}

/** The facts about a line-oriented file's lines that decide whether an edit of one line can be analysed alone. */
export interface LineFacts {
  /**
   * Some statement spans lines (an env quote left open or read across lines, a unit continuation): lines are not
   * independent, and a statement is not its line (code actions then need the parse).
   */
  readonly spanning: boolean;
  /** Env files: the dialect comes from a comment in the file (an edit could be in it). */
  readonly dialectFromComment: boolean;
}

/**
 * What a surface hands over, one variant per language: the inputs its rule languages receive, each held once.
 * Hover, completion and links narrow on `language` and read the same inputs the rules saw.
 */
export type Prepared = Common &
  (
    | { readonly language: 'dotenv'; readonly inputs: Pick<RuleInputs, 'dotenv' | 'go-values'> }
    | { readonly language: 'binfmt' | 'shellscript'; readonly inputs: Pick<RuleInputs, 'binfmt'> }
    | { readonly language: 'dockerfile'; readonly inputs: Pick<RuleInputs, 'dockerfile' | 'binfmt' | 'go-values'> }
    | { readonly language: 'systemd-unit'; readonly inputs: Pick<RuleInputs, 'systemd' | 'go-values' | 'binfmt'> }
    | { readonly language: 'host-report'; readonly inputs: Pick<RuleInputs, 'host-report'> }
    | {
        readonly language: 'compose' | 'kubernetes' | 'quadlet';
        readonly inputs: Pick<RuleInputs, 'containers' | 'go-values'>;
      }
  );

/** A surface's answer when the text is another format than the file name suggests: one information note, no rule. */
export interface NotThisLanguage {
  readonly language: 'not-this-language';
  readonly range: Range;
  readonly reason: string;
}
