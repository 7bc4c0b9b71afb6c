// Owns GDL233: LimitNOFILE= with a hard limit below systemd's default 524288 on a Go service.
import { deleteLines } from '../../text/edits';
import { defineRule } from '../rule';
import { goEvidence } from './go-service';

export const limitnofileLowersGoDefault = defineRule({
  id: 'GDL233',
  name: 'limitnofile-lowers-go-default',
  language: 'systemd',
  defaultSeverity: 'information',
  fixSafety: 'unsafe',
  crossLineKeys: ['LimitNOFILE'],
  docs: {
    summary: 'LimitNOFILE= lowers the Go default',
    what: "On a Go service, reports `LimitNOFILE=` whose hard limit is below 524288, systemd's default hard limit.",
    why: "Since Go 1.19 every program raises its soft file limit to the hard limit at startup, so a Go service already gets 524288 file descriptors; `LimitNOFILE=65536` lowers that. systemd's own documentation advises against setting it.",
    example: '[Service]\nEnvironment=GOGC=100\nExecStart=/usr/local/bin/api\nLimitNOFILE=65536\n',
    useInstead: '[Service]\nEnvironment=GOGC=100\nExecStart=/usr/local/bin/api\n',
    exampleFile: 'api.service',
  },
  check(input, report) {
    if (input.goSignal === undefined) return;
    for (const a of input.file.assignments) {
      if (a.section?.name.text !== 'Service' || a.key.text !== 'LimitNOFILE') continue;
      const parts = a.value.text.trim().split(':');
      const hard = parts[parts.length - 1] ?? '';
      if (!/^[0-9]+$/.test(hard) || Number(hard) >= 524288) continue;
      report({
        range: a.value.range,
        message: `Hard limit ${hard} lowers the 524288 Go already gets from systemd's default${goEvidence(input)}`,
        fixes: [{ title: 'Remove LimitNOFILE=', edits: [deleteLines(input.index, a.range)] }],
      });
    }
  },
});
