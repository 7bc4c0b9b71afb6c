// Owns GDL323: the C flag, which lets setuid foreign binaries gain root through the emulator.
import { defineRule } from '../rule';
import { replaceField, setKey } from './registration-edits';

export const credentialsFlag = defineRule({
  id: 'GDL323',
  name: 'credentials-flag',
  language: 'binfmt',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  docs: {
    summary: 'C flag grants setuid credentials',
    what: 'Reports registrations with the `C` (credentials) flag.',
    why: 'With `C` the kernel computes credentials from the foreign binary, so any setuid foreign binary runs the emulator as root: a local privilege escalation. Debian removed `C` from its qemu registrations in 2025 for this reason.',
    example:
      ':qemu-aarch64:M::\\x7fELF\\x02\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\xb7\\x00:\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\xff:/usr/bin/qemu-aarch64-static:CF\n',
    useInstead:
      ':qemu-aarch64:M::\\x7fELF\\x02\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\xb7\\x00:\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\xff:/usr/bin/qemu-aarch64-static:F\n',
    exampleFile: 'binfmt.d/example.conf',
  },
  check(input, report) {
    for (const node of input.file.registrations) {
      const reg = node.registration;
      const flags = reg.flagsField;
      if (reg.rejection !== undefined || !reg.flags.includes('C')) continue;
      const edit =
        node.keys !== undefined
          ? setKey(input, node, 'credentials', 'no')
          : replaceField(input, node, flags, (flags?.text ?? '').replace(/C/g, ''));
      const at = flags !== undefined ? flags.start + Math.max(0, flags.text.indexOf('C')) : 0;
      report({
        range: node.keyNames?.get('credentials')?.range ?? node.rangeOf(at, at + 1),
        message: `The \`C\` flag gives setuid foreign binaries their owner's rights via \`${reg.interpreter?.text ?? ''}\`: root escalation`,
        fixes: edit === undefined ? [] : [{ title: 'Drop the C flag', edits: [edit] }],
      });
    }
  },
});
