// Owns GDL509: the workspace has units but the host's init is not systemd.
import { recordOf } from '../../parsers/host-report/parse';
import { defineRule } from '../rule';
import { probe } from './probe-example';

export const noSystemd = defineRule({
  id: 'GDL509',
  name: 'no-systemd',
  language: 'host-report',
  defaultSeverity: 'warning',
  fixSafety: 'none',
  docs: {
    summary: 'Host does not run systemd',
    what: "Reports a host whose PID 1 is not systemd (OpenRC, runit, busybox init, or a container's process) while the workspace has unit files for it.",
    why: 'The units will never be loaded: `systemctl` fails with "System has not been booted with systemd".',
    example: probe([['pid1', 'openrc-init']]),
    useInstead: probe([['pid1', 'systemd']]),
    exampleFile: 'host.gdlprobe',
    exampleSettings: {},
  },
  check({ probe, facts, units }, report) {
    const pid1 = recordOf(probe, 'pid1');
    if (pid1 === undefined || facts.pid1 === 'systemd' || facts.pid1 === undefined) return;
    const n = units().length;
    report({
      range: pid1.keyToken.range,
      message: `PID 1 is \`${facts.pid1}\`, not systemd${n > 0 ? `: the workspace's ${n} unit file(s) will not be used` : ': unit files will not be used on this host'}`,
    });
  },
});
