// Owns the Token shape every parser uses: source text plus its editor range.
import type { Range } from './line-index';

export interface Token {
  readonly text: string;
  readonly range: Range;
  /** Offset of the first character in the document; parsers set it so fixes need no re-scan. */
  readonly offset: number;
}

export interface SyntaxProblem {
  readonly message: string;
  readonly range: Range;
}

export interface ParseResult<Ast> {
  readonly ast: Ast;
  readonly problems: readonly SyntaxProblem[];
}
