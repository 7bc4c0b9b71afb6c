// Owns GDL516: a cgroup v1 host for units that use cgroup v2-only directives.
import { recordOf } from '../../parsers/host-report/parse';
import { defineRule } from '../rule';
import { probe } from './probe-example';
import { CGROUP_V1_TWIN } from '../../knowledge/systemd-directives';

const V2_ONLY = [
  'MemoryMax',
  'MemoryHigh',
  'MemoryLow',
  'MemoryMin',
  'MemorySwapMax',
  'CPUWeight',
  'StartupCPUWeight',
  'IOWeight',
  'StartupIOWeight',
  'IODeviceWeight',
  'IOReadBandwidthMax',
  'IOWriteBandwidthMax',
];

export const cgroupV1 = defineRule({
  id: 'GDL516',
  name: 'cgroup-v1',
  language: 'host-report',
  defaultSeverity: 'warning',
  fixSafety: 'none',
  docs: {
    summary: 'cgroup v1 host for v2-only settings',
    what: 'Reports a host on cgroup v1 (legacy or hybrid hierarchy) while workspace units use unified-hierarchy settings such as `MemoryMax=`, `CPUWeight=` or `IOWeight=`.',
    why: 'On cgroup v1 these settings have no effect or are mapped partially: the memory cap you wrote is not the one applied. systemd 258 drops cgroup v1 entirely. A unit that must run on both keeps both lines (`MemoryMax=` for v2, `MemoryLimit=` for v1): each hierarchy reads its own, and such a pair is not reported here nor by GDL210.',
    example: probe([['cgroup', 'v1']]),
    useInstead: probe([['cgroup', 'v2']]),
    exampleFile: 'host.gdlprobe',
  },
  check({ probe, units }, report) {
    const r = recordOf(probe, 'cgroup');
    if (r?.values[0] !== 'v1') return;
    // A v2 setting with its v1 twin in the same unit (MemoryMax= and MemoryLimit=) works on both hierarchies.
    const uses = units().flatMap((u) =>
      u.directives
        .filter(
          (d) =>
            V2_ONLY.includes(d.key) &&
            !u.directives.some((t) => t.key === CGROUP_V1_TWIN[d.key] && t.section === d.section),
        )
        .map((d) => ({ u, d })),
    );
    if (uses.length === 0) {
      report({
        range: r.keyToken.range,
        severity: 'information',
        message:
          'The host uses cgroup v1: MemoryMax=, CPUWeight= and IOWeight= do not apply as written, and systemd 258 removes v1 support',
      });
      return;
    }
    const keys = [...new Set(uses.map((x) => `${x.d.key}=`))];
    const twins = [
      ...new Set(
        uses
          .map((x) => CGROUP_V1_TWIN[x.d.key])
          .filter((t) => t !== undefined)
          .map((t) => `${t}=`),
      ),
    ];
    report({
      range: r.keyToken.range,
      message: `cgroup v1 host, but ${firstFew(keys)} in workspace units need${keys.length === 1 ? 's' : ''} v2; boot with cgroup v2 or add ${twins.length > 0 ? firstFew(twins) : 'v1 settings'} too`,
      // One location per setting, so each one the message counts can be reached.
      related: keys
        .flatMap((k) => uses.filter((x) => `${x.d.key}=` === k).slice(0, 1))
        .map(({ u, d }) => ({ uri: u.uri, range: d.range, message: `${d.key}= in ${u.name}` })),
    });
  },
});

/** A list for a message: up to three items, then how many more (the related locations hold one of each). */
function firstFew(items: readonly string[]): string {
  return items.length <= 3 ? items.join(', ') : `${items.slice(0, 3).join(', ')} and ${items.length - 3} more`;
}
