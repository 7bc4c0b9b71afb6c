// Owns completion: hands the position to the module of the document's language.
import type { CompletionItem, Position } from 'vscode-languageserver-types';
import type { Analysis } from '../../analysis/analyze';
import { dotenvCompletion } from './dotenv';
import { systemdCompletion } from './systemd';
import { containersCompletion } from './containers';

export function completion(analysis: Analysis, position: Position): CompletionItem[] {
  const p = analysis.prepared;
  if (p?.language === 'systemd-unit') return systemdCompletion(p.inputs.systemd, position);
  if (p?.language === 'compose' || p?.language === 'kubernetes' || p?.language === 'quadlet')
    return containersCompletion(p.inputs.containers, analysis.index, position);
  // An env file that is another format (INI) has no inputs, but keys are still completed as in any env file.
  if (analysis.language === 'dotenv') return dotenvCompletion(analysis.index, position);
  return [];
}
