// Owns GDL321: a registration that matches the host's own architecture and hijacks native binaries.
import { defineRule } from '../rule';
import { decodeElf, describeElf, machineByNumber } from '../../knowledge/elf';
import { QEMU_AARCH64, QEMU_ARCHES } from '../../knowledge/qemu-binfmt';

/** The class/endianness/machine a `uname -m` value runs natively, from qemu's own pattern for it. */
function nativeOf(uname: string): { elfClass?: number; data?: number; machine?: number } | undefined {
  const q =
    QEMU_ARCHES.find((a) => a.uname === uname || a.arch === uname) ?? (uname === 'arm64' ? QEMU_AARCH64 : undefined);
  if (q === undefined) return undefined;
  return decodeElf(0, q.magicBytes, q.maskBytes);
}

export const nativeArchRegistration = defineRule({
  id: 'GDL321',
  name: 'native-arch-registration',
  language: 'binfmt',
  defaultSeverity: 'warning',
  fixSafety: 'none',
  docs: {
    summary: 'Registration matches the host architecture',
    what: "With `goDeployLint.hostArch` set, reports a registration whose ELF pattern is the host's own class, endianness and machine.",
    why: "Native programs then run under the emulator (or fail): qemu's own installer skips the host family for this reason.",
    example:
      ':qemu-x86_64:M::\\x7fELF\\x02\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\x3e\\x00:\\xff\\xff\\xff\\xff\\xff\\xfe\\xfe\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\xff:/usr/bin/qemu-x86_64-static:F\n',
    useInstead:
      ':qemu-aarch64:M::\\x7fELF\\x02\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\xb7\\x00:\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\xff:/usr/bin/qemu-aarch64-static:F\n',
    exampleFile: 'binfmt.d/example.conf',
    exampleSettings: { hostArch: 'x86_64' },
  },
  check(input, report) {
    if (input.hostArch === '') return;
    const host = nativeOf(input.hostArch);
    if (host?.machine === undefined) return;
    for (const node of input.file.registrations) {
      const reg = node.registration;
      if (reg.rejection !== undefined || reg.kind !== 'M' || reg.magic === undefined || reg.magicField === undefined)
        continue;
      const elf = decodeElf(reg.offset, reg.magic, reg.mask);
      if (
        !elf.isElf ||
        elf.machine !== host.machine ||
        (elf.elfClass !== undefined && elf.elfClass !== host.elfClass) ||
        (elf.data !== undefined && elf.data !== host.data)
      )
        continue;
      report({
        range: node.rangeOf(reg.magicField.start, reg.magicField.end),
        message: `This matches ${describeElf(elf)}, the host's own architecture (${input.hostArch}, ${machineByNumber(host.machine)?.name ?? ''}): native programs would run under \`${reg.interpreter?.text ?? ''}\``,
      });
    }
  },
});
