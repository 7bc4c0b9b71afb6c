// Owns hover on binfmt_misc registrations: fields decoded, what the pattern matches, flags, and the kernel's verdict.
import type { Position } from 'vscode-languageserver-types';
import type { BinfmtFile, RegistrationNode } from '../../parsers/binfmt/ast';
import { comparePositions } from '../../text/line-index';
import { decodeElf, describeElf } from '../../knowledge/elf';

const FLAG_TEXT: Record<string, string> = {
  P: 'P (preserve argv[0]: the interpreter gets the original name)',
  O: 'O (open binary: the interpreter gets an fd instead of a path)',
  C: 'C (credentials from the binary: setuid foreign binaries run as their owner)',
  F: 'F (fix binary: the interpreter is opened now, so it works in containers and chroots)',
};

const hex = (bytes: readonly number[]): string => bytes.map((b) => b.toString(16).padStart(2, '0')).join(' ');

export function describeRegistration(node: RegistrationNode): string {
  const reg = node.registration;
  const lines: string[] = [];
  lines.push(
    `**binfmt_misc registration \`${reg.name?.text ?? '?'}\`** (${reg.kind === 'E' ? 'by extension' : reg.kind === 'M' ? 'by magic bytes' : 'type unknown'})`,
  );
  if (node.transformNote !== undefined)
    lines.push(
      '',
      `Written through the shell: ${node.transformNote}. The kernel receives \`${JSON.stringify(reg.raw).slice(1, -1)}\`.`,
    );
  if (reg.rejection !== undefined) {
    lines.push('', `**The kernel refuses this with ${reg.rejection.errno}**: ${reg.rejection.detail}.`);
    return lines.join('\n');
  }
  if (reg.kind === 'M' && reg.magic !== undefined) {
    lines.push(
      '',
      `- offset: ${reg.offset}`,
      `- magic: \`${hex(reg.magic)}\``,
      `- mask: ${reg.mask === undefined ? 'none (exact match)' : `\`${hex(reg.mask)}\``}`,
    );
    const elf = decodeElf(reg.offset, reg.magic, reg.mask);
    if (elf.isElf) lines.push(`- matches: ${describeElf(elf)}`);
  } else if (reg.kind === 'E') {
    lines.push('', `- matches files whose name ends in \`.${reg.magicField?.text ?? ''}\``);
  }
  lines.push(`- interpreter: \`${reg.interpreter?.text ?? ''}\``);
  lines.push(
    `- flags: ${reg.flags === '' ? 'none' : [...reg.flags].map((f) => FLAG_TEXT[f] ?? f).join(', ')}${reg.flags.includes('O') && !(reg.flagsField?.text ?? '').includes('O') ? ' (O implied by C)' : ''}`,
  );
  return lines.join('\n');
}

export function binfmtHover(
  file: BinfmtFile,
  position: Position,
): { value: string; range: RegistrationNode['statement'] } | undefined {
  const node = file.registrations.find(
    (r) => comparePositions(r.statement.start, position) <= 0 && comparePositions(position, r.statement.end) <= 0,
  );
  return node === undefined ? undefined : { value: describeRegistration(node), range: node.statement };
}
