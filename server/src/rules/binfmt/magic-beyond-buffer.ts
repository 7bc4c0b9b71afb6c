// Owns GDL307: offset plus magic length past the kernel's 256-byte header buffer.
import { defineRule } from '../rule';
import { reportRejections } from './kernel-grammar';

export const magicBeyondBuffer = defineRule({
  id: 'GDL307',
  name: 'magic-beyond-buffer',
  language: 'binfmt',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'Magic reaches past the header buffer',
    what: 'Reports a registration whose offset plus magic length exceeds 256 bytes, the part of a file the kernel reads before choosing a handler.',
    why: 'The kernel refuses it with EINVAL. (The kernel documentation still says 128; the limit is 256 since Linux 5.1.)',
    example: ':late:M:250:MAGICBYTES::/usr/bin/late-runner:\n',
    useInstead: ':late:M:240:MAGICBYTES::/usr/bin/late-runner:\n',
    exampleFile: 'binfmt.d/example.conf',
  },
  check(input, report) {
    reportRejections(input, 'GDL307', report, (_node, r) => ({
      message: `${r.detail.charAt(0).toUpperCase()}${r.detail.slice(1)}: the kernel refuses it with EINVAL`,
    }));
  },
});
