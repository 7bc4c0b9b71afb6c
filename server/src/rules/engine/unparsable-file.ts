// Owns GDL001: a file that cannot be read as text of its language at all.
import { defineRule } from '../rule';

export const unparsableFile = defineRule({
  id: 'GDL001',
  name: 'unparsable-file',
  language: 'engine',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'File is not readable as text',
    what: 'Reports a file that contains a NUL byte or invalid UTF-8, at the first offending character. No other rule runs on such a file. As information, it also says when a file named like an env file is another format (an INI file with `[section]` headers) and is not linted as one.',
    why: 'systemd, the go command and env loaders read text; a binary or mis-encoded file is either rejected or read as garbage, so any other finding would be noise.',
    example: 'PORT=80\u000080\n',
    useInstead: 'PORT=8080\n',
  },
  check(input, report) {
    const u = input.unparsable;
    if (u !== undefined)
      report({ range: u.range, message: u.reason, ...(u.severity !== undefined ? { severity: u.severity } : {}) });
  },
});
