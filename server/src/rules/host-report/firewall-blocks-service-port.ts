// Owns GDL514: firewalld active and a workspace unit's listen port not open.
import { recordOf } from '../../parsers/host-report/parse';
import { defineRule } from '../rule';
import { probe } from './probe-example';

export const firewallBlocksServicePort = defineRule({
  id: 'GDL514',
  name: 'firewall-blocks-service-port',
  language: 'host-report',
  defaultSeverity: 'warning',
  fixSafety: 'none',
  docs: {
    summary: 'Firewall blocks a service port',
    what: "Reports each listen port of the workspace's units (ListenStream=, `:PORT` in ExecStart=) that an active firewalld does not list as open (when readable without privilege).",
    why: 'The service starts and listens, yet clients time out: the firewall drops the packets.',
    example: probe([
      ['firewalld', 'active'],
      ['firewall_ports', '22/tcp'],
    ]),
    useInstead: probe([['firewalld', 'inactive']]),
    exampleFile: 'host.gdlprobe',
  },
  check({ probe, units }, report) {
    const fw = recordOf(probe, 'firewalld');
    const ports = recordOf(probe, 'firewall_ports');
    if (fw?.values[0] !== 'active' || ports === undefined) return;
    const open = new Set((ports.values[0] ?? '').split(/\s+/).map((p) => Number(p.split('/')[0])));
    const all = units();
    const blocked = all.flatMap((u) => u.ports.filter((p) => !open.has(p)).map((p) => ({ u, p })));
    if (all.length === 0) {
      report({
        range: fw.keyToken.range,
        severity: 'information',
        message: `firewalld is active and opens only ${ports.values[0] ?? 'nothing'}; services on other ports are unreachable; open them with \`firewall-cmd --permanent --add-port=PORT/tcp\``,
      });
      return;
    }
    for (const { u, p } of blocked) {
      const d = u.directives.find((x) => x.key === 'ListenStream' || x.key === 'ExecStart');
      report({
        range: fw.keyToken.range,
        message: `firewalld does not open port ${p}, which ${u.name} listens on; open it with \`firewall-cmd --permanent --add-port=${p}/tcp\``,
        related: d === undefined ? [] : [{ uri: u.uri, range: d.range, message: `${u.name} listens on ${p}` }],
      });
    }
  },
});
