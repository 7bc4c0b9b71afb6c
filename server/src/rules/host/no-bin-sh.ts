// Owns GDL510: /bin/sh is missing.
import { defineRule } from '../rule';
import { probe } from './probe-example';

/** Reports a host (or root) without /bin/sh. */
export const noBinSh = defineRule({
  id: 'GDL510',
  name: 'no-bin-sh',
  language: 'host',
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
  check({ report: probe_, facts }, report) {
    void facts;
    const r = probe_.records.find((x) => x.key === 'bin_sh' && x.values[0] === 'missing');
    if (r !== undefined) report({ range: r.keyToken.range, message: '/bin/sh is missing: shell-form commands and scripts cannot run; use exec form (ExecStart=/path/to/binary) or add a shell' });
  },
});
