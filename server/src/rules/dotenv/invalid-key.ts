// Owns GDL102: a key that the file's loader rejects or drops.
import { defineRule } from '../rule';
import { DIALECT_LOADER, type EnvDialect } from '../../parsers/dotenv/dialects';

const PORTABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

function consequence(dialect: EnvDialect, key: string): string {
  switch (dialect) {
    case 'docker':
      // docker/cli opts/file.go refuses keys with a space or tab and empty keys, and fails the whole file.
      return key === '' || /[ \t]/.test(key)
        ? 'docker --env-file rejects the whole file'
        : 'docker --env-file passes it on, but systemd drops it and shells cannot export it';
    case 'systemd':
      return 'systemd drops the line';
    case 'godotenv':
      return 'godotenv fails to load the file';
    case 'go-env':
      return 'the go command skips the line';
    case 'compose':
    case 'dotenv':
    case 'dotenv-expand':
      return `${DIALECT_LOADER[dialect]} may take it; systemd and shells cannot`;
  }
}

export const invalidKey = defineRule({
  id: 'GDL102',
  name: 'invalid-key',
  language: 'dotenv',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'Key is not a valid variable name',
    what: 'Reports keys that are not `[A-Za-z_][A-Za-z0-9_]*` (for go env files: not starting with `A`–`Z`) and lines that are neither comment nor assignment.',
    why: 'systemd drops such lines with only a log message, godotenv refuses the whole file, and a shell cannot export the name, so the variable silently never reaches the program.',
    example: 'DB-URL=postgres://db/app\n',
    useInstead: 'DB_URL=postgres://db/app\n',
  },
  check({ file, dialect }, report) {
    for (const e of file.entries) {
      if (e.kind === 'invalid') {
        report({
          range: e.text.range,
          message: `\`${e.text.text}\` is not a KEY=value line; ${consequence(dialect, e.text.text)}`,
        });
        continue;
      }
      if (e.kind !== 'assignment' && e.kind !== 'bare-key') continue;
      const key = e.key.text;
      if (key === '') {
        report({ range: e.range, message: `The line has no key before \`=\`; ${consequence(dialect, '')}` });
      } else if (!PORTABLE.test(key)) {
        report({
          range: e.key.range,
          message: `\`${key}\` is not a valid variable name; ${consequence(dialect, key)}`,
        });
      } else if (dialect === 'go-env' && !/^[A-Z]/.test(key)) {
        report({
          range: e.key.range,
          message: `\`${key}\` does not start with \`A\`–\`Z\`; the go command skips the line`,
        });
      }
    }
  },
});
