// Owns GDL309: Magic or extension is empty.
import { defineRule } from '../rule';
import { reportRejections } from './kernel-grammar';

export const emptyMagic = defineRule({
  id: 'GDL309',
  name: 'empty-magic',
  language: 'binfmt',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'Magic or extension is empty',
    what: 'Reports an M registration with no magic bytes, or an E registration with no extension.',
    why: 'The kernel refuses it with EINVAL: an empty pattern would match nothing or everything.',
    example: ':nothing:M:::::/usr/bin/true:\n',
    useInstead: ':py:E::py::/usr/bin/python3:\n',
    exampleFile: 'binfmt.d/example.conf',
  },
  check(input, report) {
    reportRejections(input, 'GDL309', report);
  },
});
