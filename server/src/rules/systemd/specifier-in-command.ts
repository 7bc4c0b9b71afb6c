// Owns GDL209: a known specifier in an Exec* argument that is almost surely a date/printf format.
import { defineRule } from '../rule';
import { specifiersIn } from './specifiers';

export const specifierInCommand = defineRule({
  id: 'GDL209',
  name: 'specifier-in-command',
  language: 'systemd',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  docs: {
    summary: 'Specifier expanded in a format string',
    what: 'In Exec*= lines, reports known specifiers inside arguments that look like date or printf formats (`+%Y-%m-%d`, arguments of `printf` and `date`).',
    why: "systemd expands them before exec: `%Y` becomes the unit file's directory and `%m` the machine ID, so the command silently gets the wrong argument (`systemd-analyze verify` prints nothing).",
    example: '[Service]\nExecStart=/usr/local/bin/api\nExecStartPost=/bin/date +%Y-%m-%d\n',
    useInstead: '[Service]\nExecStart=/usr/local/bin/api\nExecStartPost=/bin/date +%%Y-%%m-%%d\n',
    exampleFile: 'api.service',
  },
  check({ file }, report) {
    for (const a of file.assignments) {
      if (!/^Exec/.test(a.key.text)) continue;
      const { words } = a.value.words();
      const command = (words[0]?.value ?? '').replace(/^[@\-:+!]+/, '');
      const formatCommand = /(^|\/)(date|printf|strftime)$/.test(command);
      for (const w of words.slice(1)) {
        if (!formatCommand && !w.value.startsWith('+')) continue;
        for (const s of specifiersIn(a.value.text.slice(w.start, w.end))) {
          if (!s.known) continue;
          const at = w.start + s.start;
          report({
            range: a.value.rangeOf(at, at + 2),
            message: `systemd expands \`%${s.letter}\` before running \`${command}\`; write \`%%${s.letter}\` to pass it through`,
            fixes: [
              { title: `Write \`%%${s.letter}\``, edits: [{ range: a.value.rangeOf(at, at + 1), newText: '%%' }] },
            ],
          });
        }
      }
    }
  },
});
