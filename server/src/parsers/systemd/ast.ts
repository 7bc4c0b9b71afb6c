// Owns the systemd unit syntax tree (systemd.syntax(7), src/shared/conf-parser.c): sections, assignments with joined continuation values, and problems.
import type { Range } from '../../text/line-index';
import type { Token } from '../../text/token';

/** A value after joining continuation lines; `rangeOf` maps value offsets back to the document. */
export interface UnitValue {
  readonly text: string;
  readonly range: Range;
  rangeOf(start: number, end: number): Range;
  /** Document offset of value[i] (continuations make the value non-contiguous). */
  offsetOf(i: number): number;
  /**
   * The value split into words as systemd's extract_first_word() does (Exec*=, Environment=, unit lists); `end`
   * splits only `text.slice(0, end)` (the value before an inline comment). Computed on first use.
   */
  words(end?: number): SplitResult;
}

export interface SplitResult {
  readonly words: UnitWord[];
  /** Set when a quote never closes (systemd: "Unbalanced quoting, ignoring"), or a value ends in a lone `\`. */
  readonly broken?: { readonly start: number; readonly end: number; readonly reason: string };
  /** Escapes systemd does not know (`\d`): kept verbatim with a warning ("Ignoring unknown escape sequences"). */
  readonly unknownEscapes: readonly { readonly start: number; readonly end: number }[];
}

export interface UnitAssignment {
  readonly kind: 'assignment';
  /** The section the key sits in; undefined before any header (GDL201). */
  readonly section: UnitSection | undefined;
  readonly key: Token;
  readonly value: UnitValue;
  /** The whole logical line, continuations included. */
  readonly range: Range;
  readonly line: number;
}

export interface UnitSection {
  readonly name: Token;
  readonly header: Range;
  readonly assignments: UnitAssignment[];
}

export type UnitSyntaxProblem =
  | { readonly kind: 'invalid-section-header'; readonly range: Range; readonly text: string }
  | { readonly kind: 'missing-equals'; readonly range: Range; readonly text: string }
  | { readonly kind: 'empty-key'; readonly range: Range; readonly text: string };

export interface UnitFile {
  readonly kind: 'unit-file';
  readonly sections: readonly UnitSection[];
  readonly assignments: readonly UnitAssignment[];
  readonly problems: readonly UnitSyntaxProblem[];
  readonly comments: readonly Token[];
}

/** A word of a command line or Environment= value (quoting of src/basic/extract-word.c), in value offsets. */
export interface UnitWord {
  readonly value: string;
  readonly start: number;
  readonly end: number;
  readonly quoted: boolean;
}
