// Owns the document-level binfmt model: registrations found in any surface, with a map from register bytes to text.
import type { Range } from '../../text/line-index';
import type { Token } from '../../text/token';
import type { Registration } from './registration';

export type BinfmtSurface = 'binfmt.d' | 'update-binfmts' | 'shell' | 'dockerfile' | 'systemd-unit';

/** One registration in a document and how its bytes map back to the text. */
export interface RegistrationNode {
  readonly surface: BinfmtSurface;
  readonly registration: Registration;
  /** Editor range of register bytes [start, end); falls back to the whole statement when bytes were synthesized. */
  rangeOf(start: number, end: number): Range;
  /** The statement that holds it: the line, the echo/printf command, the key-value file. */
  readonly statement: Range;
  /** Document offsets of the register string's bytes when they appear verbatim, for precise edits. */
  readonly verbatimOffset: number | undefined;
  /** What the shell did to the text, for hover ("echo -e decoded `\\x7f` before the kernel saw it"). */
  readonly transformNote?: string;
  /** update-binfmts values by key, so fixes can edit the right line. */
  readonly keys?: ReadonlyMap<string, Token>;
  /** update-binfmts key tokens, for findings about a whole setting. */
  readonly keyNames?: ReadonlyMap<string, Token>;
}

export interface BinfmtFile {
  readonly kind: 'binfmt-file';
  readonly registrations: readonly RegistrationNode[];
  readonly comments: readonly Token[];
  /** Comment lines that look like registrations with `#` or `;` as the delimiter (GDL302 in binfmt.d). */
  readonly commentedRegistrations: readonly Token[];
  readonly statements: readonly Range[];
}
