// Owns the shared shape of the kernel-grammar rules (GDL301–313): report the kernel's rejection of a registration.
import type { BinfmtInput } from '../../parsers/binfmt/input';
import type { RegistrationNode } from '../../parsers/binfmt/ast';
import { shown, type Rejection } from '../../parsers/binfmt/registration';
import type { FindingInput, Report } from '../rule';

/** How the received bytes differ from the text, for embedded strings (`echo -e`, printf…). */
export function received(node: RegistrationNode): string {
  if (node.transformNote === undefined) return '';
  return ` (the kernel receives \`${shown(node.registration.raw, 40)}\`: ${node.transformNote})`;
}

export function errnoPhrase(r: Rejection): string {
  return `the kernel refuses the registration with ${r.errno}`;
}

/** Reports every registration the kernel rejects for `code`, with the rule's own wording and optional fixes. */
export function reportRejections(
  input: BinfmtInput,
  code: Rejection['code'],
  report: Report,
  extra: (node: RegistrationNode, r: Rejection) => Partial<FindingInput> = () => ({}),
): void {
  for (const node of input.file.registrations) {
    const r = node.registration.rejection;
    if (r === undefined || r.code !== code) continue;
    // In unit Exec lines systemd substitutes specifiers (`%i`) before the kernel sees the string: not judged.
    if (
      node.surface === 'systemd-unit' &&
      /%[A-Za-z]/.test(node.registration.raw.slice(r.start, Math.max(r.end, r.start + 1)))
    )
      continue;
    // dash's echo prints `-e` literally: say that first, it is the real mistake.
    const dashE = node.registration.raw.startsWith('-e ') && (node.transformNote ?? '').includes('no `-e` option');
    const message = dashE
      ? `dash's echo has no \`-e\`: it writes \`-e …\`, the kernel takes \`-\` as the delimiter and refuses it (${r.errno}); use printf`
      : `${capital(r.detail)}: ${errnoPhrase(r)}`;
    // What the shell did to the text is the reasoning: related information, not the message.
    const note = received(node).replace(/^ \((.*)\)$/, '$1');
    report({
      range: node.rangeOf(r.start, Math.max(r.end, r.start + 1)),
      message,
      ...(note !== '' ? { related: [{ range: node.statement, message: capital(note) }] } : {}),
      ...extra(node, r),
    });
  }
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
