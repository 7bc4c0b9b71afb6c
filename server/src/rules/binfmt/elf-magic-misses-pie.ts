// Owns GDL327: an ELF registration whose e_type lets only ET_EXEC through, so PIE binaries never reach the emulator.
import { defineRule, type FixInput } from '../rule';
import { QEMU_AARCH64, qemuArchFor, qemuRegistrationLine } from '../../knowledge/qemu-binfmt';
import { elfRegistrations } from './elf-patterns';
import { setMagicAndMask } from './registration-edits';

export const elfMagicMissesPie = defineRule({
  id: 'GDL327',
  name: 'elf-magic-misses-pie',
  language: 'binfmt',
  defaultSeverity: 'warning',
  fixSafety: 'unsafe',
  docs: {
    summary: 'ELF pattern misses PIE binaries',
    what: 'Reports an ELF registration (a qemu one, typically) whose magic pins e_type to 2 (ET_EXEC) with a mask that does not open it to 3 (ET_DYN), usually because the mask was left out.',
    why: 'Position-independent executables have e_type ET_DYN. Most binaries today are PIE (Debian, Alpine, Go with -buildmode=pie), so they never match: running a foreign arm64 program gives "exec format error" although the emulator is registered. qemu\'s own masks use `\\xfe` on e_type for this.',
    example: qemuRegistrationLine(QEMU_AARCH64, false),
    useInstead: qemuRegistrationLine(QEMU_AARCH64),
    exampleFile: 'binfmt.d/example.conf',
  },
  check(input, report) {
    for (const { node, elf, range } of elfRegistrations(input)) {
      // GDL320 owns patterns that leave the machine open; here the machine is pinned and only PIE is lost.
      if (
        !elf.isElf ||
        elf.unconstrained.length > 0 ||
        elf.types === undefined ||
        !elf.types.includes(2) ||
        elf.types.includes(3) ||
        elf.machine === undefined
      )
        continue;
      const q = qemuArchFor(elf.machine, elf.elfClass, elf.data);
      const fixes: FixInput[] = [];
      const edits = q === undefined ? undefined : setMagicAndMask(input, node, q.magic, q.mask);
      if (q !== undefined && edits !== undefined)
        fixes.push({ title: `Use qemu's ${q.arch} magic and mask (EXEC and DYN)`, edits });
      report({
        range,
        message: 'The pattern matches only ET_EXEC: PIE binaries (ET_DYN, most today) never reach the emulator',
        fixes,
      });
    }
  },
});
