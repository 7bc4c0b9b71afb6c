// Owns GDL203: a `[` line that does not end with `]`.
import { defineRule } from '../rule';

export const invalidSectionHeader = defineRule({
  id: 'GDL203',
  name: 'invalid-section-header',
  language: 'systemd',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'Malformed section header',
    what: 'Reports a line that starts with `[` but does not end with `]`.',
    why: 'systemd logs "Invalid section header" and the following directives land in the previous section, or in none.',
    example: '[Service\nExecStart=/usr/local/bin/api\n',
    useInstead: '[Service]\nExecStart=/usr/local/bin/api\n',
    exampleFile: 'api.service',
  },
  check({ file }, report) {
    for (const p of file.problems)
      if (p.kind === 'invalid-section-header')
        report({ range: p.range, message: `\`${p.text}\` is not a section header: it must end with \`]\`` });
  },
});
