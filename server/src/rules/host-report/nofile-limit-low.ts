// Owns GDL519: Low file descriptor limit.
import { recordOf } from '../../parsers/host-report/parse';
import { defineRule } from '../rule';
import { probe } from './probe-example';

export const nofileLimitLow = defineRule({
  id: 'GDL519',
  name: 'nofile-limit-low',
  language: 'host-report',
  defaultSeverity: 'information',
  fixSafety: 'none',
  docs: {
    summary: 'Low file descriptor limit',
    what: 'Reports a hard `ulimit -n` below 65536 for the login session.',
    why: 'Go raises its soft limit to the hard limit; a low hard limit caps connections ("too many open files") for programs started from this session.',
    example: probe([['nofile_hard', '4096']]),
    useInstead: probe([['nofile_hard', '1048576']]),
    exampleFile: 'host.gdlprobe',
  },
  check({ probe }, report) {
    const r = recordOf(probe, 'nofile_hard');
    const n = Number(r?.values[0]);
    if (r !== undefined && Number.isFinite(n) && n > 0 && n < 65536)
      report({
        range: r.keyToken.range,
        message: `Hard file descriptor limit ${n}: servers hit "too many open files"; raise it (LimitNOFILE= in the unit)`,
      });
  },
});
