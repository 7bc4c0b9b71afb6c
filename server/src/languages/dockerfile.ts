// Owns the Dockerfile surface (via dockerfile-ast): for now, registration strings in RUN instructions.
import { DockerfileParser } from 'dockerfile-ast';
import type { LineIndex, Range } from '../text/line-index';
import { SourceToken, type Token } from '../text/token';
import { readCommands } from '../parsers/shell/words';
import { embeddedRegistrations, type ShellFlavor } from '../parsers/binfmt/embedded';
import type { BinfmtFile, RegistrationNode } from '../parsers/binfmt/ast';
import type { AnalysisContext, Prepared } from '../analysis/prepared';
import type { SourceDocument } from './source-document';
import { binfmtInput } from './binfmt';

export function prepareDockerfile(doc: SourceDocument, index: LineIndex, ctx: AnalysisContext): Prepared {
  const dockerfile = DockerfileParser.parse(doc.text);
  const registrations: RegistrationNode[] = [];
  const statements: Range[] = [];
  let flavor: ShellFlavor = 'dash';
  for (const inst of dockerfile.getInstructions()) {
    const range = inst.getRange();
    if (range !== null) statements.push(range);
    const keyword = inst.getKeyword().toUpperCase();
    if (keyword === 'FROM') {
      // RUN uses the image's /bin/sh: busybox ash on Alpine and busybox, dash on Debian and Ubuntu.
      const image = inst.getArgumentsContent() ?? '';
      flavor = /(^|\/)(alpine|busybox)([:@\s]|$)/.test(image) || /-alpine/.test(image) ? 'busybox' : 'dash';
    } else if (keyword === 'SHELL') {
      const raw = inst.getRawArgumentsContent() ?? '';
      if (/bash/.test(raw)) flavor = 'bash';
    } else if (keyword === 'RUN') {
      const argsRange = inst.getArgumentsRange();
      const raw = inst.getRawArgumentsContent();
      if (argsRange === null || raw === null || raw.trimStart().startsWith('[')) continue;
      const base = index.offsetAt(argsRange.start);
      registrations.push(...embeddedRegistrations(readCommands(raw, base), index, { surface: 'dockerfile', flavor }));
    }
  }
  const comments: Token[] = dockerfile.getComments().flatMap((c) => {
    const r = c.getRange();
    return r === null ? [] : [new SourceToken(index, index.offsetAt(r.start), index.offsetAt(r.end))];
  });
  const file: BinfmtFile = { kind: 'binfmt-file', registrations, comments, commentedRegistrations: [], statements };
  return { ast: dockerfile, comments, statements, inputs: { binfmt: binfmtInput(doc, file, index, ctx) }, binfmt: file };
}
