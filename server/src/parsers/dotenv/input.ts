// Owns DotenvInput: what env-file rules receive (tree, dialect and each line's effect).
import type { LineIndex } from '../../text/line-index';
import type { EnvFile } from './ast';
import type { EnvDialect, ResolvedBinding } from './dialects';

export interface DotenvInput {
  readonly file: EnvFile;
  readonly dialect: EnvDialect;
  /** Why this dialect applies, e.g. `dialect comment on line 1`. */
  readonly dialectSource: string;
  readonly bindings: readonly ResolvedBinding[];
  readonly index: LineIndex;
}
