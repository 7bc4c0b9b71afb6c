// Owns GDL306: Offset is not a decimal integer.
import { defineRule } from '../rule';
import { reportRejections } from './kernel-grammar';

export const invalidOffset = defineRule({
  id: 'GDL306',
  name: 'invalid-offset',
  language: 'binfmt',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'Offset is not a decimal integer',
    what: 'Reports an offset that is not a non-negative decimal integer (hex, negative, spaces).',
    why: 'The kernel parses the offset with kstrtoint in base 10 and refuses anything else with EINVAL.',
    example: ':dosexe:M:0x3c:PE\\x00\\x00::/usr/bin/wine:\n',
    useInstead: ':dosexe:M:60:PE\\x00\\x00::/usr/bin/wine:\n',
    exampleFile: 'binfmt.d/example.conf',
  },
  check(input, report) {
    reportRejections(input, 'GDL306', report);
  },
});
