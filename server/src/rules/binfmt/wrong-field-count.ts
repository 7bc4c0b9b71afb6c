// Owns GDL303: Registration has too few fields.
import { defineRule } from '../rule';
import { reportRejections } from './kernel-grammar';

export const wrongFieldCount = defineRule({
  id: 'GDL303',
  name: 'wrong-field-count',
  language: 'binfmt',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'Registration has too few fields',
    what: 'Reports a registration with fewer than the 7 delimiters of name, type, offset, magic, mask, interpreter and flags; usually the final delimiter before the flags is missing.',
    why: 'The kernel refuses it with EINVAL: the interpreter must be followed by a delimiter even when there are no flags.',
    example: ':hello:M::\\x7fELLO::/usr/bin/hello-runner\n',
    useInstead: ':hello:M::\\x7fELLO::/usr/bin/hello-runner:\n',
    exampleFile: 'binfmt.d/example.conf',
  },
  check(input, report) {
    reportRejections(input, 'GDL303', report);
  },
});
