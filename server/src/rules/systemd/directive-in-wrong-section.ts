// Owns GDL206: a key placed in a section where systemd ignores it, while another section of the unit knows it.
import { defineRule } from '../rule';
import { UNIT_SECTIONS, directive, sectionsKnowing } from '../../knowledge/systemd-directives';
import { appendToSection, deleteAssignment } from './unit-edits';

export const directiveInWrongSection = defineRule({
  id: 'GDL206',
  name: 'directive-in-wrong-section',
  language: 'systemd',
  defaultSeverity: 'error',
  fixSafety: 'safe',
  docs: {
    summary: 'Directive in the wrong section',
    what: 'Reports a key that its section does not know but another section of this unit type does, such as `StartLimitIntervalSec=` in [Service] or `WantedBy=` in [Unit].',
    why: 'systemd treats it as an unknown key and ignores it: the restart limit never applies, the unit is never enabled by the target. `systemd-analyze verify` only says "Unknown key".',
    example: '[Unit]\nDescription=API\n[Service]\nExecStart=/usr/local/bin/api\nStartLimitIntervalSec=60\n',
    useInstead: '[Unit]\nDescription=API\nStartLimitIntervalSec=60\n[Service]\nExecStart=/usr/local/bin/api\n',
    exampleFile: 'api.service',
  },
  check({ file, index, unitType }, report) {
    if (unitType === undefined) return;
    for (const a of file.assignments) {
      const section = a.section?.name.text;
      // Keys in a section systemd ignores as a whole are covered by GDL202.
      if (
        section === undefined ||
        !UNIT_SECTIONS[unitType].includes(section) ||
        directive(section, a.key.text) !== undefined
      )
        continue;
      const target = sectionsKnowing(a.key.text, unitType)[0];
      if (target === undefined) continue;
      const line = index.text.slice(index.offsetAt(a.range.start), index.offsetAt(a.range.end));
      report({
        range: a.key.range,
        message: `\`${a.key.text}=\` belongs in [${target}]; in [${section}] systemd ignores it as an unknown key`,
        fixes: [
          {
            title: `Move to [${target}]`,
            edits: [deleteAssignment(index, a), appendToSection(file, index, target, line)],
          },
        ],
      });
    }
  },
});
