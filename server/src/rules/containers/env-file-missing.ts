// Owns GDL608: a Compose env_file or Quadlet EnvironmentFile= that does not exist.
import { defineRule } from '../rule';

export const envFileMissing = defineRule({
  id: 'GDL608',
  name: 'env-file-missing',
  language: 'containers',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'Env file does not exist',
    what: 'Reports a Compose `env_file:` entry (unless `required: false`) or a Quadlet `EnvironmentFile=` whose file does not exist, resolved against the file that names it.',
    why: '`docker compose up` stops with "env file … not found" and podman refuses to create the container: nothing starts. Compose `required: false` (Compose 2.24+) makes an optional file explicit.',
    example: 'services:\n  api:\n    image: example.com/api:1\n    env_file: missing.env\n',
    useInstead:
      'services:\n  api:\n    image: example.com/api:1\n    env_file:\n      - path: missing.env\n        required: false\n',
    exampleFile: 'compose.yaml',
    references: ['https://docs.docker.com/reference/compose-file/services/#env_file'],
  },
  check({ containers }, report) {
    for (const c of containers)
      for (const f of c.envFiles) {
        if (f.exists || !f.required) continue;
        report({
          range: f.range,
          message: `\`${f.path}\` does not exist: ${c.name} does not start; create it or remove the reference`,
        });
      }
  },
});
