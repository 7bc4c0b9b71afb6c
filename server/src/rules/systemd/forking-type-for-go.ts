// Owns GDL230: Type=forking, which Go programs never satisfy.
import { defineRule } from '../rule';
import { goEvidence } from './go-service';

export const forkingTypeForGo = defineRule({
  id: 'GDL230',
  name: 'forking-type-for-go',
  language: 'systemd',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  crossLineKeys: ['Type'],
  docs: {
    summary: 'Type=forking for a program that does not fork',
    what: 'Reports `Type=forking` on a service with evidence of a Go program (a go.mod above the unit, GO* variables in its environment). Go programs cannot daemonize, so there it is always wrong; other services are not judged.',
    why: 'With forking, systemd waits for the started process to exit and hand over to a child. A Go server never does: the unit sits in "activating" until TimeoutStartSec= and is then killed.',
    example: '[Service]\nType=forking\nEnvironment=GOMEMLIMIT=400MiB\nExecStart=/usr/local/bin/api\n',
    useInstead: '[Service]\nType=exec\nEnvironment=GOMEMLIMIT=400MiB\nExecStart=/usr/local/bin/api\n',
    exampleFile: 'api.service',
  },
  check(input, report) {
    for (const a of input.file.assignments) {
      if (a.section?.name.text !== 'Service' || a.key.text !== 'Type' || a.value.text.trim() !== 'forking') continue;
      // Without evidence of a Go program (apache, sshd, daemons that do fork) this is not Go advice to give.
      if (input.goSignal === undefined) continue;
      report({
        range: a.value.range,
        message: `\`Type=forking\` waits for a fork a Go program never does: killed at TimeoutStartSec=${goEvidence(input)}`,
        fixes: [{ title: 'Use Type=exec', edits: [{ range: a.value.range, newText: 'exec' }] }],
      });
    }
  },
});
