// Owns DotenvInput: what env-file rules receive (tree, dialect and each line's effect).
import type { LineIndex } from '../../text/line-index';
import type { EnvAssignment, EnvFile } from './ast';
import type { EnvDialect, ResolvedBinding } from './dialects';

export interface DotenvInput {
  readonly file: EnvFile;
  readonly dialect: EnvDialect;
  /** Why this dialect applies, e.g. `dialect comment on line 1`. */
  readonly dialectSource: string;
  readonly bindings: readonly ResolvedBinding[];
  readonly index: LineIndex;
  /**
   * docker and go-env read line by line: lines that a quote opened on an earlier line would span in other
   * dialects. The loader reads them as entries of their own; GDL107 reports the quote, other rules stay quiet there.
   */
  readonly spilledLines: ReadonlySet<number>;
  /** Where those quotes open: the assignments, as other dialects would read them across lines. */
  readonly spanningQuotes: readonly EnvAssignment[];
}
