// Owns GDL603: a Go container with a memory limit and no GOMEMLIMIT.
import { defineRule } from '../rule';
import { envOf, headroomValue, showBytes } from './go-memory';

export const containerLimitWithoutGomemlimit = defineRule({
  id: 'GDL603',
  name: 'container-limit-without-gomemlimit',
  language: 'containers',
  defaultSeverity: 'warning',
  fixSafety: 'unsafe',
  docs: {
    summary: 'Memory limit without GOMEMLIMIT for a Go container',
    what: "Reports a container with a memory limit and no `GOMEMLIMIT` in its environment when there is evidence that it runs Go: it sets a GO* variable, its Compose `build:` Dockerfile runs `go build`, or its image is named like a program the workspace's Go code builds (the evidence rules of GDL231). Env files (`env_file:`, `envFrom:`) may set it too: a container with any is not reported. Suggests `GOMEMLIMIT` at about 90 % of the limit.",
    why: 'The Go runtime does not read the cgroup memory limit: without GOMEMLIMIT the heap may grow to twice the live data (GOGC=100) and the container is OOM-killed under load instead of collecting garbage harder.',
    example:
      'services:\n  api:\n    image: example.com/api:1\n    mem_limit: 512m\n    environment:\n      GOGC: "100"\n',
    useInstead:
      'services:\n  api:\n    image: example.com/api:1\n    mem_limit: 512m\n    environment:\n      GOGC: "100"\n      GOMEMLIMIT: 460MiB\n',
    exampleFile: 'compose.yaml',
    references: ['https://go.dev/doc/gc-guide#Memory_limit'],
  },
  check({ containers }, report) {
    for (const c of containers) {
      const limit = c.memoryLimit;
      if (limit === undefined || c.goSignal === undefined || envOf(c, 'GOMEMLIMIT') !== undefined) continue;
      // GOGC=off is GDL605's finding (the same missing GOMEMLIMIT, a worse consequence): one mistake, one finding.
      if (c.envFiles.length > 0 || c.opaqueEnv === true || envOf(c, 'GOGC')?.value?.trim() === 'off') continue;
      const wanted = headroomValue(limit.amount);
      const add = c.addEnv?.('GOMEMLIMIT', wanted);
      report({
        range: limit.range,
        message: `${c.name} has a ${showBytes(limit.amount)} memory limit but no GOMEMLIMIT: the Go heap ignores the limit and the container is OOM-killed (Go: ${c.goSignal})`,
        fixes: add === undefined ? [] : [{ title: `Add GOMEMLIMIT=${wanted} (90 % of the limit)`, edits: [add] }],
      });
    }
  },
});
