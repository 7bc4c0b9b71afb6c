// Owns GDL237: a long-running service with neither User= nor DynamicUser=yes.
import { defineRule } from '../rule';
import { lastValue } from '../../parsers/systemd/input';
import { parseBool } from '../../knowledge/systemd-values';
import { appendToSection } from './unit-edits';

export const runsAsRoot = defineRule({
  id: 'GDL237',
  name: 'runs-as-root',
  language: 'systemd',
  defaultSeverity: 'information',
  fixSafety: 'unsafe',
  crossLineKeys: ['Type', 'ExecStart', 'User', 'DynamicUser'],
  docs: {
    summary: 'Service runs as root',
    what: 'Reports a .service that is not `Type=oneshot` and sets neither `User=` nor `DynamicUser=yes` (drop-ins included).',
    why: 'A network service running as root turns any bug into full control of the host. A Go server rarely needs root; `DynamicUser=yes` gives it a throwaway user.',
    example: '[Service]\nExecStart=/usr/local/bin/api\n',
    useInstead: '[Service]\nExecStart=/usr/local/bin/api\nDynamicUser=yes\n',
    exampleFile: 'api.service',
  },
  check(input, report) {
    // A user unit runs as the user whose manager starts it: neither root nor DynamicUser= applies.
    if (input.isDropIn || input.unitType !== 'service' || input.userUnit) return;
    if (lastValue(input, 'Service', 'Type')?.value.trim() === 'oneshot') return;
    if (lastValue(input, 'Service', 'ExecStart') === undefined) return;
    const user = lastValue(input, 'Service', 'User');
    if (user !== undefined && user.value.trim() !== 'root' && user.value.trim() !== '0') return;
    if (parseBool(lastValue(input, 'Service', 'DynamicUser')?.value ?? '') === true) return;
    const exec = lastValue(input, 'Service', 'ExecStart');
    const range =
      user?.uri === undefined && user !== undefined
        ? user.assignment.value.range
        : exec?.uri === undefined
          ? exec?.assignment.key.range
          : undefined;
    if (range === undefined) return;
    report({
      range,
      message: `${input.unitName} runs as root (no User= or DynamicUser=yes)`,
      fixes: [
        {
          title: 'Add DynamicUser=yes',
          edits: [appendToSection(input.file, input.index, 'Service', 'DynamicUser=yes')],
        },
      ],
    });
  },
});
