// Owns GDL313: text after the flags (unknown or lowercase flags, spaces, `\r`, comments) that the kernel refuses.
import { defineRule } from '../rule';
import { reportRejections } from './kernel-grammar';

export const invalidFlags = defineRule({
  id: 'GDL313',
  name: 'invalid-flags',
  language: 'binfmt',
  defaultSeverity: 'error',
  fixSafety: 'safe',
  docs: {
    summary: 'Invalid flags or trailing text',
    what: 'Reports anything after the flags that is not a single newline: unknown or lowercase flags, spaces, `\\r`, inline comments.',
    why: 'The kernel accepts only `P`, `O`, `C`, `F` and one `\\n` there and refuses everything else with EINVAL, including the `\\r` of a CRLF line written with echo, or a trailing `# comment` in binfmt.d.',
    example:
      ':qemu-riscv64:M::\\x7fELF\\x02\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\xf3\\x00:\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\xff:/usr/bin/qemu-riscv64-static:F # static qemu\n',
    useInstead:
      ':qemu-riscv64:M::\\x7fELF\\x02\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\xf3\\x00:\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\xff:/usr/bin/qemu-riscv64-static:F\n',
    exampleFile: 'binfmt.d/example.conf',
  },
  check(input, report) {
    reportRejections(input, 'GDL313', report, (node) => {
      const t = node.registration.trailing;
      if (t === undefined || node.verbatimOffset === undefined || node.surface === 'update-binfmts') return {};
      // In the text, the trailing part runs to the end of the statement (a newline the shell adds is not in it).
      const kept = t.text.replace(/\n$/, '');
      const range = node.rangeOf(t.start, t.start + Math.max(kept.length, 1));
      const upper = /^[pocf]+$/i.test(kept.trim()) ? kept.trim().toUpperCase() : '';
      return {
        fixes: [
          {
            title:
              upper === ''
                ? `Remove \`${JSON.stringify(kept).slice(1, -1)}\` after the flags`
                : `Write the flags as \`${upper}\``,
            edits: [{ range, newText: upper }],
          },
        ],
      };
    });
  },
});
