// Owns GDL325: a file in a binfmt.d directory that systemd-binfmt ignores because it does not end in .conf.
import * as path from 'node:path';
import { defineRule } from '../rule';

export const binfmtFileNotConf = defineRule({
  id: 'GDL325',
  name: 'binfmt-file-not-conf',
  language: 'binfmt',
  defaultSeverity: 'warning',
  fixSafety: 'none',
  docs: {
    summary: 'binfmt.d file is ignored',
    what: 'Reports a file in a `binfmt.d/` directory whose name does not end in `.conf`.',
    why: 'systemd-binfmt reads only `*.conf` files, so none of its registrations are made at boot.',
    example:
      ':qemu-arm:M::\\x7fELF\\x01\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\x28\\x00:\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\xff:/usr/bin/qemu-arm-static:F\n',
    useInstead:
      ':qemu-arm:M::\\x7fELF\\x01\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\x28\\x00:\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\xff:/usr/bin/qemu-arm-static:F\n',
    exampleFile: 'binfmt.d/qemu-arm',
    useInsteadFile: 'binfmt.d/qemu-arm.conf',
  },
  check(input, report) {
    if (!input.inBinfmtD || input.path === undefined || input.path.endsWith('.conf')) return;
    const first = input.file.statements[0] ?? input.file.comments[0]?.range ?? input.index.lineRange(0);
    report({
      range: first,
      message: `\`${path.basename(input.path)}\` does not end in \`.conf\`: systemd-binfmt ignores this file`,
    });
  },
});
