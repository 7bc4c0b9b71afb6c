// Owns the walk shared by the ELF pattern rules (GDL320, GDL327): accepted M registrations whose magic is decoded as an ELF header.
import type { Range } from '../../text/line-index';
import { decodeElf, type ElfMatch } from '../../knowledge/elf';
import type { RegistrationNode } from '../../parsers/binfmt/ast';
import type { BinfmtInput } from '../../parsers/binfmt/input';

export interface ElfRegistration {
  readonly node: RegistrationNode;
  readonly elf: ElfMatch;
  /** The magic field, and the mask field when it is written. */
  readonly range: Range;
}

/** The accepted magic registrations of a file with their decoded ELF pattern (non-ELF magics included: check `elf.isElf`). */
export function* elfRegistrations(input: BinfmtInput): Generator<ElfRegistration> {
  for (const node of input.file.registrations) {
    const reg = node.registration;
    if (reg.rejection !== undefined || reg.kind !== 'M' || reg.magic === undefined || reg.magicField === undefined)
      continue;
    const end = reg.maskField !== undefined && reg.maskField.text !== '' ? reg.maskField.end : reg.magicField.end;
    yield { node, elf: decodeElf(reg.offset, reg.magic, reg.mask), range: node.rangeOf(reg.magicField.start, end) };
  }
}
