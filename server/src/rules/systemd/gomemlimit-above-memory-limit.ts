// Owns GDL232: GOMEMLIMIT at or above the cgroup memory limit.
import { defineRule } from '../rule';
import { formatBytes } from '../../knowledge/systemd-values';
import { goMemLimitBytes, MEMORY_CAPS, memoryCap, suggestedGoMemLimit } from './go-service';

export const gomemlimitAboveMemoryLimit = defineRule({
  id: 'GDL232',
  name: 'gomemlimit-above-memory-limit',
  language: 'systemd',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  crossLineKeys: [...MEMORY_CAPS, 'Environment'],
  docs: {
    summary: 'GOMEMLIMIT at or above the memory limit',
    what: "Reports a `GOMEMLIMIT` in `Environment=` that is above 95% of the service's `MemoryMax=` (or `MemoryHigh=`).",
    why: 'A soft limit above the hard one never triggers: the kernel kills the service before the GC reacts. Memory outside the Go heap (stacks, cgo, the binary) needs headroom too.',
    example: '[Service]\nExecStart=/usr/local/bin/api\nMemoryMax=512M\nEnvironment=GOMEMLIMIT=512MiB\n',
    useInstead: '[Service]\nExecStart=/usr/local/bin/api\nMemoryMax=512M\nEnvironment=GOMEMLIMIT=460MiB\n',
    exampleFile: 'api.service',
  },
  check(input, report) {
    const cap = memoryCap(input);
    if (cap === undefined) return;
    const scope = input.file.assignments.filter((a) => a.key.text === 'Environment');
    for (const a of scope) {
      const m = /(?:^|\s|")GOMEMLIMIT=([^\s"]+)/.exec(a.value.text);
      if (m?.[1] === undefined) continue;
      const bytes = goMemLimitBytes(m[1]);
      if (bytes === undefined || bytes <= cap.bytes * 0.95) continue;
      const start = a.value.text.indexOf(m[1], m.index);
      const fixed = suggestedGoMemLimit(cap.bytes);
      report({
        range: a.value.rangeOf(start, start + m[1].length),
        message: `GOMEMLIMIT ${m[1]} is ${bytes >= cap.bytes ? 'at or above' : 'within 5% of'} ${cap.from.key}=${cap.from.value.trim()} (${formatBytes(cap.bytes)}): the kernel kills the service before the GC reacts`,
        related:
          cap.from.uri === undefined ? [{ range: cap.from.assignment.key.range, message: 'The cgroup limit' }] : [],
        fixes: [
          {
            title: `Lower to ${fixed} (about 90%)`,
            edits: [{ range: a.value.rangeOf(start, start + m[1].length), newText: fixed }],
          },
        ],
      });
    }
  },
});
