// Owns GDL240: Type=notify for a Go program whose module never sends sd_notify's READY=1.
import { defineRule } from '../rule';
import { lastValue } from '../../parsers/systemd/input';

export const notifyWithoutSdNotify = defineRule({
  id: 'GDL240',
  name: 'notify-without-sd-notify',
  language: 'systemd',
  defaultSeverity: 'warning',
  fixSafety: 'unsafe',
  crossLineKeys: ['Type'],
  docs: {
    summary: 'Type=notify for a program that never notifies',
    what: 'Reports `Type=notify` (or `notify-reload`) on a service whose Go module is known (the go.mod above the unit, or the workspace module that builds the ExecStart= binary) when that module neither requires an sd_notify library (coreos/go-systemd, okzk/sdnotify, iguanesolutions/go-systemd, mdlayher/sdnotify; indirect requires count) nor names `NOTIFY_SOCKET` in its Go code. Suggests `Type=exec`.',
    why: 'With `Type=notify` systemd waits for the service to send `READY=1` on `$NOTIFY_SOCKET`. A Go program does that only through such a library or its own code; otherwise the unit stays "activating" until `TimeoutStartSec=` (90 s by default), is killed and counted as failed, and units ordered after it never start. `Type=exec` is ready as soon as the binary has been executed.',
    example: '[Service]\nType=notify\nExecStart=/usr/local/bin/api\n',
    useInstead: '[Service]\nType=exec\nExecStart=/usr/local/bin/api\n',
    exampleFile: 'no-sd-notify/api.service',
    references: [
      'https://www.freedesktop.org/software/systemd/man/latest/systemd.service.html#Type=',
      'https://www.freedesktop.org/software/systemd/man/latest/sd_notify.html',
    ],
  },
  check(input, report) {
    const module = input.goModule;
    if (module === undefined || input.unitType !== 'service') return;
    const type = lastValue(input, 'Service', 'Type');
    const value = type?.value.trim();
    if (type === undefined || type.uri !== undefined || (value !== 'notify' && value !== 'notify-reload')) return;
    if (module.sdNotify() !== undefined) return;
    const range = type.assignment.value.range;
    report({
      range,
      message: `\`Type=${value}\` waits for READY=1, which this Go program never sends (${module.link}; it uses no sd_notify library): killed at TimeoutStartSec=`,
      related: [
        {
          uri: module.uri,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          message: 'The module, without an sd_notify library',
        },
      ],
      fixes: [{ title: 'Use Type=exec', edits: [{ range, newText: 'exec' }] }],
    });
  },
});
