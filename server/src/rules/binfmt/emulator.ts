// Owns recognising emulator registrations (qemu and friends) for the flag rules.
import type { Registration } from '../../parsers/binfmt/registration';
import { decodeElf } from '../../knowledge/elf';

/** True when the registration hands foreign ELF binaries to an emulator. */
export function isEmulator(reg: Registration): boolean {
  const interp = reg.interpreter?.text ?? '';
  if (/(^|\/)qemu-[^/]*$|-binfmt-P$|(^|\/)(box64|box86|fex\w*|rosetta)$/i.test(interp)) return true;
  return (
    reg.kind === 'M' && reg.magic !== undefined && decodeElf(reg.offset, reg.magic, reg.mask).machine !== undefined
  );
}
