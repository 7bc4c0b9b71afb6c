// Owns GDL320: ELF magic/mask that leaves class, endianness or machine open, so it matches every ELF binary.
import { defineRule, type FixInput } from '../rule';
import { FIX_ARCHES, QEMU_AARCH64, qemuArch, qemuRegistrationLine } from '../../knowledge/qemu-binfmt';
import { elfRegistrations } from './elf-patterns';
import { setMagicAndMask } from './registration-edits';

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
    useInstead: qemuRegistrationLine(QEMU_AARCH64),
    exampleFile: 'binfmt.d/example.conf',
  },
  check(input, report) {
    for (const { node, elf, range } of elfRegistrations(input)) {
      if (!elf.isElf || elf.unconstrained.length === 0) continue;
      const fixes: FixInput[] = [];
      for (const arch of FIX_ARCHES) {
        const q = qemuArch(arch);
        if (q === undefined) continue;
        const edits = setMagicAndMask(input, node, q.magic, q.mask);
        if (edits !== undefined) fixes.push({ title: `Match only ${arch} binaries (qemu's magic and mask)`, edits });
      }
      report({
        range,
        message: `This pattern matches every ELF binary (${elf.unconstrained.join(', ')} not pinned): every exec loops with ELOOP`,
        fixes,
      });
    }
  },
});
