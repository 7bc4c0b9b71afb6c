// Owns the shell-script surface: registration strings written to binfmt_misc/register by echo or printf.
import type { LineIndex, Range } from '../text/line-index';
import { SourceToken, type Token } from '../text/token';
import { readCommands } from '../parsers/shell/words';
import { embeddedRegistrations, type ShellFlavor } from '../parsers/binfmt/embedded';
import type { BinfmtFile } from '../parsers/binfmt/ast';
import type { AnalysisContext, Prepared } from './prepared';
import type { SourceDocument } from './source-document';
import { binfmtInput } from './binfmt';

/** bash for bash shebangs; otherwise /bin/sh, which is dash on Debian and Ubuntu. */
export function flavorFromShebang(text: string): ShellFlavor {
  const first = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  if (/^#!.*\bbash\b/.test(first)) return 'bash';
  if (/^#!.*\b(busybox|ash)\b/.test(first)) return 'busybox';
  return 'dash';
}

export function prepareShellscript(doc: SourceDocument, index: LineIndex, ctx: AnalysisContext): Prepared {
  const text = doc.text;
  const commands = readCommands(text, 0);
  const registrations = embeddedRegistrations(commands, index, { surface: 'shell', flavor: flavorFromShebang(text) });
  const comments: Token[] = [];
  const re = /^[ \t]*(#.*)$/gm;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const start = m.index + m[0].length - (m[1] ?? '').length;
    comments.push(new SourceToken(index, start, start + (m[1] ?? '').length));
  }
  const statements: Range[] = commands.map((c) => index.range(c.start, c.end));
  const file: BinfmtFile = { kind: 'binfmt-file', registrations, comments, commentedRegistrations: [], statements };
  return { language: 'shellscript', comments, statements, inputs: { binfmt: binfmtInput(doc, file, index, ctx) } };
}
