// Owns GDL506: a binary for another architecture than the host, with no binfmt handler for it.
import { defineRule } from '../rule';
import { decodeElf, machineByNumber, EI_CLASS } from '../../knowledge/elf';
import { probe } from './probe-example';

export const binaryArchMismatch = defineRule({
  id: 'GDL506',
  name: 'binary-arch-mismatch',
  language: 'host-report',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'Binary is for another architecture',
    what: "Reports a binary whose ELF machine or class differs from the host's `uname -m`, when no registered binfmt_misc entry covers it.",
    why: 'The kernel refuses it: "exec format error". Usually a GOARCH mix-up or an amd64 image pulled onto an arm64 host.',
    example: probe([
      ['uname_m', 'aarch64'],
      ['binary', '/opt/app'],
      ['binary_head', '/opt/app', `\x7fELF\x02\x01\x01${'\0'.repeat(9)}\x02\x00\x3e\x00${'\0'.repeat(44)}`],
    ]),
    useInstead: probe([
      ['uname_m', 'x86_64'],
      ['binary', '/opt/app'],
      ['binary_head', '/opt/app', `\x7fELF\x02\x01\x01${'\0'.repeat(9)}\x02\x00\x3e\x00${'\0'.repeat(44)}`],
    ]),
    exampleFile: 'host.gdlprobe',
  },
  check({ facts }, report) {
    for (const b of facts.binaries) {
      if (b.elf === undefined) continue;
      const m = machineByNumber(b.elf.machine);
      if (m === undefined || m.uname.includes(facts.arch)) continue;
      const handled = facts.binfmt.entries.some(
        (e) => e.enabled && e.magic !== undefined && decodeElf(e.offset, e.magic, e.mask).machine === b.elf?.machine,
      );
      if (handled) continue;
      report({
        range: b.record.keyToken.range,
        message: `\`${b.path}\` is a ${EI_CLASS[b.elf.elfClass] ?? ''} ${m.name} binary but the host is ${facts.arch}: "exec format error"; build it with GOARCH for ${facts.arch}`,
      });
    }
  },
});
