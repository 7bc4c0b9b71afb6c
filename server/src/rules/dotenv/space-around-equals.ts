// Owns GDL103: spaces around `=` that some loaders keep in the key or value.
import { defineRule } from '../rule';
import type { EnvDialect } from '../../parsers/dotenv/dialects';

function effect(dialect: EnvDialect, key: string, before: boolean): string {
  switch (dialect) {
    case 'go-env':
      return before
        ? `the go command reads the key as \`${key} \` and ignores the line`
        : 'the go command keeps the space in the value';
    case 'docker':
      return before
        ? 'docker --env-file rejects the whole file (the key holds the space)'
        : 'docker --env-file keeps the space in the value';
    case 'dotenv':
    case 'dotenv-expand':
    case 'compose':
    case 'godotenv':
    case 'systemd':
      return 'this loader trims it, but docker --env-file and go env files keep it';
  }
}

export const spaceAroundEquals = defineRule({
  id: 'GDL103',
  name: 'space-around-equals',
  language: 'dotenv',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  docs: {
    summary: 'Spaces around `=`',
    what: 'Reports whitespace between the key and `=`, and whitespace after `=` in dialects that keep it in the value. A warning for `docker` and `go-env`, where the line breaks; a hint elsewhere, where the loader trims it but the file stops being portable.',
    why: 'Loaders disagree: docker rejects the key, the go command reads `KEY ` as the key and ignores the line, others trim. The same file then means different things to different consumers.',
    example: 'GOFLAGS = -trimpath\n',
    useInstead: 'GOFLAGS=-trimpath\n',
  },
  check({ file, dialect }, report) {
    for (const e of file.entries) {
      if (e.kind !== 'assignment') continue;
      const keepsAfter = dialect === 'docker' || dialect === 'go-env';
      if (e.spaceBefore === undefined && !(keepsAfter && e.spaceAfter !== undefined)) continue;
      const start = e.spaceBefore?.range.start ?? e.equals.range.start;
      const end = e.spaceAfter?.range.end ?? e.equals.range.end;
      report({
        range: { start, end },
        // Only docker --env-file and go env files break on it; elsewhere it is a portability hint.
        severity: dialect === 'docker' && e.spaceBefore !== undefined ? 'error' : keepsAfter ? 'warning' : 'hint',
        message: `Space around \`=\` after \`${e.key.text}\`: ${effect(dialect, e.key.text, e.spaceBefore !== undefined)}`,
        fixes: [{ title: 'Remove the spaces around `=`', edits: [{ range: { start, end }, newText: '=' }] }],
      });
    }
  },
});
