// Owns GDL210: deprecated, renamed, legacy-placed and ignored directives, with a rename (and value conversion) fix.
import { defineRule, type FixInput } from '../rule';
import { DEPRECATIONS, directive, SERVICE_COMPAT_UNIT_KEYS } from '../../knowledge/systemd-directives';
import { appendToSection, deleteAssignment, insertAbove } from './unit-edits';

/** cgroup v1 settings and their v2 twins: a v1 setting next to its twin is the portable pair, not a finding. */
const CGROUP_V1_PAIRS = Object.entries(DEPRECATIONS)
  .filter(([, d]) => d.cgroupV1 === true)
  .flatMap(([key, d]) => [key, d.replacement]);

export const deprecatedDirective = defineRule({
  id: 'GDL210',
  name: 'deprecated-directive',
  language: 'systemd',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  crossLineKeys: CGROUP_V1_PAIRS,
  docs: {
    summary: 'Deprecated directive or value',
    what: 'Reports directives systemd deprecated, renamed or only accepts for compatibility (`MemoryLimit=`, `CPUShares=`, `BlockIO*=`, `StartLimitInterval=`, `StartLimitBurst=` in [Service], `PermissionsStartOnly=`), removed ones it ignores, and the deprecated values `StandardOutput=syslog` and `KillMode=none`.',
    why: 'cgroup v1 settings are ignored from systemd 258: a service with only `MemoryLimit=` then runs with no memory cap. Legacy placements and values keep working today with a log line, and stop working without one later.',
    example: '[Service]\nExecStart=/usr/local/bin/api\nMemoryLimit=512M\nCPUShares=2048\n',
    useInstead: '[Service]\nExecStart=/usr/local/bin/api\nMemoryMax=512M\nCPUWeight=200\n',
    exampleFile: 'api.service',
  },
  check({ file, index }, report) {
    for (const a of file.assignments) {
      const section = a.section?.name.text;
      if (section === undefined) continue;
      const key = a.key.text;
      const known = directive(section, key);
      const dep = DEPRECATIONS[key];
      if (dep !== undefined && known !== undefined && dep.cgroupV1 === true) {
        // Old hosts (cgroup v1) read MemoryLimit=, newer ones MemoryMax=: next to its v2 twin it is the portable pair.
        if (
          section === undefined ||
          file.assignments.some((x) => x.section?.name.text === section && x.key.text === dep.replacement)
        )
          continue;
        const converted =
          dep.convert === undefined || a.value.text.trim() === '' ? a.value.text : dep.convert(a.value.text);
        const twin = converted === undefined ? undefined : `${dep.replacement}=${converted}`;
        report({
          range: a.key.range,
          message: `\`${key}=\` is a cgroup v1 setting that systemd 258 ignores; add \`${dep.replacement}=\` next to it`,
          fixes:
            twin === undefined
              ? []
              : [
                  { title: `Add ${twin} (keep ${key}= for cgroup v1 hosts)`, edits: [insertAbove(index, a, twin)] },
                  {
                    title: `Replace with ${twin} (cgroup v1 hosts lose the setting)`,
                    edits: [{ range: a.range, newText: twin }],
                    safe: false,
                  },
                ],
        });
        continue;
      }
      if (dep !== undefined && known !== undefined) {
        const fixes: FixInput[] = [];
        if (!dep.replacement.includes(' ')) {
          const converted =
            dep.convert === undefined || a.value.text.trim() === '' ? a.value.text : dep.convert(a.value.text);
          if (converted !== undefined) {
            const targetSection = dep.section ?? section;
            const edits =
              targetSection === section
                ? [
                    { range: a.key.range, newText: dep.replacement },
                    ...(converted !== a.value.text ? [{ range: a.value.range, newText: converted }] : []),
                  ]
                : [
                    deleteAssignment(index, a),
                    appendToSection(file, index, targetSection, `${dep.replacement}=${converted}`),
                  ];
            fixes.push({
              title: `Use ${dep.replacement}=${converted !== a.value.text ? ` (${a.value.text} → ${converted})` : ''}${targetSection !== section ? ` in [${targetSection}]` : ''}`,
              edits,
            });
          }
        }
        report({
          range: a.key.range,
          message: `\`${key}=\` is deprecated (${dep.why}); use ${dep.replacement.includes(' ') ? dep.replacement : `\`${dep.replacement}=\``}`,
          fixes,
        });
        continue;
      }
      if (section === 'Service' && SERVICE_COMPAT_UNIT_KEYS.includes(key) && key !== 'StartLimitInterval') {
        const line = `${key}=${a.value.text}`;
        report({
          range: a.key.range,
          message: `\`${key}=\` belongs in [Unit]; [Service] accepts it only for compatibility`,
          fixes: [
            {
              title: 'Move to [Unit]',
              edits: [deleteAssignment(index, a), appendToSection(file, index, 'Unit', line)],
            },
          ],
        });
        continue;
      }
      if (known?.status === 'legacy') {
        report({
          range: a.key.range,
          message: `Support for \`${key}=\` has been removed; systemd ignores it`,
          fixes: [{ title: `Remove \`${key}=\``, edits: [deleteAssignment(index, a)] }],
        });
        continue;
      }
      const v = a.value.text.trim();
      if ((key === 'StandardOutput' || key === 'StandardError') && (v === 'syslog' || v === 'syslog+console')) {
        const to = v === 'syslog' ? 'journal' : 'journal+console';
        report({
          range: a.value.range,
          message: `\`${v}\` is obsolete; systemd rewrites it to \`${to}\``,
          fixes: [{ title: `Use ${to}`, edits: [{ range: a.value.range, newText: to }] }],
        });
      } else if (key === 'KillMode' && v === 'none') {
        report({
          range: a.value.range,
          message: '`KillMode=none` is deprecated and unsafe: processes survive the stop and escape resource control',
          fixes: [{ title: 'Use KillMode=mixed', edits: [{ range: a.value.range, newText: 'mixed' }], safe: false }],
        });
      }
    }
  },
});
