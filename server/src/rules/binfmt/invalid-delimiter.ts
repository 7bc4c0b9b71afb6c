// Owns GDL302: a delimiter the kernel refuses (P, O, C, F), or `#`/`;` that turns a binfmt.d line into a comment.
import { defineRule } from '../rule';
import { reportRejections } from './kernel-grammar';

export const invalidDelimiter = defineRule({
  id: 'GDL302',
  name: 'invalid-delimiter',
  language: 'binfmt',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'Delimiter cannot be used',
    what: 'Reports a registration whose first byte (the delimiter) is `P`, `O`, `C` or `F`, and, in binfmt.d files, a line that uses `#` or `;` as the delimiter.',
    why: 'The kernel refuses flag letters as delimiters with EINVAL. systemd-binfmt treats a line starting with `#` or `;` as a comment, so such a registration is silently never made.',
    example:
      ';qemu-arm;M;;\\x7fELF\\x01\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\x28\\x00;;/usr/bin/qemu-arm-static;F\n',
    useInstead:
      ':qemu-arm:M::\\x7fELF\\x01\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\x28\\x00::/usr/bin/qemu-arm-static:F\n',
    exampleFile: 'binfmt.d/example.conf',
  },
  check(input, report) {
    reportRejections(input, 'GDL302', report);
    if (!input.inBinfmtD) return;
    for (const c of input.file.commentedRegistrations) {
      report({
        range: { start: c.range.start, end: { line: c.range.start.line, character: c.range.start.character + 1 } },
        message: `\`${c.text[0] ?? ''}\` starts a comment in binfmt.d: this registration is ignored; use another delimiter such as \`:\``,
      });
    }
  },
});
