// Owns GDL326: a magic of `#!` (or `#`) that captures every script on the host.
import { defineRule } from '../rule';

const SHEBANG = [0x23, 0x21];

export const scriptMagicMatchesEveryScript = defineRule({
  id: 'GDL326',
  name: 'script-magic-matches-every-script',
  language: 'binfmt',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'Magic matches every script',
    what: 'Reports an M registration at offset 0 whose magic (under its mask) is `#!` or `#`: a prefix every script shares.',
    why: 'The kernel tries binfmt_misc before its own `#!` handler (fs/binfmt_misc.c registers first), so every shell, Python and init script on the host runs through the interpreter instead; if that interpreter is itself a script, every exec loops with ELOOP. As severe as an ELF pattern that matches every binary.',
    example: ':scripts:M::#!::/usr/local/bin/script-runner:\n',
    useInstead: ':myscripts:M::#!/usr/bin/mylang::/usr/local/bin/mylang:\n',
    exampleFile: 'binfmt.d/example.conf',
  },
  check(input, report) {
    for (const node of input.file.registrations) {
      const reg = node.registration;
      if (
        reg.rejection !== undefined ||
        reg.kind !== 'M' ||
        reg.offset !== 0 ||
        reg.magic === undefined ||
        reg.magicField === undefined
      )
        continue;
      if (reg.magic.length === 0 || reg.magic.length > SHEBANG.length) continue;
      const mask = reg.mask !== undefined && reg.mask.length > 0 ? reg.mask : undefined;
      if (!reg.magic.every((b, i) => ((b ^ (SHEBANG[i] ?? -1)) & (mask?.[i] ?? 0xff)) === 0)) continue;
      report({
        range: node.rangeOf(reg.magicField.start, reg.magicField.end),
        message: `This pattern matches every script (\`#!\`): each one on the host runs through \`${reg.interpreter?.text ?? ''}\``,
      });
    }
  },
});
