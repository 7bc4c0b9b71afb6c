// Owns completion in env files: Go variable names for keys and known values after `=`.
import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import type { LineIndex } from '../../text/line-index';
import { GO_VARIABLES, goVariable } from '../../knowledge/go-env';

export function dotenvCompletion(index: LineIndex, position: Position): CompletionItem[] {
  const line = index.lineText(position.line).slice(0, position.character);
  if (/^\s*[#;]/.test(line)) return [];
  const eq = line.indexOf('=');
  if (eq === -1) {
    return GO_VARIABLES.filter((v) => v.effect !== 'read-only').map((v) => ({
      label: v.name,
      kind: CompletionItemKind.Variable,
      detail: v.scope === 'runtime' ? 'Go runtime variable' : 'go command variable',
      documentation: { kind: 'markdown', value: `${v.summary}\n\n[Go documentation](${v.docs})` },
      insertText: `${v.name}=`,
    }));
  }
  const key = line
    .slice(0, eq)
    .replace(/^\s*(export\s+)?/, '')
    .trim();
  const v = goVariable(key);
  return (v?.values ?? []).map((value, i) => ({
    label: value,
    kind: CompletionItemKind.EnumMember,
    detail: `${key} value`,
    sortText: String(i).padStart(3, '0'),
  }));
}
