// Owns GDL001: a file that cannot be read as text of its language at all.
import { defineRule } from '../rule';

/** Flags binary content or invalid UTF-8, once, at the first offending character. */
export const unparsableFile = defineRule({
  id: 'GDL001',
  name: 'unparsable-file',
  language: 'engine',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'File is not readable as text',
    what: 'Reports a file that contains a NUL byte or invalid UTF-8, at the first offending character. No other rule runs on such a file.',
    why: 'systemd, the go command and env loaders read text; a binary or mis-encoded file is either rejected or read as garbage, so any other finding would be noise.',
    example: 'PORT=80\u000080\n',
    useInstead: 'PORT=8080\n',
  },
  check(input, report) {
    if (input.unparsable !== undefined) report({ range: input.unparsable.range, message: input.unparsable.reason });
  },
});
