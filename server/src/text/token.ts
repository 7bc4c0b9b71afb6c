// Owns the Token shape every parser uses: source text plus its editor range.
import type { LineIndex, Range } from './line-index';

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

/** A token whose editor range is computed on first use: parsers create many, rules look at few. */
export class SourceToken implements Token {
  private cached: Range | undefined;
  readonly text: string;
  constructor(
    private readonly index: LineIndex,
    readonly offset: number,
    end: number,
  ) {
    this.text = index.text.slice(offset, end);
  }
  get range(): Range {
    return (this.cached ??= this.index.range(this.offset, this.offset + this.text.length));
  }
}

/** A lazily computed range over offsets, for AST nodes that are not tokens. */
export class LazyRange {
  private cached: Range | undefined;
  constructor(
    private readonly index: LineIndex,
    readonly start: number,
    readonly end: number,
  ) {}
  get range(): Range {
    return (this.cached ??= this.index.range(this.start, this.end));
  }
}
