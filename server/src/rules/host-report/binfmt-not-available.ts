// Owns GDL507: binfmt.d registrations that are not active on the host.
import { recordOf } from '../../parsers/host-report/parse';
import { defineRule } from '../rule';
import { probe } from './probe-example';

export const binfmtNotAvailable = defineRule({
  id: 'GDL507',
  name: 'binfmt-not-available',
  language: 'host-report',
  defaultSeverity: 'warning',
  fixSafety: 'none',
  docs: {
    summary: 'binfmt.d registrations are not active',
    what: 'Reports a host with binfmt.d files where binfmt_misc is not mounted or systemd-binfmt is not active, and each configured registration that is not registered (lost after an upgrade or a `systemctl restart systemd-binfmt` that a Docker installer did not redo).',
    why: 'Foreign-architecture binaries and containers then fail with "exec format error".',
    example: probe([
      ['binfmt_mounted', 'yes'],
      [
        'binfmt_d',
        '/usr/lib/binfmt.d/qemu-arm.conf',
        ':qemu-arm:M::\\x7fELF\\x01\\x01\\x01::/usr/bin/qemu-arm-static:F\n',
      ],
      ['systemd_binfmt', 'active'],
    ]),
    useInstead: probe([
      ['binfmt_mounted', 'yes'],
      [
        'binfmt_d',
        '/usr/lib/binfmt.d/qemu-arm.conf',
        ':qemu-arm:M::\\x7fELF\\x01\\x01\\x01::/usr/bin/qemu-arm-static:F\n',
      ],
      ['binfmt_entry', '/proc/sys/fs/binfmt_misc/qemu-arm', 'enabled\n'],
      ['systemd_binfmt', 'active'],
    ]),
    exampleFile: 'host.gdlprobe',
  },
  check({ facts, probe }, report) {
    if (facts.binfmtD.length === 0) return;
    const first = facts.binfmtD[0];
    if (first === undefined) return;
    if (!facts.binfmt.mounted) {
      report({
        range: first.record.keyToken.range,
        message: 'binfmt.d files exist but binfmt_misc is not mounted: none of them is active',
      });
      return;
    }
    const sb = recordOf(probe, 'systemd_binfmt');
    if (
      sb !== undefined &&
      facts.systemdBinfmt !== undefined &&
      facts.systemdBinfmt !== 'active' &&
      facts.systemdBinfmt !== ''
    ) {
      report({
        range: sb.keyToken.range,
        message: `systemd-binfmt is ${facts.systemdBinfmt}: binfmt.d files are not applied at boot; enable it (\`systemctl enable --now systemd-binfmt\`)`,
      });
    }
    const registered = new Set(facts.binfmt.entries.map((e) => e.name));
    for (const f of facts.binfmtD) {
      for (const name of f.names) {
        if (!registered.has(name))
          report({
            range: f.record.keyToken.range,
            message: `\`${name}\` from ${f.path} is not registered; run \`systemctl restart systemd-binfmt\``,
          });
      }
    }
  },
});
