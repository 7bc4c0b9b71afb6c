// Owns GDL218: WantedBy=/RequiredBy=/UpheldBy=/Alias= names without a unit suffix.
import { defineRule } from '../rule';

const TARGETS =
  /^(multi-user|graphical|default|network|network-online|sockets|timers|basic|sysinit|local-fs|remote-fs|rescue|emergency|shutdown|reboot|getty|paths|slices)$/;

export const installTargetWithoutSuffix = defineRule({
  id: 'GDL218',
  name: 'install-target-without-suffix',
  language: 'systemd',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  docs: {
    summary: 'Install name without a unit suffix',
    what: 'Reports names in `WantedBy=`, `RequiredBy=`, `UpheldBy=` and `Alias=` that have no unit suffix such as `.target` or `.service`.',
    why: '`systemctl enable` creates a symlink under `multi-user.wants/`-style directories from these names; without the suffix it points at a unit that does not exist and the service never starts at boot. `systemd-analyze verify` does not flag it.',
    example: '[Service]\nExecStart=/usr/local/bin/api\n[Install]\nWantedBy=multi-user\n',
    useInstead: '[Service]\nExecStart=/usr/local/bin/api\n[Install]\nWantedBy=multi-user.target\n',
    exampleFile: 'api.service',
  },
  check({ file, unitName }, report) {
    const ownSuffix = unitName.includes('.') ? unitName.slice(unitName.lastIndexOf('.')) : '.service';
    for (const a of file.assignments) {
      if (a.section?.name.text !== 'Install' || !/^(WantedBy|RequiredBy|UpheldBy|Alias)$/.test(a.key.text)) continue;
      for (const w of a.value.words().words) {
        if (w.value.includes('.') || w.value.includes('%')) continue;
        const suffix = a.key.text === 'Alias' ? ownSuffix : TARGETS.test(w.value) ? '.target' : '.service';
        const end = a.value.rangeOf(w.end, w.end);
        report({
          range: a.value.rangeOf(w.start, w.end),
          message: `\`${w.value}\` has no unit suffix; \`systemctl enable\` would link a unit that does not exist`,
          fixes: [
            {
              title: `Write \`${w.value}${suffix}\``,
              edits: [{ range: { start: end.start, end: end.start }, newText: suffix }],
            },
          ],
        });
      }
    }
  },
});
