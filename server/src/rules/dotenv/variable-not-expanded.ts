// Owns GDL106: `$VAR` references that the file's loader keeps literally.
import { isSecretName } from '../../knowledge/secrets';
import { defineRule } from '../rule';
import { DIALECT_LOADER, EXPANDING_DIALECTS } from '../../parsers/dotenv/dialects';

const BRACED = /\$\{[^}]*\}?/g;
const PLAIN_UPPER = /\$[A-Z_][A-Z0-9_]*/g;
const GODOTENV_UNSUPPORTED = /\$\{[A-Za-z_][A-Za-z0-9_]*[:?+-][^}]*\}|\$\{[a-z_][A-Za-z0-9_]*\}|\$[a-z_][A-Za-z0-9_]*/g;

export const variableNotExpanded = defineRule({
  id: 'GDL106',
  name: 'variable-not-expanded',
  language: 'dotenv',
  defaultSeverity: 'warning',
  fixSafety: 'none',
  docs: {
    summary: 'Variable reference stays literal',
    what: 'Reports `${VAR}` and `$VAR` (upper-case names) in dialects that do not expand variables (`dotenv`, `docker`, `systemd`, `go-env`); for `godotenv`, the forms it does not support (lower-case names, `${VAR:-default}`).',
    why: 'The program receives the text `$HOME/go` instead of a path; Go then rejects a relative GOPATH or a service reads a nonsense URL.',
    example: 'GOPATH=${HOME}/go\n',
    useInstead: 'GOPATH=/home/app/go\n',
  },
  check({ file, dialect, index }, report) {
    if (EXPANDING_DIALECTS.has(dialect) && dialect !== 'godotenv') return;
    for (const e of file.entries) {
      if (e.kind !== 'assignment' || e.value === undefined) continue;
      const v = e.value;
      // Single quotes mean "literal" to every shell-like reader; the author meant the text.
      if (v.quote === "'") continue;
      const body = v.quote === undefined ? v.raw : v.body;
      if (!body.text.includes('$')) continue;
      const patterns = dialect === 'godotenv' ? [GODOTENV_UNSUPPORTED] : [BRACED, PLAIN_UPPER];
      const seen = new Set<number>();
      for (const re of patterns) {
        re.lastIndex = 0;
        for (let m = re.exec(body.text); m !== null; m = re.exec(body.text)) {
          if (seen.has(m.index) || body.text[m.index - 1] === '\\') continue;
          seen.add(m.index);
          const start = body.offset + m.index;
          const message =
            dialect === 'godotenv'
              ? `godotenv does not expand \`${m[0]}\` (only \`$NAME\`/\`\${NAME}\` with upper-case names, no defaults)`
              : `${DIALECT_LOADER[dialect]} does not expand ${isSecretName(e.key.text) ? 'the variable reference' : `\`${m[0]}\``}; \`${e.key.text}\` gets the text literally`;
          report({ range: index.range(start, start + m[0].length), message });
        }
      }
    }
  },
});
