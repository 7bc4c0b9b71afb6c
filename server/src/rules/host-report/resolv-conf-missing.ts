// Owns GDL511: /etc/resolv.conf is missing or empty.
import { isRecord } from '../../parsers/host-report/parse';
import { defineRule } from '../rule';
import { probe } from './probe-example';

export const resolvConfMissing = defineRule({
  id: 'GDL511',
  name: 'resolv-conf-missing',
  language: 'host-report',
  defaultSeverity: 'warning',
  fixSafety: 'none',
  docs: {
    summary: '/etc/resolv.conf is missing or empty',
    what: 'Reports a host without /etc/resolv.conf, or with an empty one.',
    why: 'Go falls back to 127.0.0.1:53 and [::1]:53: name lookups fail unless a resolver runs locally.',
    example: probe([['resolv_conf', 'missing']]),
    useInstead: probe([['resolv_conf', 'present']]),
    exampleFile: 'host.gdlprobe',
  },
  check({ probe }, report) {
    const r = probe.records.find((x) => isRecord(x, 'resolv_conf') && x.values[0] !== 'present');
    if (r !== undefined)
      report({
        range: r.keyToken.range,
        message: `/etc/resolv.conf is ${r.values[0] ?? ''}: Go resolves names against localhost only; provide one`,
      });
  },
});
