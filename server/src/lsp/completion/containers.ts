// Owns completion in Compose files, Kubernetes manifests and Quadlet units: Go variable names where an environment
// entry starts, known values after it, and GOMEMLIMIT at 90 % of the container's memory limit.
import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import type { LineIndex } from '../../text/line-index';
import { GO_VARIABLES, goVariable } from '../../knowledge/go-env';
import type { ContainersInput } from '../../parsers/containers/model';
import { headroomValue } from '../../rules/containers/go-memory';

/** Quadlet [Container] keys that matter for Go services (podman-systemd.unit(5)). */
const QUADLET_KEYS = [
  'Image',
  'Environment',
  'EnvironmentFile',
  'Exec',
  'HealthCmd',
  'Memory',
  'PodmanArgs',
  'PublishPort',
  'User',
  'Volume',
];

function names(write: (name: string) => string): CompletionItem[] {
  return GO_VARIABLES.filter((v) => v.effect !== 'read-only' && v.scope === 'runtime').map((v) => ({
    label: v.name,
    kind: CompletionItemKind.Variable,
    detail: 'Go runtime variable',
    documentation: { kind: 'markdown', value: `${v.summary}\n\n[Go documentation](${v.docs})` },
    insertText: write(v.name),
  }));
}

/** The YAML key whose block holds this line: the nearest line above with less indentation. */
function parentKey(index: LineIndex, line: number, indent: number): string | undefined {
  for (let l = line - 1; l >= 0 && l >= line - 200; l--) {
    const text = index.lineText(l);
    if (text.trim() === '' || /^\s*#/.test(text)) continue;
    const own = /^\s*/.exec(text)?.[0].length ?? 0;
    if (own < indent) return /^\s*(?:-\s+)?([A-Za-z_][\w.-]*):\s*$/.exec(text)?.[1];
  }
  return undefined;
}

function values(input: ContainersInput, line: number, key: string): CompletionItem[] {
  if (key === 'GOMEMLIMIT') {
    const c = input.containers.find(
      (x) =>
        x.env.some((e) => e.statementRange.start.line <= line && line <= e.statementRange.end.line + 1) ||
        x.memoryLimit !== undefined,
    );
    if (c?.memoryLimit !== undefined)
      return [
        {
          label: headroomValue(c.memoryLimit.amount),
          kind: CompletionItemKind.Value,
          detail: `90 % of ${c.memoryLimit.key} ${c.memoryLimit.text}`,
        },
      ];
  }
  return (goVariable(key)?.values ?? []).map((value, i) => ({
    label: value,
    kind: CompletionItemKind.EnumMember,
    detail: `${key} value`,
    sortText: String(i).padStart(3, '0'),
  }));
}

export function containersCompletion(input: ContainersInput, index: LineIndex, position: Position): CompletionItem[] {
  const before = index.lineText(position.line).slice(0, position.character);
  if (/^\s*#/.test(before)) return [];
  if (input.surface === 'quadlet') {
    const env = /^Environment=(?:.*\s)?([A-Z0-9_]*)(=([^\s]*))?$/.exec(before);
    if (env?.[2] !== undefined) return values(input, position.line, env[1] ?? '');
    if (env !== null) return names((n) => `${n}=`);
    if (!before.includes('='))
      return QUADLET_KEYS.map((k) => ({ label: k, kind: CompletionItemKind.Property, insertText: `${k}=` }));
    return [];
  }
  const indent = /^\s*/.exec(before)?.[0].length ?? 0;
  const parent = parentKey(index, position.line, indent);
  if (input.surface === 'compose' && parent === 'environment') {
    const listItem = /^\s*-\s*([A-Z0-9_]*)(=(.*))?$/.exec(before);
    if (listItem?.[2] !== undefined) return values(input, position.line, listItem[1] ?? '');
    if (listItem !== null) return names((n) => `${n}=`);
    const pair = /^\s*([A-Z0-9_]*)(:\s*(.*))?$/.exec(before);
    if (pair?.[2] !== undefined) return values(input, position.line, pair[1] ?? '');
    if (pair !== null) return names((n) => `${n}: `);
  }
  if (input.surface === 'kubernetes') {
    const name = /^\s*-?\s*name:\s*([A-Z0-9_]*)$/.exec(before);
    if (name !== null && parentKey(index, position.line, indent) === 'env') return names((n) => n);
    const value = /^\s*value:\s*"?([^"]*)$/.exec(before);
    if (value !== null) {
      const nameLine = index.lineText(position.line - 1);
      const key = /name:\s*"?([A-Z0-9_]+)/.exec(nameLine)?.[1];
      if (key !== undefined) return values(input, position.line, key);
    }
  }
  return [];
}
