// Owns GDL515: Small listen backlog.
import { recordOf } from '../../parsers/host-report/parse';
import { defineRule } from '../rule';
import { probe } from './probe-example';

export const lowSomaxconn = defineRule({
  id: 'GDL515',
  name: 'low-somaxconn',
  language: 'host-report',
  defaultSeverity: 'information',
  fixSafety: 'none',
  docs: {
    summary: 'Small listen backlog',
    what: 'Reports net.core.somaxconn below 4096.',
    why: 'Go passes the system maximum as the listen backlog: under bursts, connections are dropped or delayed with a small backlog.',
    example: probe([['somaxconn', '128']]),
    useInstead: probe([['somaxconn', '4096']]),
    exampleFile: 'host.gdlprobe',
  },
  check({ probe }, report) {
    const r = recordOf(probe, 'somaxconn');
    if (r !== undefined && Number(r.values[0]) > 0 && Number(r.values[0]) < 4096)
      report({
        range: r.keyToken.range,
        message: `net.core.somaxconn is ${r.values[0] ?? ''}: connection bursts overflow the backlog; raise it (\`sysctl -w net.core.somaxconn=4096\`)`,
      });
  },
});
