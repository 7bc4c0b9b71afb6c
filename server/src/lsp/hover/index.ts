// Owns hover: hands the position to the module of the document's language, which reads the analysed inputs.
import type { Hover, Position } from 'vscode-languageserver-types';
import type { Analysis } from '../../analysis/analyze';
import type { Range } from '../../text/line-index';
import { binfmtHover } from './binfmt';
import { dockerHover } from './dockerfile';
import { dotenvHover } from './dotenv';
import { systemdHover } from './systemd';
import { containersHover } from './containers';

type Answer = { value: string; range: Range } | undefined;

export function hover(analysis: Analysis, position: Position): Hover | undefined {
  const h = answer(analysis, position);
  return h === undefined ? undefined : { contents: { kind: 'markdown', value: h.value }, range: h.range };
}

function answer(analysis: Analysis, position: Position): Answer {
  const p = analysis.prepared;
  switch (p?.language) {
    case undefined:
    case 'host-report':
      return undefined;
    case 'dotenv':
      return dotenvHover(p.inputs.dotenv, position);
    case 'binfmt':
    case 'shellscript':
      return binfmtHover(p.inputs.binfmt.file, position);
    case 'dockerfile':
      // A registration written by a RUN line is described as such; otherwise the stage and its go builds.
      return binfmtHover(p.inputs.binfmt.file, position) ?? dockerHover(p.inputs.dockerfile, position);
    case 'systemd-unit':
      return binfmtHover(p.inputs.binfmt.file, position) ?? systemdHover(p.inputs.systemd, position);
    case 'compose':
    case 'kubernetes':
    case 'quadlet':
      return containersHover(p.inputs.containers, position, p.inputs['go-values'].goVersion);
  }
}
