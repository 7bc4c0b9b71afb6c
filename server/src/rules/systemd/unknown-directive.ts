// Owns GDL205: a key that no section of this unit type knows.
import { defineRule } from '../rule';
import { UNIT_SECTIONS, directive, keysOf, sectionsKnowing } from '../../knowledge/systemd-directives';
import { closest } from '../go-values/go-values';

export const unknownDirective = defineRule({
  id: 'GDL205',
  name: 'unknown-directive',
  language: 'systemd',
  defaultSeverity: 'warning',
  fixSafety: 'unsafe',
  docs: {
    summary: 'Unknown directive',
    what: 'Reports a key that is not a directive of its section for this unit type (and is not known in another section, see GDL206); keys starting with `X-` are allowed.',
    why: 'systemd logs "Unknown key … ignoring" and the setting silently does nothing; keys are case-sensitive, so `Memorymax=` sets no limit.',
    example: '[Service]\nExecStart=/usr/local/bin/api\nMemorymax=512M\n',
    useInstead: '[Service]\nExecStart=/usr/local/bin/api\nMemoryMax=512M\n',
    exampleFile: 'api.service',
  },
  check({ file, unitType }, report) {
    if (unitType === undefined) return;
    for (const a of file.assignments) {
      const section = a.section?.name.text;
      const key = a.key.text;
      if (section === undefined || key.startsWith('X-') || !UNIT_SECTIONS[unitType].includes(section)) continue;
      if (directive(section, key) !== undefined || sectionsKnowing(key, unitType).length > 0) continue;
      const candidates = keysOf(section).map((d) => d.key);
      if (candidates.length === 0) continue;
      const near = candidates.find((c) => c.toLowerCase() === key.toLowerCase()) ?? closest(key, candidates, 2);
      report({
        range: a.key.range,
        message: `\`${key}\` is not a [${section}] directive; systemd ignores it${near !== undefined ? ` (did you mean \`${near}\`?)` : ''}`,
        fixes:
          near === undefined
            ? []
            : [{ title: `Rename to \`${near}\``, edits: [{ range: a.key.range, newText: near }] }],
      });
    }
  },
});
