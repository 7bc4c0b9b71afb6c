// Owns GDL216: Environment= words without `=`, with an invalid name, or with broken quoting.
import { defineRule } from '../rule';
import { splitWords } from '../../parsers/systemd/words';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Flags what systemd drops with "Invalid environment assignment, ignoring". */
export const invalidEnvironmentAssignment = defineRule({
  id: 'GDL216',
  name: 'invalid-environment-assignment',
  language: 'systemd',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'Invalid Environment= word',
    what: 'Reports words of `Environment=` that are not `NAME=value` with a valid name, and quotes that do not wrap whole words.',
    why: 'systemd logs "Invalid environment assignment, ignoring" and the variable is missing; with broken quoting the rest of the line is misread too.',
    example: '[Service]\nEnvironment=GOGC=200 GOMAXPROCS\nExecStart=/usr/local/bin/api\n',
    useInstead: '[Service]\nEnvironment=GOGC=200 GOMAXPROCS=4\nExecStart=/usr/local/bin/api\n',
    exampleFile: 'api.service',
  },
  check({ file }, report) {
    for (const a of file.assignments) {
      if (a.key.text !== 'Environment' || a.section === undefined) continue;
      const { words, broken } = splitWords(a.value.text);
      for (const w of words) {
        const eq = w.value.indexOf('=');
        const name = eq === -1 ? w.value : w.value.slice(0, eq);
        if (eq === -1) report({ range: a.value.rangeOf(w.start, w.end), message: `Word ${words.indexOf(w) + 1} of Environment= has no \`=\`: systemd ignores it (invalid environment assignment)` });
        else if (!NAME.test(name)) report({ range: a.value.rangeOf(w.start, w.start + (w.quoted ? eq + 1 : eq)), message: `\`${name}\` is not a valid variable name: systemd ignores this assignment` });
      }
      if (broken !== undefined) {
        // Text glued to a closing quote is joined to the word by systemd's word splitter; quote whole words instead.
        const glued = broken.reason.startsWith('text follows');
        report({ range: a.value.rangeOf(broken.start, broken.end), severity: glued ? 'warning' : 'error', message: glued ? 'Text follows a closing quote without a space: systemd glues it to the word; quote whole words to say what you mean' : `Broken quoting in Environment=: ${broken.reason}` });
      }
    }
  },
});
