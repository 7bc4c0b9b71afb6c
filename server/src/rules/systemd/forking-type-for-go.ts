// Owns GDL230: Type=forking, which Go programs never satisfy.
import { defineRule } from '../rule';
import { goEvidence } from './go-service';

/** Flags `Type=forking`; the fix is `Type=exec`. */
export const forkingTypeForGo = defineRule({
  id: 'GDL230',
  name: 'forking-type-for-go',
  language: 'systemd',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  docs: {
    summary: 'Type=forking for a program that does not fork',
    what: 'Reports `Type=forking`. Go programs cannot daemonize, so for a Go service this is always wrong; for others it is a hint to check.',
    why: 'With forking, systemd waits for the started process to exit and hand over to a child. A Go server never does: the unit sits in "activating" until TimeoutStartSec= and is then killed.',
    example: '[Service]\nType=forking\nExecStart=/usr/local/bin/api\n',
    useInstead: '[Service]\nType=exec\nExecStart=/usr/local/bin/api\n',
    exampleFile: 'api.service',
  },
  check(input, report) {
    for (const a of input.file.assignments) {
      if (a.section?.name.text !== 'Service' || a.key.text !== 'Type' || a.value.text.trim() !== 'forking') continue;
      const go = input.goSignal !== undefined;
      report({
        range: a.value.range,
        severity: go ? 'warning' : 'hint',
        message: go
          ? `\`Type=forking\` waits for a fork that a Go program never does: the unit is killed at TimeoutStartSec=${goEvidence(input)}`
          : '`Type=forking` is only right for programs that daemonize themselves; Go programs do not (use Type=exec)',
        fixes: [{ title: 'Use Type=exec', edits: [{ range: a.value.range, newText: 'exec' }], safe: go }],
      });
    }
  },
});
