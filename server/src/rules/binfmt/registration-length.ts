// Owns GDL301: Registration is too short or too long.
import { defineRule } from '../rule';
import { reportRejections } from './kernel-grammar';

export const registrationLength = defineRule({
  id: 'GDL301',
  name: 'registration-length',
  language: 'binfmt',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'Registration is too short or too long',
    what: 'Reports a registration string shorter than 11 or longer than 1920 bytes.',
    why: 'The kernel refuses it with EINVAL before reading any field, so the handler never exists.',
    example: ':a:M::x::\n',
    useInstead: ':a:M::x::/b:\n',
    exampleFile: 'binfmt.d/example.conf',
  },
  check(input, report) {
    reportRejections(input, 'GDL301', report);
  },
});
