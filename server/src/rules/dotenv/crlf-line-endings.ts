// Owns GDL110: CRLF line endings where the loader keeps the `\r` in the value.
import { defineRule } from '../rule';

export const crlfLineEndings = defineRule({
  id: 'GDL110',
  name: 'crlf-line-endings',
  language: 'dotenv',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  docs: {
    summary: 'CRLF line ending kept in the value',
    what: 'In the `go-env` dialect (go env files, `$GOROOT/go.env`), reports lines that end in CRLF.',
    why: 'The go command splits on `\\n` only, so `GOTOOLCHAIN=local\\r` is not `local` and fails as an invalid toolchain; the character is invisible in most editors. (docker --env-file strips the `\\r`, so it is not flagged there.)',
    example: '# go-deploy-lint dialect=go-env\r\nGOTOOLCHAIN=local\r\n',
    useInstead: '# go-deploy-lint dialect=go-env\nGOTOOLCHAIN=local\n',
  },
  check({ file, dialect, index }, report) {
    if (dialect !== 'go-env') return;
    for (const e of file.entries) {
      if (e.kind !== 'assignment' || !e.crlf) continue;
      const line = e.range.end.line;
      const end = index.lineContentEnd(line);
      report({
        range: e.key.range,
        message: `Line ${line + 1} ends with CRLF; the go command keeps \`\\r\` at the end of \`${e.key.text}\``,
        fixes: [{ title: 'Convert the line ending to LF', edits: [{ range: index.range(end, end + 1), newText: '' }] }],
      });
    }
  },
});
