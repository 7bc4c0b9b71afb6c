// Owns GDL208: `%` followed by an unknown specifier (fatal), or a lone `%` at the end.
import { defineRule } from '../rule';

/** Specifiers of newer releases that systemd-analyze 252 refuses ("Failed to resolve unit specifiers … Invalid slot"). */
const SPECIFIER_UNKNOWN_TO_252: ReadonlySet<string> = new Set(['D']);
import { directive } from '../../knowledge/systemd-directives';
import { specifiersIn } from './specifiers';

/** Settings whose values go through specifier expansion (strings, paths, commands, environment, unit names). */
function expandsSpecifiers(section: string, key: string): boolean {
  const d = directive(section, key);
  if (d === undefined) return false;
  return (
    ['command', 'environment', 'environment-file', 'path', 'unit-list', 'install-list'].includes(d.kind) ||
    d.parser.includes('printf') ||
    d.parser === 'device_allow' ||
    d.parser === 'timer'
  );
}

export const invalidSpecifier = defineRule({
  id: 'GDL208',
  name: 'invalid-specifier',
  language: 'systemd',
  defaultSeverity: 'error',
  fixSafety: 'safe',
  docs: {
    summary: 'Unknown % specifier',
    what: 'Reports `%` followed by a character that is not a systemd specifier (error), and a `%` at the end of a value (warning).',
    why: 'An unknown specifier is a fatal load error: "Failed to resolve unit specifiers … Unit configuration has fatal error, unit will not be started." A literal percent sign must be written `%%`.',
    example: '[Service]\nExecStart=/usr/local/bin/api --cpu-target=80%Z\n',
    useInstead: '[Service]\nExecStart=/usr/local/bin/api --cpu-target=80%%Z\n',
    exampleFile: 'api.service',
  },
  check({ file, systemdVersion }, report) {
    for (const a of file.assignments) {
      if (!expandsSpecifiers(a.section?.name.text ?? '', a.key.text)) continue;
      for (const s of specifiersIn(a.value.text)) {
        // A specifier newer than the target systemd is as unknown there (asked of systemd-analyze 252: only %D).
        const since = SPECIFIER_UNKNOWN_TO_252.has(s.letter) && systemdVersion <= 252 ? 252 : undefined;
        if (s.known && since !== undefined) {
          report({
            range: a.value.rangeOf(s.start, s.start + 2),
            message: `\`%${s.letter}\` is unknown to systemd ${systemdVersion} (the target): the unit fails to load`,
          });
          continue;
        }
        if (s.known) continue;
        const range = a.value.rangeOf(s.start, s.start + (s.letter === '' ? 1 : 2));
        const fix = {
          title: 'Write `%%` for a literal percent sign',
          edits: [{ range: a.value.rangeOf(s.start, s.start + 1), newText: '%%' }],
        };
        if (s.letter === '')
          report({
            range,
            severity: 'warning',
            message: `A \`%\` at the end of the ${a.key.text}= value; write \`%%\` for a literal percent sign`,
            fixes: [fix],
          });
        else
          report({
            range,
            message: `\`%${s.letter}\` is not a systemd specifier: the unit fails to load ("Failed to resolve unit specifiers")`,
            fixes: [fix],
          });
      }
    }
  },
});
