// Owns GDL602: GOMEMLIMIT at or above the container's memory limit (error), or above 90 % of it (warning).
import { defineRule } from '../rule';
import { envOf, goMemLimitBytes, headroomValue, noteOf, ownValueEdit, showBytes } from './go-memory';

export const gomemlimitAboveContainerLimit = defineRule({
  id: 'GDL602',
  name: 'gomemlimit-above-container-limit',
  language: 'containers',
  defaultSeverity: 'error',
  fixSafety: 'safe',
  docs: {
    summary: 'GOMEMLIMIT at or near the container limit',
    what: "Reports a container's `GOMEMLIMIT` at or above its memory limit (error), or above 90 % of it (warning): Compose `mem_limit` or `deploy.resources.limits.memory`, Kubernetes `resources.limits.memory`, Quadlet `Memory=` (Podman 5.5+; older generators reject the key), `PodmanArgs=--memory` or `[Service]` `MemoryMax=`. The fix sets about 90 % of the limit in MiB.",
    why: 'GOMEMLIMIT is a soft limit for the Go heap: the garbage collector works harder as the heap approaches it. At or above the container limit the kernel OOM-kills the process before the runtime ever reacts. Goroutine stacks, cgo, the binary and page cache also count against the cgroup, so the Go GC guide advises leaving 5–10 % of headroom.',
    example:
      'services:\n  api:\n    image: example.com/api:1\n    mem_limit: 512m\n    environment:\n      GOMEMLIMIT: 512MiB\n',
    useInstead:
      'services:\n  api:\n    image: example.com/api:1\n    mem_limit: 512m\n    environment:\n      GOMEMLIMIT: 460MiB\n',
    exampleFile: 'compose.yaml',
    references: ['https://go.dev/doc/gc-guide#Memory_limit', 'https://pkg.go.dev/runtime#hdr-Environment_Variables'],
  },
  check({ containers }, report) {
    const reported = new Set<string>();
    for (const c of containers) {
      const limit = c.memoryLimit;
      const e = envOf(c, 'GOMEMLIMIT');
      if (limit === undefined || e?.value === undefined || limit.amount <= 0) continue;
      const bytes = goMemLimitBytes(e.value);
      if (bytes === undefined || bytes <= limit.amount * 0.9) continue;
      const over = bytes >= limit.amount;
      const pct = Math.round((bytes / limit.amount) * 100);
      const wanted = headroomValue(limit.amount, e.value);
      const edit = ownValueEdit(e, wanted);
      // An entry several services share is reported once, for the first service it does not fit.
      const at = `${e.valueRange.start.line}:${e.valueRange.start.character}`;
      if (reported.has(at)) continue;
      reported.add(at);
      report({
        range: e.valueRange,
        ...(over ? {} : { severity: 'warning' as const }),
        message: over
          ? `GOMEMLIMIT ${e.value}${noteOf(e)} is at or above ${c.name}'s memory limit (${limit.key} ${limit.text} = ${showBytes(limit.amount)}): the kernel kills it before the GC reacts`
          : `GOMEMLIMIT ${e.value}${noteOf(e)} is ${pct} % of ${c.name}'s memory limit (${limit.key} ${limit.text}): non-heap memory has no room`,
        related: [{ range: limit.range, message: `Memory limit ${showBytes(limit.amount)}` }],
        fixes: edit === undefined ? [] : [{ title: `Set GOMEMLIMIT to ${wanted} (90 % of the limit)`, edits: [edit] }],
      });
    }
  },
});
