// Owns GDL109: a bare `KEY` line, whose meaning depends on the loader.
import { defineRule } from '../rule';
import type { EnvDialect } from '../../parsers/dotenv/dialects';

function meaning(dialect: EnvDialect, key: string): string {
  switch (dialect) {
    case 'docker':
    case 'compose':
      return `\`${key}\` has no \`=\`: the host's value of \`${key}\` is passed through, or it stays unset`;
    case 'godotenv':
      return `\`${key}\` has no \`=\`: godotenv fails to parse the file`;
    case 'dotenv':
    case 'dotenv-expand':
    case 'systemd':
    case 'go-env':
      return `\`${key}\` has no \`=\`: the line is ignored`;
  }
}

export const keyWithoutValue = defineRule({
  id: 'GDL109',
  name: 'key-without-value',
  language: 'dotenv',
  defaultSeverity: 'information',
  fixSafety: 'none',
  docs: {
    summary: 'Key without `=`',
    what: "Reports a line that is only a key, and says what the file's loader does with it.",
    why: "Docker and Compose pass the host's value through, dotenv and systemd ignore the line, godotenv fails: the same line means three things. Write `KEY=` to set it empty, or a comment to document it.",
    example: 'HTTP_PROXY\n',
    useInstead: 'HTTP_PROXY=\n',
  },
  check({ file, dialect }, report) {
    for (const e of file.entries) {
      if (e.kind !== 'bare-key' || e.key.text === '') continue;
      report({
        range: e.key.range,
        message: meaning(dialect, e.key.text),
        severity: dialect === 'godotenv' ? 'error' : 'information',
      });
    }
  },
});
