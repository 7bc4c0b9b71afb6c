// Owns GDL308: `\x` escapes the kernel refuses, and backslash sequences it keeps literally.
import { defineRule } from '../rule';
import { reportRejections } from './kernel-grammar';

export const invalidHexEscape = defineRule({
  id: 'GDL308',
  name: 'invalid-hex-escape',
  language: 'binfmt',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'Bad escape in magic or mask',
    what: 'Reports `\\x` not followed by exactly two hex digits in magic or mask (error), and `\\\\` or `\\n` there (warning): the kernel decodes only `\\xHH`.',
    why: 'A short or non-hex `\\x` makes the kernel refuse the registration with EINVAL. Any other backslash sequence is stored as two literal bytes, so `\\\\x7f` (a shell-escaping slip) matches a backslash, not 0x7f.',
    example: ':gobin:M::\\x7gELF::/usr/bin/runner:\n',
    useInstead:
      ':gobin:M::\\x7fELF\\x02\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\xb7\\x00::/usr/bin/runner:\n',
    exampleFile: 'binfmt.d/example.conf',
  },
  check(input, report) {
    reportRejections(input, 'GDL308', report);
    for (const node of input.file.registrations) {
      const reg = node.registration;
      if (reg.rejection !== undefined || reg.kind !== 'M') continue;
      for (const f of [reg.magicField, reg.maskField]) {
        if (f === undefined) continue;
        const re = /\\\\|\\n/g;
        for (let m = re.exec(f.text); m !== null; m = re.exec(f.text)) {
          const at = f.start + m.index;
          report({
            range: node.rangeOf(at, at + 2),
            severity: 'warning',
            message: `\`${m[0]}\` is kept as two bytes (\`5c ${m[0] === '\\\\' ? '5c' : '6e'}\`): the kernel decodes only \`\\xHH\`; this is usually a shell-escaping slip`,
          });
        }
      }
    }
  },
});
