// Owns the env-file syntax tree: dialect-neutral entries with a range for every part.
import type { Range } from '../../text/line-index';
import type { Token } from '../../text/token';

export type QuoteChar = '"' | "'" | '`';

export interface EnvValue {
  /** From the first value character to the end of the entry (closing quote line), line break excluded. */
  readonly raw: Token;
  readonly quote: QuoteChar | undefined;
  /** False when a quote opens and never closes. */
  readonly closed: boolean;
  /** Text between the quotes (unquoted: same as raw). */
  readonly body: Token;
  /** Text after the closing quote on the same line, e.g. ` # comment`. */
  readonly after: Token | undefined;
}

export interface EnvAssignment {
  readonly kind: 'assignment';
  /** The whole entry (several lines for a multi-line quoted value), line break excluded. */
  readonly range: Range;
  readonly exportKeyword: Token | undefined;
  readonly key: Token;
  /** Whitespace between the key and `=`, when present. */
  readonly spaceBefore: Token | undefined;
  readonly equals: Token;
  /** Whitespace between `=` and the value, when present. */
  readonly spaceAfter: Token | undefined;
  readonly value: EnvValue | undefined;
  /** True when the entry's last line ends with `\r\n`. */
  readonly crlf: boolean;
}

export interface EnvBareKey {
  readonly kind: 'bare-key';
  readonly range: Range;
  readonly exportKeyword: Token | undefined;
  readonly key: Token;
}

export interface EnvComment {
  readonly kind: 'comment';
  readonly range: Range;
  readonly text: Token;
}

/** A line that is none of the above, e.g. `FOO BAR` or `= value`. */
export interface EnvInvalidLine {
  readonly kind: 'invalid';
  readonly range: Range;
  readonly text: Token;
}

export type EnvEntry = EnvAssignment | EnvBareKey | EnvComment | EnvInvalidLine;

export interface EnvFile {
  readonly kind: 'env-file';
  readonly entries: readonly EnvEntry[];
  readonly hasBom: boolean;
  /** Lines (0-based) that end with `\r\n`. */
  readonly crlfLines: readonly number[];
}
