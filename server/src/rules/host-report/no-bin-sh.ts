// Owns GDL510: /bin/sh is missing.
import { isRecord } from '../../parsers/host-report/parse';
import { defineRule } from '../rule';
import { probe } from './probe-example';

export const noBinSh = defineRule({
  id: 'GDL510',
  name: 'no-bin-sh',
  language: 'host-report',
  defaultSeverity: 'warning',
  fixSafety: 'none',
  docs: {
    summary: '/bin/sh is missing',
    what: 'Reports a host (or root) without /bin/sh.',
    why: 'Shell-form commands, `sh -c` in units and most scripts fail with "no such file or directory".',
    example: probe([['bin_sh', 'missing']]),
    useInstead: probe([['bin_sh', 'present']]),
    exampleFile: 'host.gdlprobe',
  },
  check({ probe }, report) {
    const r = probe.records.find((x) => isRecord(x, 'bin_sh') && x.values[0] === 'missing');
    if (r !== undefined)
      report({
        range: r.keyToken.range,
        message:
          '/bin/sh is missing: shell-form commands and scripts cannot run; use exec form (ExecStart=/path/to/binary) or add a shell',
      });
  },
});
