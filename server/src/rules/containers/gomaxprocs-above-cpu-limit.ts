// Owns GDL606: GOMAXPROCS above the container's CPU limit.
import { defineRule } from '../rule';
import { envOf, noteOf, ownValueEdit } from './go-memory';

export const gomaxprocsAboveCpuLimit = defineRule({
  id: 'GDL606',
  name: 'gomaxprocs-above-cpu-limit',
  language: 'containers',
  defaultSeverity: 'warning',
  fixSafety: 'unsafe',
  docs: {
    summary: 'GOMAXPROCS above the CPU limit',
    what: "Reports a constant `GOMAXPROCS` above the container's CPU limit rounded up (Compose `cpus`/`deploy.resources.limits.cpus`, Kubernetes `resources.limits.cpu`, Quadlet `PodmanArgs=--cpus` or `CPUQuota=`). Suggests the rounded-up limit.",
    why: 'More runnable threads than the CPU quota allows are throttled by the CFS scheduler: latency spikes at every quota period. Go 1.25+ sizes GOMAXPROCS from the cgroup CPU limit by itself (when go.mod says go 1.25 or later), so a hard-coded GOMAXPROCS is rarely needed there; older Go uses all host CPUs unless it is set.',
    example: 'services:\n  api:\n    image: example.com/api:1\n    cpus: 2\n    environment:\n      GOMAXPROCS: "8"\n',
    useInstead:
      'services:\n  api:\n    image: example.com/api:1\n    cpus: 2\n    environment:\n      GOMAXPROCS: "2"\n',
    exampleFile: 'compose.yaml',
    references: ['https://pkg.go.dev/runtime#GOMAXPROCS', 'https://go.dev/doc/go1.25#container-aware-gomaxprocs'],
  },
  check({ containers }, report) {
    for (const c of containers) {
      const e = envOf(c, 'GOMAXPROCS');
      const limit = c.cpuLimit;
      if (e?.value === undefined || limit === undefined || limit.amount <= 0 || !/^\s*\d+\s*$/.test(e.value)) continue;
      const procs = Number(e.value);
      const cap = Math.max(1, Math.ceil(limit.amount - 1e-9));
      if (procs <= cap) continue;
      const edit = ownValueEdit(e, String(cap));
      report({
        range: e.valueRange,
        message: `GOMAXPROCS=${procs}${noteOf(e)} but ${c.name} may use ${limit.amount} CPU (${limit.key} ${limit.text}): the extra threads are throttled`,
        related: [{ range: limit.range, message: 'The CPU limit' }],
        fixes: edit === undefined ? [] : [{ title: `Set GOMAXPROCS to ${cap}`, edits: [edit] }],
      });
    }
  },
});
