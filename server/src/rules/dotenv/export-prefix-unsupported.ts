// Owns GDL105: `export KEY=…` in dialects that drop or reject it.
import { defineRule } from '../rule';

export const exportPrefixUnsupported = defineRule({
  id: 'GDL105',
  name: 'export-prefix-unsupported',
  language: 'dotenv',
  defaultSeverity: 'error',
  fixSafety: 'safe',
  docs: {
    summary: '`export` prefix the loader does not understand',
    what: 'In the `systemd` and `docker` dialects, reports `export` before a key.',
    why: 'systemd reads the name `export KEY`, which is invalid, and drops the line with only a journal message; docker --env-file fails. Shell-style env files copied into EnvironmentFile= lose every exported variable this way.',
    example: '# go-deploy-lint dialect=systemd\nexport GOMAXPROCS=4\n',
    useInstead: '# go-deploy-lint dialect=systemd\nGOMAXPROCS=4\n',
  },
  check({ file, dialect, index }, report) {
    if (dialect !== 'systemd' && dialect !== 'docker') return;
    for (const e of file.entries) {
      if ((e.kind !== 'assignment' && e.kind !== 'bare-key') || e.exportKeyword === undefined) continue;
      const what =
        dialect === 'systemd'
          ? 'systemd drops this line (invalid name)'
          : 'docker --env-file rejects the whole file (the key holds a space)';
      report({
        range: e.exportKeyword.range,
        message: `\`export ${e.key.text}\`: ${what}`,
        fixes: [
          {
            title: 'Remove `export `',
            edits: [{ range: index.range(e.exportKeyword.offset, e.key.offset), newText: '' }],
          },
        ],
      });
    }
  },
});
