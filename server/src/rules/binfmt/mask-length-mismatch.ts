// Owns GDL310: Mask and magic differ in length.
import { defineRule } from '../rule';
import { reportRejections } from './kernel-grammar';

export const maskLengthMismatch = defineRule({
  id: 'GDL310',
  name: 'mask-length-mismatch',
  language: 'binfmt',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'Mask and magic differ in length',
    what: 'Reports a non-empty mask that decodes to a different number of bytes than the magic.',
    why: 'The kernel compares byte by byte and refuses a mask of another length with EINVAL; usually a byte was dropped while copying the qemu line.',
    example: ':pk:M::PK\\x03\\x04:\\xff\\xff\\xff:/usr/bin/unzip-run:\n',
    useInstead: ':pk:M::PK\\x03\\x04:\\xff\\xff\\xff\\xff:/usr/bin/unzip-run:\n',
    exampleFile: 'binfmt.d/example.conf',
  },
  check(input, report) {
    reportRejections(input, 'GDL310', report);
  },
});
