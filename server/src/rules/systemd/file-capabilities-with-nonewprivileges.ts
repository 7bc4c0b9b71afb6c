// Owns GDL236: a non-root service binding a port below 1024 under NoNewPrivileges= without AmbientCapabilities=.
import { defineRule } from '../rule';
import { lastValue } from '../../parsers/systemd/input';
import { parseBool } from '../../knowledge/systemd-values';
import { appendToSection } from './unit-edits';

const PRIVILEGED_PORT = /(?:^|[\s=])(?:[0-9.]*|\[[^\]]*\]):([0-9]{1,4})(?=\s|$)/;
const NNP_IMPLIED = [
  'NoNewPrivileges',
  'DynamicUser',
  'SystemCallFilter',
  'ProtectKernelTunables',
  'RestrictNamespaces',
  'MemoryDenyWriteExecute',
  'LockPersonality',
  'RestrictRealtime',
  'RestrictSUIDSGID',
  'ProtectHostname',
  'ProtectClock',
  'ProtectKernelLogs',
  'ProtectKernelModules',
  'PrivateDevices',
  'SystemCallArchitectures',
];

export const fileCapabilitiesWithNonewprivileges = defineRule({
  id: 'GDL236',
  name: 'file-capabilities-with-nonewprivileges',
  language: 'systemd',
  defaultSeverity: 'warning',
  fixSafety: 'unsafe',
  crossLineKeys: ['User', 'DynamicUser', 'AmbientCapabilities', 'ExecStart', ...NNP_IMPLIED],
  docs: {
    summary: 'Low port needs AmbientCapabilities=',
    what: 'Reports a service that runs as a non-root `User=` (or `DynamicUser=yes`), binds a port below 1024 (seen in ExecStart= arguments such as `:80` or `-addr=:443`), has `NoNewPrivileges=` or an option that implies it, and no `AmbientCapabilities=`.',
    why: '`setcap cap_net_bind_service=+ep` on the binary is ignored under NoNewPrivileges, so the bind fails with "permission denied". Ambient capabilities survive.',
    example: '[Service]\nUser=api\nNoNewPrivileges=yes\nExecStart=/usr/local/bin/api -addr=:443\n',
    useInstead:
      '[Service]\nUser=api\nNoNewPrivileges=yes\nAmbientCapabilities=CAP_NET_BIND_SERVICE\nExecStart=/usr/local/bin/api -addr=:443\n',
    exampleFile: 'api.service',
  },
  check(input, report) {
    const user = lastValue(input, 'Service', 'User')?.value.trim();
    const dynamic = parseBool(lastValue(input, 'Service', 'DynamicUser')?.value ?? '') === true;
    if ((user === undefined || user === 'root' || user === '0') && !dynamic) return;
    if (lastValue(input, 'Service', 'AmbientCapabilities') !== undefined) return;
    const nnp = NNP_IMPLIED.map((k) => lastValue(input, 'Service', k)).find(
      (m) =>
        m !== undefined &&
        (m.key === 'SystemCallFilter' || m.key === 'SystemCallArchitectures' || parseBool(m.value) !== false),
    );
    if (nnp === undefined && !dynamic) return;
    for (const a of input.file.assignments) {
      if (a.key.text !== 'ExecStart') continue;
      const m = PRIVILEGED_PORT.exec(a.value.text);
      if (m?.[1] === undefined || Number(m[1]) >= 1024 || Number(m[1]) === 0) continue;
      const at = a.value.text.indexOf(`:${m[1]}`, m.index);
      report({
        range: a.value.rangeOf(at, at + 1 + m[1].length),
        message: `Port ${m[1]} needs CAP_NET_BIND_SERVICE; a non-root service under ${nnp?.key ?? 'DynamicUser'}= ignores setcap file capabilities`,
        fixes: [
          {
            title: 'Add AmbientCapabilities=CAP_NET_BIND_SERVICE',
            edits: [appendToSection(input.file, input.index, 'Service', 'AmbientCapabilities=CAP_NET_BIND_SERVICE')],
          },
        ],
      });
    }
  },
});
