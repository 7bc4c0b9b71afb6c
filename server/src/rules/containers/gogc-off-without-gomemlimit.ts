// Owns GDL605: GOGC=off under a memory limit with no GOMEMLIMIT.
import { defineRule } from '../rule';
import { envOf, headroomValue } from './go-memory';

export const gogcOffWithoutGomemlimit = defineRule({
  id: 'GDL605',
  name: 'gogc-off-without-gomemlimit',
  language: 'containers',
  defaultSeverity: 'error',
  fixSafety: 'unsafe',
  docs: {
    summary: 'GOGC=off without GOMEMLIMIT under a memory limit',
    what: 'Reports `GOGC=off` in a container that has a memory limit and no `GOMEMLIMIT`. Suggests adding `GOMEMLIMIT` at about 90 % of the limit.',
    why: 'With GOGC=off the garbage collector runs only when GOMEMLIMIT is reached. Without a GOMEMLIMIT it never runs: the heap grows until the kernel OOM-kills the container.',
    example:
      'services:\n  api:\n    image: example.com/api:1\n    mem_limit: 1g\n    environment:\n      GOGC: "off"\n',
    useInstead:
      'services:\n  api:\n    image: example.com/api:1\n    mem_limit: 1g\n    environment:\n      GOGC: "off"\n      GOMEMLIMIT: 921MiB\n',
    exampleFile: 'compose.yaml',
    references: ['https://go.dev/doc/gc-guide#Memory_limit'],
  },
  check({ containers }, report) {
    for (const c of containers) {
      const gogc = envOf(c, 'GOGC');
      if (c.memoryLimit === undefined || gogc?.value?.trim() !== 'off' || envOf(c, 'GOMEMLIMIT') !== undefined)
        continue;
      if (c.envFiles.length > 0 || c.opaqueEnv === true) continue;
      const add = c.addEnv?.('GOMEMLIMIT', headroomValue(c.memoryLimit.amount));
      report({
        range: gogc.valueRange,
        message: `GOGC=off with no GOMEMLIMIT: the GC never runs and ${c.name} grows until it is OOM-killed at ${c.memoryLimit.key} ${c.memoryLimit.text}`,
        related: [{ range: c.memoryLimit.range, message: 'The memory limit' }],
        fixes:
          add === undefined ? [] : [{ title: `Add GOMEMLIMIT=${headroomValue(c.memoryLimit.amount)}`, edits: [add] }],
      });
    }
  },
});
