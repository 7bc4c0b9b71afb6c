// Owns GDL202: a section this unit type does not read.
import { defineRule } from '../rule';
import { UNIT_SECTIONS } from '../../knowledge/systemd-directives';
import { closest } from '../go-values/go-values';

export const unknownSection = defineRule({
  id: 'GDL202',
  name: 'unknown-section',
  language: 'systemd',
  defaultSeverity: 'warning',
  fixSafety: 'unsafe',
  docs: {
    summary: 'Unknown section',
    what: 'Reports a section name that this unit type does not read and that does not start with `X-`, and suggests the closest valid one.',
    why: 'systemd logs "Unknown section … Ignoring." and drops every directive in it: a typo in `[Service]` silently removes ExecStart=, User= and all limits.',
    example: '[Servcie]\nExecStart=/usr/local/bin/api\n',
    useInstead: '[Service]\nExecStart=/usr/local/bin/api\n',
    exampleFile: 'api.service',
  },
  check({ file, unitType }, report) {
    if (unitType === undefined) return;
    const valid = UNIT_SECTIONS[unitType];
    for (const s of file.sections) {
      const name = s.name.text;
      if (valid.includes(name) || name.startsWith('X-')) continue;
      const near = closest(name, valid, 3) ?? valid.find((v) => v.toLowerCase() === name.toLowerCase());
      report({
        range: s.name.range,
        message: `[${name}] is not a section of .${unitType} units; systemd ignores it and everything in it${near !== undefined ? ` (did you mean [${near}]?)` : ''}`,
        fixes:
          near === undefined ? [] : [{ title: `Rename to [${near}]`, edits: [{ range: s.name.range, newText: near }] }],
      });
    }
  },
});
