// Owns completion in unit files: sections, directives of the section and unit type, enum values, specifiers.
import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import type { SystemdInput } from '../../parsers/systemd/input';
import {
  addedIn,
  addedInText,
  directive,
  ENUMS,
  keysOf,
  SPECIFIERS,
  UNIT_SECTIONS,
  unknownTo,
} from '../../knowledge/systemd-directives';
import { SYSTEMD_SUMMARIES } from '../../knowledge/systemd-summaries';

export function systemdCompletion(input: SystemdInput, position: Position): CompletionItem[] {
  const line = input.index.lineText(position.line).slice(0, position.character);
  if (/^\s*[#;]/.test(line)) return [];
  const sections = input.unitType === undefined ? ['Unit', 'Service', 'Install'] : UNIT_SECTIONS[input.unitType];
  if (/^\s*\[[^\]]*$/.test(line))
    return sections.map((s) => ({ label: s, kind: CompletionItemKind.Module, insertText: `${s}]` }));
  const section = [...input.file.sections].reverse().find((s) => s.header.start.line < position.line)?.name.text;
  if (section === undefined) return [];
  const eq = line.indexOf('=');
  if (eq === -1) {
    return keysOf(section)
      .filter(
        (d) =>
          d.status === '' &&
          d.removedAfter === undefined &&
          d.since <= Math.max(input.systemdVersion, 247) &&
          !unknownTo(d, input.systemdVersion),
      )
      .map((d) => ({
        label: d.key,
        kind: CompletionItemKind.Property,
        detail: `[${section}]${addedIn(d)?.kind === 'annotated' || addedIn(d)?.kind === 'after' ? ` · ${addedInText(d) ?? ''}` : ''}`,
        ...(SYSTEMD_SUMMARIES[d.key] !== undefined ? { documentation: SYSTEMD_SUMMARIES[d.key] } : {}),
        insertText: `${d.key}=`,
      }));
  }
  const value = line.slice(eq + 1);
  if (/%$/.test(value))
    return [...SPECIFIERS]
      .filter((c) => c !== '%')
      .map((c) => ({ label: `%${c}`, kind: CompletionItemKind.Constant, insertText: c }));
  const d = directive(section, line.slice(0, eq).trim());
  if (d === undefined) return [];
  if (d.kind === 'boolean') return ['yes', 'no'].map((v) => ({ label: v, kind: CompletionItemKind.EnumMember }));
  return (ENUMS[d.parser] ?? [])
    .filter((v) => !/^(true|false|1|0|on|off|syslog|syslog\+console)$/.test(v))
    .map((v, i) => ({ label: v, kind: CompletionItemKind.EnumMember, sortText: String(i).padStart(3, '0') }));
}
