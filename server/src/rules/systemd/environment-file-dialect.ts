// Owns GDL239: EnvironmentFile= files are read in the systemd dialect; a missing one (without `-`) fails the start.
import * as path from 'node:path';
import { defineRule } from '../rule';

export const environmentFileDialect = defineRule({
  id: 'GDL239',
  name: 'environment-file-dialect',
  language: 'systemd',
  defaultSeverity: 'warning',
  fixSafety: 'none',
  crossLineKeys: ['EnvironmentFile'],
  docs: {
    summary: 'EnvironmentFile= file is missing',
    what: 'Files named by `EnvironmentFile=` are linted in the `systemd` dialect (their 1xx findings appear in that file). This rule reports a path without the `-` prefix whose directory exists in the workspace (through `goDeployLint.pathMappings`, or a folder standing for `/`) but whose file does not.',
    why: 'Without `-`, a missing or unreadable environment file fails the start of the service. Write `EnvironmentFile=-/path` when the file is optional.',
    example: '[Service]\nEnvironmentFile=/etc/default/api-missing\nExecStart=/usr/local/bin/api\n',
    useInstead: '[Service]\nEnvironmentFile=-/etc/default/api-missing\nExecStart=/usr/local/bin/api\n',
    exampleFile: 'etc/systemd/system/api.service',
  },
  check({ environmentFiles }, report) {
    for (const f of environmentFiles) {
      if (f.optional || f.resolved !== undefined || /[*?[%]/.test(f.hostPath)) continue;
      const dirs = f.inExistingDirs;
      if (dirs.length === 0) continue;
      report({
        range: f.assignment.value.range,
        message: `\`${f.hostPath}\` is not in the workspace (looked for ${dirs.map((d) => path.basename(path.dirname(d)) + '/' + path.basename(d)).join(', ')}); without \`-\` a missing file fails the start`,
      });
    }
  },
});
