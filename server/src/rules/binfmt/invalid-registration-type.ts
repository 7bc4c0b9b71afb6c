// Owns GDL305: Registration type is not M or E.
import { defineRule } from '../rule';
import { reportRejections } from './kernel-grammar';

export const invalidRegistrationType = defineRule({
  id: 'GDL305',
  name: 'invalid-registration-type',
  language: 'binfmt',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'Registration type is not M or E',
    what: 'Reports a type field that is not exactly `M` (match magic bytes) or `E` (match the file extension).',
    why: 'The kernel refuses anything else (`m`, `MM`, `B`) with EINVAL.',
    example: ':jar:m::PK\\x03\\x04::/usr/bin/jexec:\n',
    useInstead: ':jar:M::PK\\x03\\x04::/usr/bin/jexec:\n',
    exampleFile: 'binfmt.d/example.conf',
  },
  check(input, report) {
    reportRejections(input, 'GDL305', report);
  },
});
