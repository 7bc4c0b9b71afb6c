// Owns GDL213: a drop-in that adds ExecStart= without clearing the unit's one first.
import { defineRule } from '../rule';
import { lastValue } from '../../parsers/systemd/input';
import { insertAbove } from './unit-edits';

export const execstartNotResetInDropin = defineRule({
  id: 'GDL213',
  name: 'execstart-not-reset-in-dropin',
  language: 'systemd',
  defaultSeverity: 'error',
  fixSafety: 'safe',
  crossLineKeys: ['Type', 'ExecStart'],
  docs: {
    summary: 'Drop-in adds a second ExecStart=',
    what: 'In a drop-in of a service that is not `Type=oneshot`, reports `ExecStart=` with a command that is not preceded by an empty `ExecStart=` in the same drop-in.',
    why: 'ExecStart= is a list: the drop-in appends a second command and systemd refuses the unit ("Service has more than one ExecStart= setting, which is only allowed for Type=oneshot services").',
    example: '[Service]\nExecStart=/usr/local/bin/api --debug\n',
    useInstead: '[Service]\nExecStart=\nExecStart=/usr/local/bin/api --debug\n',
    exampleFile: 'api.service.d/override.conf',
  },
  check(input, report) {
    if (!input.isDropIn || input.unitType !== 'service') return;
    if (lastValue(input, 'Service', 'Type')?.value.trim() === 'oneshot') return;
    let reset = false;
    for (const a of input.file.assignments) {
      if (a.section?.name.text !== 'Service' || a.key.text !== 'ExecStart') continue;
      if (a.value.text.trim() === '') {
        reset = true;
        continue;
      }
      if (reset) continue;
      report({
        range: a.key.range,
        message: `This drop-in adds a second \`ExecStart=\` to ${input.unitName}; without an empty \`ExecStart=\` first, systemd refuses the unit`,
        fixes: [
          {
            title: 'Insert `ExecStart=` above to clear the original command',
            edits: [insertAbove(input.index, a, 'ExecStart=')],
          },
        ],
      });
      reset = true;
    }
  },
});
