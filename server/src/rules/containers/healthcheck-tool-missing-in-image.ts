// Owns GDL607: a Compose or Quadlet health check that runs a tool the container's image does not have.
import { defineRule } from '../rule';
import { HEALTHCHECK_TOOLS } from '../../knowledge/base-images';

export const healthcheckToolMissingInImage = defineRule({
  id: 'GDL607',
  name: 'healthcheck-tool-missing-in-image',
  language: 'containers',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'Health check runs a tool the image lacks',
    what: "Reports a Compose `healthcheck.test` or Quadlet `HealthCmd=` that runs `curl`, `wget`, `nc`, `sh` or `bash` when the container's image does not have it: the final stage of the service's `build:` Dockerfile (tools installed or copied in count), else a known `image:` (scratch, distroless, chainguard static; `curl` in Alpine, busybox, Debian slim). A string test is `CMD-SHELL` and needs `/bin/sh` as well.",
    why: 'The check fails every time: the service never becomes healthy, `depends_on: condition: service_healthy` never starts what depends on it, and orchestrators restart a healthy container. Build a health check into the Go program and call it in exec form (`["CMD", "/app", "healthcheck"]`).',
    example:
      'services:\n  api:\n    image: gcr.io/distroless/static-debian12\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8080/healthz"]\n',
    useInstead:
      'services:\n  api:\n    image: gcr.io/distroless/static-debian12\n    healthcheck:\n      test: ["CMD", "/app", "healthcheck"]\n',
    exampleFile: 'compose.yaml',
    references: ['https://docs.docker.com/reference/compose-file/services/#healthcheck'],
  },
  check({ containers }, report) {
    for (const c of containers) {
      const hc = c.healthcheck;
      const tools = c.image?.tools;
      if (hc === undefined || tools === undefined || c.image === undefined) continue;
      const missing = hc.programs.find((p) => HEALTHCHECK_TOOLS.includes(p) && !tools.includes(p));
      if (missing === undefined) continue;
      report({
        range: hc.range,
        message: `The health check runs \`${missing}\`, which ${c.image.name}${c.image.family !== undefined && c.image.family !== c.image.name ? ` (${c.image.family})` : ''} does not have: it always fails and ${c.name} is never healthy; build the check into the program (exec form)`,
      });
    }
  },
});
