// Owns GoValues: the surface-neutral view of environment assignments that the Go value rules check.
import type { LineIndex, Range } from '../../text/line-index';
import type { TextEdit } from '../../text/edits';
import type { ResolvedGoVersion } from '../../knowledge/go-version';

export interface EnvBinding {
  readonly name: string;
  readonly nameRange: Range;
  /** The value the consumer sees, or undefined when the line passes the host's value through or is dropped. */
  readonly value: string | undefined;
  /** The value as written, quotes and escapes removed but variables not expanded. */
  readonly literal: string;
  /** The value as written (quotes included). */
  readonly valueRange: Range;
  /** Document offset of literal[0] when the literal appears verbatim in the text; undefined otherwise. */
  readonly exactOffset: number | undefined;
  /** The whole logical statement (assignment line, unit directive, Dockerfile instruction). */
  readonly statementRange: Range;
  /** Replaces the literal with a new one, quoted as the surface needs. */
  replaceValue(newValue: string): TextEdit;
  /** Edit that removes this binding entirely (the line, or the word in a multi-assignment). */
  remove(): TextEdit;
  /** Set in Windows Dockerfile stages: paths are `C:\\go`, lists use `;`; the POSIX path rules do not apply. */
  readonly windows?: boolean;
}

export interface GoValues {
  readonly surface: 'env-file' | 'systemd' | 'dockerfile';
  /** Whether `$VAR` in values is expanded by the consumer (dotenv-expand, compose, Dockerfile ENV, shell). */
  readonly expanding: boolean;
  readonly bindings: readonly EnvBinding[];
  readonly goVersion: ResolvedGoVersion;
  readonly index: LineIndex;
  /** Appends a new assignment after the last binding, in the surface's syntax. */
  appendBinding(name: string, value: string): TextEdit;
}

/** Range of literal[start, end) when the literal is verbatim in the text, else the whole value. */
export function valueSubRange(scope: GoValues, b: EnvBinding, start: number, end: number): Range {
  if (b.exactOffset === undefined || end <= start || end > b.literal.length) return b.valueRange;
  return scope.index.range(b.exactOffset + start, b.exactOffset + end);
}

/** The last binding per name, as every loader keeps the last one. */
export function lastBindings(scope: GoValues): Map<string, EnvBinding> {
  const m = new Map<string, EnvBinding>();
  for (const b of scope.bindings) m.set(b.name, b);
  return m;
}
