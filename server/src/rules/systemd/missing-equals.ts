// Owns GDL204: a line that is neither comment, header nor `Key=value`.
import { defineRule } from '../rule';

export const missingEquals = defineRule({
  id: 'GDL204',
  name: 'missing-equals',
  language: 'systemd',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'Line is not an assignment',
    what: 'Reports a non-comment line without `=`, or with nothing before the `=`.',
    why: 'systemd logs "Missing \'=\', ignoring line." (or "Missing key name") and the line does nothing.',
    example: '[Service]\nExecStart /usr/local/bin/api\n',
    useInstead: '[Service]\nExecStart=/usr/local/bin/api\n',
    exampleFile: 'api.service',
  },
  check({ file }, report) {
    // Before any section systemd says "Assignment outside of section" first (conf-parser.c parse_line): GDL201's.
    const firstSection = file.sections[0]?.header.start.line ?? Infinity;
    for (const p of file.problems) {
      if (p.range.start.line < firstSection) continue;
      if (p.kind === 'missing-equals')
        report({
          range: p.range,
          message: `\`${p.text.length > 40 ? `${p.text.slice(0, 39)}…` : p.text}\` has no \`=\`; systemd ignores the line`,
        });
      if (p.kind === 'empty-key')
        report({ range: p.range, message: 'Nothing before `=`; systemd ignores the line (missing key name)' });
    }
  },
});
