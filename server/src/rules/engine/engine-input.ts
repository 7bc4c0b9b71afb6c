// Owns EngineInput: what the engine rules (GDL001–003) receive after the other rules ran.
import type { Range } from '../../text/line-index';
import type { SuppressedCode, Suppression } from '../../parsers/suppressions';
import type { Severity } from '../rule';

export interface EngineInput {
  /** Set when the text cannot be read as its language. */
  readonly unparsable: { readonly range: Range; readonly reason: string; readonly severity?: Severity } | undefined;
  readonly suppressions: readonly Suppression[];
  /** The codes that silenced at least one finding. */
  readonly used: ReadonlySet<SuppressedCode>;
  readonly knownCodes: ReadonlySet<string>;
  readonly reportUnusedSuppressions: boolean;
}
