// Owns GDL231: a cgroup memory limit the Go GC does not know about.
import { defineRule } from '../rule';
import { formatBytes } from '../../knowledge/systemd-values';
import { appendToSection } from './unit-edits';
import { goEvidence, MEMORY_CAPS, memoryCap, suggestedGoMemLimit } from './go-service';

export const memoryLimitWithoutGomemlimit = defineRule({
  id: 'GDL231',
  name: 'memory-limit-without-gomemlimit',
  language: 'systemd',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  crossLineKeys: MEMORY_CAPS,
  docs: {
    summary: 'Memory limit without GOMEMLIMIT',
    what: 'On a Go service (a go.mod above the unit, or GO* variables in its environment), reports `MemoryMax=` or `MemoryHigh=` when neither `Environment=` nor an `EnvironmentFile=` sets `GOMEMLIMIT`.',
    why: "The Go GC only knows GOMEMLIMIT, not the cgroup limit: the heap grows past MemoryMax and the kernel OOM-kills the service instead of the GC working harder. The Go GC guide advises 5–10% headroom, so about 90% of the limit, written in Go's units (`MemoryMax=512M` → `GOMEMLIMIT=460MiB`).",
    example: '[Service]\nEnvironment=GOGC=100\nExecStart=/usr/local/bin/api\nMemoryMax=512M\n',
    useInstead:
      '[Service]\nEnvironment=GOGC=100\nExecStart=/usr/local/bin/api\nMemoryMax=512M\nEnvironment=GOMEMLIMIT=460MiB\n',
    exampleFile: 'api.service',
  },
  check(input, report) {
    if (input.goSignal === undefined || input.unitType !== 'service' || input.environment.has('GOMEMLIMIT')) return;
    const cap = memoryCap(input);
    if (cap === undefined || cap.from.uri !== undefined) return;
    const limit = suggestedGoMemLimit(cap.bytes);
    report({
      range: cap.from.assignment.key.range,
      message: `\`${cap.from.key}=${cap.from.value.trim()}\` (${formatBytes(cap.bytes)}) but no GOMEMLIMIT: the GC ignores the limit, the service gets OOM-killed${goEvidence(input)}`,
      fixes: [
        {
          title: `Add Environment=GOMEMLIMIT=${limit} (about 90%)`,
          edits: [appendToSection(input.file, input.index, 'Service', `Environment=GOMEMLIMIT=${limit}`)],
        },
      ],
    });
  },
});
