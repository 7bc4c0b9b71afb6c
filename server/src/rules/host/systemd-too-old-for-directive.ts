// Owns GDL517: workspace unit directives newer than the host's systemd.
import { defineRule } from '../rule';
import { probe } from './probe-example';

/** Flags each workspace directive whose first systemd release is newer than the host's. */
export const systemdTooOldForDirective = defineRule({
  id: 'GDL517',
  name: 'systemd-too-old-for-directive',
  language: 'host',
  defaultSeverity: 'warning',
  fixSafety: 'none',
  docs: {
    summary: 'Host systemd is older than a directive',
    what: 'Reports directives of the workspace\'s units that appeared after the host\'s systemd version (from `systemctl --version`), with a link to the unit line.',
    why: 'Older systemd ignores unknown directives with a log line only: the limit, sandboxing or restart behaviour you wrote silently does not exist on that host.',
    example: probe([['systemd_version', 'systemd 241 (241)']]),
    useInstead: probe([['systemd_version', 'systemd 257 (257.13-1)']]),
    exampleFile: 'host.gdlprobe',
  },
  check({ report: probe_, facts, units }, report) {
    const r = probe_.records.find((x) => x.key === 'systemd_version');
    const v = facts.systemdVersion;
    if (r === undefined || v === undefined) return;
    const newer = units().flatMap((u) => u.directives.filter((d) => d.since > v).map((d) => ({ u, d })));
    for (const { u, d } of newer) {
      report({ range: r.keyToken.range, message: `${d.key}= in ${u.name} needs systemd ${d.since}; this host has ${v} and ignores it`, related: [{ uri: u.uri, range: d.range, message: `${d.key}= (systemd ${d.since})` }] });
    }
  },
});
