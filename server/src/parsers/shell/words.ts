// Owns a small POSIX shell reader: simple commands, words after quote removal with a map back to the text, redirections.

/** A word after quote removal; `map[i]` is the document offset of value[i]. */
export interface ShellWord {
  readonly value: string;
  readonly map: readonly number[];
  readonly start: number;
  readonly end: number;
  /** True when the word holds `$…` or a backquote the reader cannot evaluate. */
  readonly dynamic: boolean;
  /** True when any part was quoted (so `-e` inside quotes is still an option to echo, but `#` is not a comment). */
  readonly quoted: boolean;
}

export interface Redirect {
  readonly op: '>' | '>>' | '<' | '>|' | '2>' | '&>';
  readonly target: ShellWord;
}

export interface SimpleCommand {
  readonly words: readonly ShellWord[];
  readonly redirects: readonly Redirect[];
  /** The command that receives this one's stdout (`a | b`). */
  readonly pipeTo?: SimpleCommand;
  readonly start: number;
  readonly end: number;
}

/** Splits shell text (offset `base` in the document) into simple commands; never throws. */
export function readCommands(text: string, base = 0): SimpleCommand[] {
  const out: SimpleCommand[] = [];
  let i = 0;
  let words: ShellWord[] = [];
  let redirects: Redirect[] = [];
  let pendingRedirect: Redirect['op'] | undefined;
  let cmdStart = 0;
  let pipeFrom: { words: ShellWord[]; redirects: Redirect[]; start: number; end: number }[] = [];
  const finish = (end: number, pipe: boolean): void => {
    if (words.length > 0 || redirects.length > 0) {
      const cmd = { words, redirects, start: base + cmdStart, end: base + end };
      if (pipe) pipeFrom.push(cmd);
      else {
        // Link a pipeline left to right: each command pipes into the next.
        let next: SimpleCommand = cmd;
        for (let k = pipeFrom.length - 1; k >= 0; k--) {
          const c = pipeFrom[k];
          if (c === undefined) continue;
          const linked: SimpleCommand = { ...c, pipeTo: next };
          next = linked;
          out.push(linked);
        }
        out.push(cmd);
        pipeFrom = [];
      }
    }
    words = [];
    redirects = [];
    pendingRedirect = undefined;
  };
  while (i < text.length) {
    const c = text[i] ?? '';
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '\\' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      i += text[i + 1] === '\n' ? 2 : 3;
      continue;
    }
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '\n' || c === ';' || c === '&' || c === '|' || c === '(' || c === ')' || c === '{' || c === '}') {
      const pipe = c === '|' && text[i + 1] !== '|';
      finish(i, pipe);
      i +=
        (c === '&' && text[i + 1] === '&') || (c === '|' && text[i + 1] === '|') || (c === ';' && text[i + 1] === ';')
          ? 2
          : 1;
      cmdStart = i;
      continue;
    }
    const redir = /^(2>|&>|>>|>\||>|<)/.exec(text.slice(i, i + 2));
    if (redir !== null && redir[1] !== undefined) {
      pendingRedirect = redir[1] as Redirect['op'];
      i += redir[1].length;
      continue;
    }
    const w = readWord(text, i, base);
    i = w.next;
    if (pendingRedirect !== undefined) {
      redirects.push({ op: pendingRedirect, target: w.word });
      pendingRedirect = undefined;
    } else {
      if (words.length === 0 && redirects.length === 0) cmdStart = w.word.start - base;
      words.push(w.word);
    }
  }
  finish(text.length, false);
  return out;
}

function readWord(text: string, i: number, base: number): { word: ShellWord; next: number } {
  const start = i;
  let value = '';
  const map: number[] = [];
  let dynamic = false;
  let quoted = false;
  const push = (ch: string, at: number): void => {
    value += ch;
    map.push(base + at);
  };
  while (i < text.length) {
    const c = text[i] ?? '';
    if (' \t\n;&|()<>'.includes(c)) break;
    if (c === '\\') {
      if (text[i + 1] === '\n') {
        i += 2;
        continue;
      }
      if (i + 1 < text.length) push(text[i + 1] ?? '', i + 1);
      i += 2;
      continue;
    }
    if (c === "'") {
      quoted = true;
      const close = text.indexOf("'", i + 1);
      const stop = close === -1 ? text.length : close;
      for (let k = i + 1; k < stop; k++) push(text[k] ?? '', k);
      i = stop + 1;
      continue;
    }
    if (c === '"') {
      quoted = true;
      let k = i + 1;
      while (k < text.length && text[k] !== '"') {
        const d = text[k] ?? '';
        if (d === '\\' && '$`"\\\n'.includes(text[k + 1] ?? '')) {
          if (text[k + 1] !== '\n') push(text[k + 1] ?? '', k + 1);
          k += 2;
          continue;
        }
        if (d === '$' || d === '`') dynamic = true;
        push(d, k);
        k++;
      }
      i = k + 1;
      continue;
    }
    if (c === '$' || c === '`') dynamic = true;
    push(c, i);
    i++;
  }
  return { word: { value, map, start: base + start, end: base + Math.min(i, text.length), dynamic, quoted }, next: i };
}
