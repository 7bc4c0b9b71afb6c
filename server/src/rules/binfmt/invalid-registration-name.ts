// Owns GDL304: names the kernel refuses (empty, `.`, `..`, `/`, > 255 bytes, `register`, `status`).
import { defineRule } from '../rule';
import { reportRejections } from './kernel-grammar';

export const invalidRegistrationName = defineRule({
  id: 'GDL304',
  name: 'invalid-registration-name',
  language: 'binfmt',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'Registration name is invalid',
    what: 'Reports a name that is empty, `.`, `..`, contains `/`, is longer than 255 bytes, or is `register` or `status`.',
    why: 'The name becomes a file in /proc/sys/fs/binfmt_misc. The kernel refuses such names with EINVAL, ENAMETOOLONG or EEXIST, and systemd-binfmt logs "Rule name … is not valid, refusing".',
    example: ':qemu/aarch64:M::\\x7fELF::/usr/bin/qemu-aarch64-static:F\n',
    useInstead:
      ':qemu-aarch64:M::\\x7fELF\\x02\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\xb7\\x00:\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\xff:/usr/bin/qemu-aarch64-static:F\n',
    exampleFile: 'binfmt.d/example.conf',
  },
  check(input, report) {
    reportRejections(input, 'GDL304', report);
  },
});
