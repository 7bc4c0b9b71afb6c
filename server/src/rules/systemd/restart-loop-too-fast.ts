// Owns GDL238: Restart= with the default 100 ms RestartSec and default start limits.
import { defineRule } from '../rule';
import { lastValue } from '../../parsers/systemd/input';
import { parseTimespan } from '../../knowledge/systemd-values';
import { appendToSection } from './unit-edits';

export const restartLoopTooFast = defineRule({
  id: 'GDL238',
  name: 'restart-loop-too-fast',
  language: 'systemd',
  defaultSeverity: 'information',
  fixSafety: 'safe',
  crossLineKeys: ['Restart', 'RestartSec', 'StartLimitIntervalSec', 'StartLimitBurst'],
  docs: {
    summary: 'Restart loop gives up within a second',
    what: 'Reports `Restart=always` or `Restart=on-failure` when `RestartSec=` is unset or below 1 s and the start limits are the defaults.',
    why: 'With the default 100 ms delay, five crashes happen well within the default 10 s window: systemd stops trying ("start request repeated too quickly") and the service stays down after a short outage of a dependency. Adding `RestartSec=2s` where it is unset is safe; an explicit value (even `0`) is the author\'s choice, so rewriting it is only a suggestion.',
    example: '[Service]\nExecStart=/usr/local/bin/api\nRestart=always\n',
    useInstead: '[Service]\nExecStart=/usr/local/bin/api\nRestart=always\nRestartSec=2s\n',
    exampleFile: 'api.service',
  },
  check(input, report) {
    for (const a of input.file.assignments) {
      if (a.section?.name.text !== 'Service' || a.key.text !== 'Restart') continue;
      const v = a.value.text.trim();
      if (v !== 'always' && v !== 'on-failure') continue;
      const sec = lastValue(input, 'Service', 'RestartSec');
      const seconds = sec === undefined ? 0.1 : parseTimespan(sec.value);
      if (seconds === undefined || seconds >= 1) continue;
      if (
        lastValue(input, 'Unit', 'StartLimitIntervalSec') !== undefined ||
        lastValue(input, 'Unit', 'StartLimitBurst') !== undefined ||
        lastValue(input, 'Service', 'StartLimitBurst') !== undefined
      )
        continue;
      report({
        range: a.value.range,
        related:
          sec === undefined
            ? []
            : [
                {
                  range: sec.assignment.range,
                  message: 'RestartSec= is set here',
                  ...(sec.uri !== undefined ? { uri: sec.uri } : {}),
                },
              ],
        message: `\`Restart=${v}\` with RestartSec=${sec === undefined ? '100ms (default)' : sec.value.trim()}: five quick crashes stop the restarts ("start request repeated too quickly")`,
        fixes:
          sec === undefined
            ? [
                {
                  title: 'Add RestartSec=2s',
                  edits: [appendToSection(input.file, input.index, 'Service', 'RestartSec=2s')],
                },
              ]
            : sec.uri === undefined
              ? // An explicit RestartSec= is the author's choice: rewriting it is only a suggestion.
                [
                  {
                    title: 'Use RestartSec=2s',
                    edits: [{ range: sec.assignment.value.range, newText: '2s' }],
                    safe: false,
                  },
                ]
              : [],
      });
    }
  },
});
