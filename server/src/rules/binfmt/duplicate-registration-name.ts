// Owns GDL324: a name registered twice, in one file or across the workspace's binfmt.d files.
import { defineRule, type RelatedInfo } from '../rule';
import { compareOrder } from '../../parsers/binfmt/input';
import type { Range } from '../../text/line-index';

interface Definition {
  readonly order: readonly number[];
  readonly range: Range;
  readonly uri?: string;
  readonly where: string;
}

export const duplicateRegistrationName = defineRule({
  id: 'GDL324',
  name: 'duplicate-registration-name',
  language: 'binfmt',
  defaultSeverity: 'warning',
  fixSafety: 'none',
  docs: {
    summary: 'Registration name is defined twice',
    what: "Reports a registration whose name is registered again later, in the same file or in another binfmt.d file of the workspace, following systemd-binfmt's order (same basename: /etc over /run over /usr/local/lib over /usr/lib; then files by name).",
    why: 'systemd-binfmt removes the entry and registers the later line, so this definition never takes effect; editing it changes nothing.',
    example: ':jar:E::jar::/usr/bin/jexec:\n:jar:M::PK\\x03\\x04::/usr/bin/jexec:\n',
    useInstead: ':jar:M::PK\\x03\\x04::/usr/bin/jexec:\n',
    exampleFile: 'binfmt.d/example.conf',
  },
  check(input, report) {
    const mine = input.order ?? [0];
    // The last definition of each name in this file (later lines replace earlier ones within a file).
    const lastHere = new Map<string, Definition>();
    for (const node of input.file.registrations) {
      const name = node.registration.name;
      if (name === undefined) continue;
      const r = node.rangeOf(name.start, name.end);
      lastHere.set(name.text, { order: [...mine, r.start.line], range: r, where: `on line ${r.start.line + 1}` });
    }
    const elsewhere = new Map<string, Definition | undefined>();
    for (const node of input.file.registrations) {
      const name = node.registration.name;
      if (name === undefined || node.registration.rejection !== undefined) continue;
      const range = node.rangeOf(name.start, name.end);
      const self: Definition = { order: [...mine, range.start.line], range, where: 'here' };
      if (!elsewhere.has(name.text)) {
        const d = input.latestElsewhere(name.text);
        elsewhere.set(name.text, d && { order: d.order, range: d.range, uri: d.uri, where: `in ${d.hostPath}` });
      }
      const candidates = [lastHere.get(name.text), elsewhere.get(name.text)];
      const winner = candidates.reduce<Definition>(
        (best, d) => (d !== undefined && compareOrder(d.order, best.order) > 0 ? d : best),
        self,
      );
      if (winner === self) continue;
      const related: RelatedInfo[] = [
        {
          range: winner.range,
          message: `\`${name.text}\` registered again here, applied later`,
          ...(winner.uri !== undefined ? { uri: winner.uri } : {}),
        },
      ];
      report({
        range,
        message: `\`${name.text}\` is registered again ${winner.where}, which systemd-binfmt applies later: this definition is replaced`,
        related,
      });
    }
  },
});
