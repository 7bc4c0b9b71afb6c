// Owns GDL320: ELF magic/mask that leaves class, endianness or machine open, so it matches every ELF binary.
import { defineRule, type FixInput } from '../rule';
import { decodeElf } from '../../knowledge/elf';
import { FIX_ARCHES, QEMU_ARCHES } from '../../knowledge/qemu-binfmt';
import { setMagicAndMask } from './registration-edits';

/** Flags `\x7fELF` with no mask (or a mask that ignores the machine): every exec on the host goes to the interpreter. */
export const elfMagicMatchesEveryBinary = defineRule({
  id: 'GDL320',
  name: 'elf-magic-matches-every-binary',
  language: 'binfmt',
  defaultSeverity: 'error',
  fixSafety: 'unsafe',
  docs: {
    summary: 'ELF pattern matches every binary',
    what: 'Reports an M registration at offset 0 whose magic is the ELF header but whose magic and mask do not pin the class, endianness and machine bytes.',
    why: 'It matches every ELF program, native ones and the interpreter itself: each exec on the host then loops (ELOOP, "Too many levels of symbolic links") or runs under the emulator, and the machine is unusable until the entry is removed. `:go-bin:M::\\x7fELF::/usr/local/bin/go-runner:` does exactly this.',
    example: ':go-bin:M::\\x7fELF::/usr/local/bin/go-runner:\n',
    useInstead: ':qemu-aarch64:M::\\x7fELF\\x02\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\xb7\\x00:\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\xff:/usr/bin/qemu-aarch64-static:F\n',
    exampleFile: 'binfmt.d/example.conf',
  },
  check(input, report) {
    for (const node of input.file.registrations) {
      const reg = node.registration;
      if (reg.rejection !== undefined || reg.kind !== 'M' || reg.magic === undefined || reg.magicField === undefined) continue;
      const elf = decodeElf(reg.offset, reg.magic, reg.mask);
      if (!elf.isElf || elf.unconstrained.length === 0) continue;
      const fixes: FixInput[] = [];
      for (const arch of FIX_ARCHES) {
        const q = QEMU_ARCHES.find((a) => a.arch === arch);
        if (q === undefined) continue;
        const edits = setMagicAndMask(input, node, q.magic, q.mask);
        if (edits !== undefined) fixes.push({ title: `Match only ${arch} binaries (qemu's magic and mask)`, edits });
      }
      report({
        range: node.rangeOf(reg.magicField.start, reg.maskField !== undefined && reg.maskField.text !== '' ? reg.maskField.end : reg.magicField.end),
        message: `This pattern matches every ELF binary (${elf.unconstrained.join(', ')} not pinned): every exec loops with ELOOP`,
        fixes,
      });
    }
  },
});
