// Owns GDL517: workspace unit directives newer than the host's systemd.
import { recordOf } from '../../parsers/host-report/parse';
import { defineRule } from '../rule';
import { probe } from './probe-example';
import { addedInText, unknownTo } from '../../knowledge/systemd-directives';

export const systemdTooOldForDirective = defineRule({
  id: 'GDL517',
  name: 'systemd-too-old-for-directive',
  language: 'host-report',
  defaultSeverity: 'warning',
  fixSafety: 'none',
  docs: {
    summary: 'Host systemd is older than a directive',
    what: "Reports directives of the workspace's units that appeared after the host's systemd version (from `systemctl --version`), with a link to the unit line. The version each directive was added in comes from systemd's man pages (\"Added in version N.\"); directives the pages do not annotate are long-standing and never reported; directives newer than the pages read count as added after 247.",
    why: 'Older systemd ignores unknown directives with a log line only: the limit, sandboxing or restart behaviour you wrote silently does not exist on that host.',
    example: probe([['systemd_version', 'systemd 241 (241)']]),
    useInstead: probe([['systemd_version', 'systemd 257 (257.13-1)']]),
    exampleFile: 'host.gdlprobe',
  },
  check({ probe, facts, units }, report) {
    const r = recordOf(probe, 'systemd_version');
    const v = facts.systemdVersion;
    if (r === undefined || v === undefined) return;
    // Only what is known to be newer: a version from the man pages, or "after 247" for directives only the
    // source tables know. Long-standing and unknown directives are never claimed to be ignored.
    const newer = units().flatMap((u) => u.directives.filter((d) => unknownTo(d.directive, v)).map((d) => ({ u, d })));
    for (const { u, d } of newer) {
      const added = addedInText(d.directive) ?? '';
      report({
        range: r.keyToken.range,
        message: `${d.key}= in ${u.name}: ${added.charAt(0).toLowerCase()}${added.slice(1)}; this host has ${v} and ignores it`,
        related: [{ uri: u.uri, range: d.range, message: `${d.key}= (${added})` }],
      });
    }
  },
});
