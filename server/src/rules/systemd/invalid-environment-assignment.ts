// Owns GDL216: Environment= words without `=`, with an invalid name, or with broken quoting.
import { defineRule } from '../rule';
import { directive } from '../../knowledge/systemd-directives';
import { inlineCommentStart } from '../../knowledge/systemd-values';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const invalidEnvironmentAssignment = defineRule({
  id: 'GDL216',
  name: 'invalid-environment-assignment',
  language: 'systemd',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'Invalid Environment= word',
    what: 'Reports words of `Environment=` that are not `NAME=value` with a valid name, quotes that never close, and escapes systemd does not know. Quotes may start anywhere in a word, as in a shell: `OPTS="--listen :8080"` is one assignment (systemd\'s extract_first_word(), src/basic/extract-word.c).',
    why: 'systemd logs "Invalid environment assignment, ignoring" and the variable is missing; with an unbalanced quote it logs "Invalid syntax, ignoring" and drops the line. An unknown escape such as `\\d` or `\\x00` drops the line too ("Invalid syntax, ignoring"): write `\\\\` for a backslash.',
    example: '[Service]\nEnvironment=GOGC=200 GOMAXPROCS\nExecStart=/usr/local/bin/api\n',
    useInstead: '[Service]\nEnvironment=GOGC=200 GOMAXPROCS=4\nExecStart=/usr/local/bin/api\n',
    exampleFile: 'api.service',
  },
  check({ file }, report) {
    for (const a of file.assignments) {
      if (a.key.text !== 'Environment' || a.section === undefined) continue;
      const { words, broken, unknownEscapes } = a.value.words();
      // Words of an intended inline comment (`# soft limit`) are GDL207's finding, not more invalid assignments.
      const comment =
        inlineCommentStart(directive(a.section.name.text, a.key.text), a.key.text, a.value.text) ?? Infinity;
      words.forEach((w, i) => {
        if (w.start >= comment) return;
        const eq = w.value.indexOf('=');
        const name = eq === -1 ? w.value : w.value.slice(0, eq);
        // systemd expands specifiers before it checks the name (`X%b=1` is valid): such names are not judged.
        if (name.includes('%')) return;
        if (eq === -1)
          report({
            range: a.value.rangeOf(w.start, w.end),
            message: `Word ${i + 1} of Environment= has no \`=\`: systemd ignores it`,
          });
        // With quotes inside the word the name is not a plain slice of the text: the whole word is underlined.
        else if (!NAME.test(name))
          report({
            range: a.value.rangeOf(w.start, w.quoted ? w.end : w.start + eq),
            message: `\`${name}\` is not a valid variable name: systemd ignores this assignment`,
          });
      });
      // config_parse_environ() splits without EXTRACT_CUNESCAPE_RELAX: one unknown escape drops the whole line.
      const unknown = unknownEscapes[0];
      if (unknown !== undefined)
        report({
          range: a.value.rangeOf(unknown.start, unknown.end),
          message: `\`${a.value.text.slice(unknown.start, unknown.end)}\` is not an escape systemd knows: it ignores the whole line`,
        });
      if (broken !== undefined)
        report({
          range: a.value.rangeOf(broken.start, broken.end),
          message: `Broken quoting in Environment=: ${broken.reason}; systemd ignores the line`,
        });
    }
  },
});
