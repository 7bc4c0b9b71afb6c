// Owns GDL604: GOMEMLIMIT set from resourceFieldRef limits.memory, which is 100 % of the limit.
import { defineRule } from '../rule';
import { headroomValue, showBytes } from './go-memory';

export const gomemlimitFromLimitFieldRef = defineRule({
  id: 'GDL604',
  name: 'gomemlimit-from-limit-field-ref',
  language: 'containers',
  defaultSeverity: 'warning',
  fixSafety: 'none',
  docs: {
    summary: 'GOMEMLIMIT is the whole memory limit',
    what: '`GOMEMLIMIT` set with `valueFrom.resourceFieldRef: {resource: limits.memory}` (without a `divisor` that leaves room): the runtime gets exactly the container limit.',
    why: 'GOMEMLIMIT counts only memory the Go runtime manages; the cgroup also counts stacks outside it, cgo, the binary and page cache. At 100 % of the limit the kernel kills the container before the GC reacts. Set an explicit value of about 90 % of the limit instead (the message gives it when the limit is in the same container).',
    example:
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n    - name: api\n      image: example.com/api:1\n      resources:\n        limits:\n          memory: 512Mi\n      env:\n        - name: GOMEMLIMIT\n          valueFrom:\n            resourceFieldRef:\n              resource: limits.memory\n',
    useInstead:
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n    - name: api\n      image: example.com/api:1\n      resources:\n        limits:\n          memory: 512Mi\n      env:\n        - name: GOMEMLIMIT\n          value: 460MiB\n',
    exampleFile: 'pod.yaml',
    references: [
      'https://go.dev/doc/gc-guide#Memory_limit',
      'https://kubernetes.io/docs/tasks/inject-data-application/environment-variable-expose-pod-information/',
    ],
  },
  check({ containers }, report) {
    for (const c of containers)
      for (const e of c.env) {
        if (e.name !== 'GOMEMLIMIT' || e.fieldRef?.resource !== 'limits.memory') continue;
        if (e.fieldRef.divisor !== undefined && e.fieldRef.divisor !== '1') continue;
        const limit = c.memoryLimit;
        report({
          range: e.fieldRef.range,
          message:
            limit === undefined
              ? 'GOMEMLIMIT from limits.memory is 100 % of the limit: the kernel kills the container before the GC reacts; set an explicit value of about 90 %'
              : `GOMEMLIMIT from limits.memory is all of ${showBytes(limit.amount)}: set \`value: ${headroomValue(limit.amount)}\` (90 %) so non-heap memory has room`,
        });
      }
  },
});
