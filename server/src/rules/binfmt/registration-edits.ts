// Owns edits to registration fields: precise text edits where the bytes are verbatim, update-binfmts key edits otherwise.
import type { TextEdit } from '../../text/edits';
import type { RegistrationNode } from '../../parsers/binfmt/ast';
import type { RegField } from '../../parsers/binfmt/registration';
import type { BinfmtInput } from '../../parsers/binfmt/input';

/** Replaces a field of a verbatim registration (binfmt.d line, plain echo/printf text); undefined when not verbatim. */
export function replaceField(
  input: BinfmtInput,
  node: RegistrationNode,
  field: RegField | undefined,
  newText: string,
): TextEdit | undefined {
  if (field === undefined || node.verbatimOffset === undefined) return undefined;
  return { range: input.index.range(node.verbatimOffset + field.start, node.verbatimOffset + field.end), newText };
}

/** Sets an update-binfmts key: edits its value, or appends a line. */
export function setKey(input: BinfmtInput, node: RegistrationNode, key: string, value: string): TextEdit | undefined {
  if (node.keys === undefined) return undefined;
  const tok = node.keys.get(key);
  if (tok !== undefined) return { range: tok.range, newText: value };
  const text = input.index.text;
  const end = input.index.positionAt(text.length);
  return { range: { start: end, end }, newText: `${text.endsWith('\n') || text === '' ? '' : '\n'}${key} ${value}\n` };
}

/** Edits that give a registration qemu's magic and mask (binfmt.d fields or update-binfmts keys); undefined if not editable. */
export function setMagicAndMask(
  input: BinfmtInput,
  node: RegistrationNode,
  magic: string,
  mask: string,
): TextEdit[] | undefined {
  const reg = node.registration;
  const edits =
    node.keys !== undefined
      ? [setKey(input, node, 'magic', magic), setKey(input, node, 'mask', mask)]
      : [replaceField(input, node, reg.magicField, magic), replaceField(input, node, reg.maskField, mask)];
  return edits.every((e) => e !== undefined) ? edits.filter((e) => e !== undefined) : undefined;
}
