// Owns GDL322: an emulator registration without F, whose interpreter is looked up inside every container.
import { defineRule } from '../rule';
import { isEmulator } from './emulator';
import { replaceField, setKey } from './registration-edits';

export const missingFixBinaryFlag = defineRule({
  id: 'GDL322',
  name: 'missing-fix-binary-flag',
  language: 'binfmt',
  defaultSeverity: 'information',
  fixSafety: 'safe',
  docs: {
    summary: 'Emulator registered without F',
    what: 'Reports an emulator registration (qemu and similar, or a pattern for one ELF machine) whose flags lack `F`.',
    why: 'Without `F` the kernel opens the interpreter at each exec, inside the caller\'s mount namespace: in a container or chroot that path does not exist and foreign binaries fail with "no such file or directory". With `F` it is opened once at registration (the interpreter must then be static, like qemu-*-static).',
    example:
      ':qemu-arm:M::\\x7fELF\\x01\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\x28\\x00:\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\xff:/usr/bin/qemu-arm-static:P\n',
    useInstead:
      ':qemu-arm:M::\\x7fELF\\x01\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\x28\\x00:\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\xff:/usr/bin/qemu-arm-static:PF\n',
    exampleFile: 'binfmt.d/example.conf',
  },
  check(input, report) {
    for (const node of input.file.registrations) {
      const reg = node.registration;
      if (reg.rejection !== undefined || reg.flags.includes('F') || !isEmulator(reg) || reg.interpreter === undefined)
        continue;
      const flags = reg.flagsField;
      const edit =
        node.keys !== undefined
          ? setKey(input, node, 'fix_binary', 'yes')
          : replaceField(input, node, flags, `${flags?.text ?? ''}F`);
      report({
        range: node.rangeOf(reg.interpreter.start, reg.interpreter.end),
        message: `No \`F\` flag: \`${reg.interpreter.text}\` is looked up inside each container or chroot, usually in vain`,
        // F with a dynamic interpreter still loads its libraries inside the container: safe only for static ones.
        fixes:
          edit === undefined
            ? []
            : [
                {
                  title: 'Add the F flag (the interpreter must be a static binary)',
                  edits: [edit],
                  safe: /static/.test(reg.interpreter.text),
                },
              ],
      });
    }
  },
});
