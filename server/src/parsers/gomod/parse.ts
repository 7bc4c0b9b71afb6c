// Owns reading go.mod: the module path, go and toolchain lines and the require list, by the grammar of
// golang.org/x/mod/modfile (read.go: `//` comments, `verb (` … `)` blocks, quoted and raw strings). Never throws.
import { parseGoVersion, type GoVersion } from '../../knowledge/go-version';

export interface GoModLine {
  /** The text as written (`1.28`, `go1.28.1`). */
  readonly text: string;
  readonly version: GoVersion | undefined;
  /** 0-based line of the directive in go.mod. */
  readonly line: number;
}

export interface GoModRequire {
  readonly path: string;
  readonly version: string;
  /** Marked `// indirect`: needed by a dependency, still in the build list. */
  readonly indirect: boolean;
  readonly line: number;
}

export interface GoMod {
  readonly module: string | undefined;
  readonly go: GoModLine | undefined;
  readonly toolchain: GoModLine | undefined;
  readonly requires: readonly GoModRequire[];
}

interface Line {
  readonly words: string[];
  readonly comment: string;
  readonly line: number;
}

/** Splits one physical line into words (quoted strings unquoted) and its trailing `//` comment. */
function wordsOf(text: string, line: number): Line {
  const words: string[] = [];
  let comment = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (text.startsWith('//', i)) {
      comment = text.slice(i + 2).trim();
      break;
    }
    if (c === '"' || c === '`') {
      let j = i + 1;
      let value = '';
      while (j < text.length && text[j] !== c) {
        if (c === '"' && text[j] === '\\' && j + 1 < text.length) {
          value += text[j + 1];
          j += 2;
          continue;
        }
        value += text[j];
        j++;
      }
      words.push(value);
      i = j + 1;
      continue;
    }
    if (c === '(' || c === ')') {
      words.push(c);
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && !' \t\r()"`'.includes(text[j] ?? '') && !text.startsWith('//', j)) j++;
    words.push(text.slice(i, j));
    i = j;
  }
  return { words, comment, line };
}

export function parseGoMod(text: string): GoMod {
  let module: string | undefined;
  let go: GoModLine | undefined;
  let toolchain: GoModLine | undefined;
  const requires: GoModRequire[] = [];
  let block: string | undefined;
  const lines = text.split('\n');
  const directive = (verb: string, args: readonly string[], l: Line): void => {
    if (verb === 'module' && args[0] !== undefined) module = args[0];
    else if (verb === 'go' && args[0] !== undefined)
      go = { text: args[0], version: parseGoVersion(args[0]), line: l.line };
    else if (verb === 'toolchain' && args[0] !== undefined)
      toolchain = { text: args[0], version: parseGoVersion(args[0]), line: l.line };
    else if (verb === 'require' && args[0] !== undefined && args[1] !== undefined)
      requires.push({ path: args[0], version: args[1], indirect: /^indirect\b/.test(l.comment), line: l.line });
  };
  for (let n = 0; n < lines.length; n++) {
    const l = wordsOf(lines[n] ?? '', n);
    if (l.words.length === 0) continue;
    if (block !== undefined) {
      if (l.words[0] === ')') block = undefined;
      else directive(block, l.words, l);
      continue;
    }
    const [verb = '', ...args] = l.words;
    if (args[0] === '(' && args.length === 1) {
      block = verb;
      continue;
    }
    directive(verb, args, l);
  }
  return { module, go, toolchain, requires };
}
