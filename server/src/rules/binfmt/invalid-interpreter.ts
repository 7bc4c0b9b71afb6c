// Owns GDL312: interpreters that are empty, carry arguments, are relative, or exceed the documented length.
import { defineRule } from '../rule';
import { reportRejections } from './kernel-grammar';

export const invalidInterpreter = defineRule({
  id: 'GDL312',
  name: 'invalid-interpreter',
  language: 'binfmt',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'Interpreter path is unusable',
    what: 'Reports an empty interpreter (error), one with spaces or arguments (error), a relative path (warning), and one longer than 127 characters (information).',
    why: 'The interpreter is stored as one path: `/usr/bin/env python3` is a file that does not exist, so every matching exec fails with ENOENT. Relative paths resolve against the caller, not the registration.',
    example: ':py:E::py::/usr/bin/env python3:\n',
    useInstead: ':py:E::py::/usr/bin/python3:\n',
    exampleFile: 'binfmt.d/example.conf',
  },
  check(input, report) {
    reportRejections(input, 'GDL312', report);
    for (const node of input.file.registrations) {
      const reg = node.registration;
      const i = reg.interpreter;
      if (reg.rejection !== undefined || i === undefined) continue;
      const range = node.rangeOf(i.start, i.end);
      if (/\s/.test(i.text)) {
        report({
          range,
          message: `The interpreter \`${i.text}\` contains a space: the kernel takes it as one path, exec fails with ENOENT`,
        });
      } else if (!i.text.startsWith('/')) {
        report({
          range,
          severity: 'warning',
          message: `The interpreter \`${i.text}\` is relative: it is resolved against each caller's directory`,
        });
      } else if (i.text.length > 127) {
        report({
          range,
          severity: 'information',
          message: `The interpreter path is ${i.text.length} characters; the kernel documentation allows 127`,
        });
      }
    }
  },
});
