// Owns GDL508: a registered binfmt_misc entry that matches every ELF or uses the C flag.
import { defineRule } from '../rule';
import { decodeElf } from '../../knowledge/elf';
import { probe } from './probe-example';

export const dangerousBinfmtEntry = defineRule({
  id: 'GDL508',
  name: 'dangerous-binfmt-entry',
  language: 'host-report',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'Registered binfmt_misc entry is dangerous',
    what: 'Reports a registered entry (as read from /proc/sys/fs/binfmt_misc) whose pattern matches every ELF binary, or that has the `C` flag.',
    why: 'A catch-all ELF entry sends every exec on the host to the interpreter (ELOOP); `C` turns setuid foreign binaries into a root escalation through the emulator.',
    example: probe([
      [
        'binfmt_entry',
        '/proc/sys/fs/binfmt_misc/go-bin',
        'enabled\ninterpreter /usr/local/bin/go-runner\nflags: \noffset 0\nmagic 7f454c46\n',
      ],
    ]),
    useInstead: probe([
      [
        'binfmt_entry',
        '/proc/sys/fs/binfmt_misc/qemu-aarch64',
        'enabled\ninterpreter /usr/bin/qemu-aarch64-static\nflags: F\noffset 0\nmagic 7f454c460201010000000000000000000200b700\nmask ffffffffffffff00fffffffffffffffffeffffff\n',
      ],
    ]),
    exampleFile: 'host.gdlprobe',
  },
  check({ facts }, report) {
    for (const e of facts.binfmt.entries) {
      const elf = e.magic === undefined ? undefined : decodeElf(e.offset, e.magic, e.mask);
      if (elf?.isElf === true && elf.unconstrained.length > 0)
        report({
          range: e.record.keyToken.range,
          message: `Registered entry \`${e.name}\` matches every ELF binary (${elf.unconstrained.join(', ')} not pinned)`,
        });
      else if (e.flags.includes('C'))
        report({
          range: e.record.keyToken.range,
          message: `Registered entry \`${e.name}\` has the C flag: setuid foreign binaries gain root through ${e.interpreter ?? 'the interpreter'}`,
        });
    }
  },
});
