// Owns GDL201: a key before any [Section] header.
import { defineRule } from '../rule';

export const assignmentOutsideSection = defineRule({
  id: 'GDL201',
  name: 'assignment-outside-section',
  language: 'systemd',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'Assignment before any section',
    what: 'Reports a `Key=value` line that comes before the first `[Section]` header, in units and drop-ins alike.',
    why: 'systemd logs "Assignment outside of section. Ignoring." and the setting does nothing. Drop-ins need their own `[Service]` header.',
    example: 'Environment=GOGC=200\n[Service]\nExecStart=/usr/local/bin/api\n',
    useInstead: '[Service]\nEnvironment=GOGC=200\nExecStart=/usr/local/bin/api\n',
    exampleFile: 'api.service',
  },
  check({ file }, report) {
    for (const a of file.assignments) {
      if (a.section === undefined)
        report({
          range: a.key.range,
          message: `\`${a.key.text}=\` comes before any [Section] header; systemd ignores it`,
        });
    }
    // A line without `=` before the first section is refused for the same reason (conf-parser.c checks the section first).
    const firstSection = file.sections[0]?.header.start.line ?? Infinity;
    for (const p of file.problems) {
      if ((p.kind === 'missing-equals' || p.kind === 'empty-key') && p.range.start.line < firstSection)
        report({ range: p.range, message: 'This line comes before any [Section] header; systemd ignores it' });
    }
  },
});
