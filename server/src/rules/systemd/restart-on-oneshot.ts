// Owns GDL215: Restart=always/on-success on a Type=oneshot service, which systemd refuses.
import { defineRule } from '../rule';
import { lastValue } from '../../parsers/systemd/input';

export const restartOnOneshot = defineRule({
  id: 'GDL215',
  name: 'restart-on-oneshot',
  language: 'systemd',
  defaultSeverity: 'error',
  fixSafety: 'safe',
  crossLineKeys: ['Type', 'Restart'],
  docs: {
    summary: 'Restart=always on a oneshot service',
    what: 'Reports `Restart=always` or `Restart=on-success` in a unit whose merged `Type=` is `oneshot`.',
    why: 'systemd refuses the unit: "Service has Restart= set to either always or on-success, which isn\'t allowed for Type=oneshot services."',
    example: '[Service]\nType=oneshot\nExecStart=/usr/local/bin/migrate\nRestart=always\n',
    useInstead: '[Service]\nType=oneshot\nExecStart=/usr/local/bin/migrate\nRestart=on-failure\n',
    exampleFile: 'migrate.service',
  },
  check(input, report) {
    if (lastValue(input, 'Service', 'Type')?.value.trim() !== 'oneshot') return;
    for (const a of input.file.assignments) {
      if (a.section?.name.text !== 'Service' || a.key.text !== 'Restart') continue;
      const v = a.value.text.trim();
      if (v !== 'always' && v !== 'on-success') continue;
      report({
        range: a.value.range,
        message: `\`Restart=${v}\` is not allowed with \`Type=oneshot\`: systemd refuses the unit`,
        fixes: [{ title: 'Use Restart=on-failure', edits: [{ range: a.value.range, newText: 'on-failure' }] }],
      });
    }
  },
});
