// Owns GDL601: a memory or CPU limit that its format's grammar rejects.
import { defineRule } from '../rule';

export const invalidQuantity = defineRule({
  id: 'GDL601',
  name: 'invalid-quantity',
  language: 'containers',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'Limit is not a valid quantity',
    what: "Reports memory and CPU limits that their format does not accept: Kubernetes quantities (`512Mi`, `1G`, `500m`, `2`; apimachinery's resource.Quantity), Compose byte values (`512m`, `1g`, `1073741824`; docker/go-units RAMInBytes) and `cpus` (`1.5`), podman sizes (`512m`).",
    why: 'The API server rejects the manifest ("quantities must match the regular expression"), `docker compose` refuses the file, podman refuses to start the container: the deployment does not happen. `512MB` is a typical slip: Kubernetes wants `512M` or `512Mi`.',
    example:
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n    - name: api\n      image: example.com/api:1\n      resources:\n        limits:\n          memory: 512MB\n',
    useInstead:
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n    - name: api\n      image: example.com/api:1\n      resources:\n        limits:\n          memory: 512Mi\n',
    exampleFile: 'pod.yaml',
    references: [
      'https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/',
      'https://docs.docker.com/reference/compose-file/extension/#specifying-byte-values',
    ],
  },
  check({ quantityProblems }, report) {
    for (const p of quantityProblems) report({ range: p.range, message: p.message });
  },
});
