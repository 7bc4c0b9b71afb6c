// Owns GDL207: `Value # comment`, which systemd keeps as part of the value.
import { defineRule } from '../rule';
import { directive } from '../../knowledge/systemd-directives';
import { inlineCommentStart, valueProblem } from '../../knowledge/systemd-values';
import { insertAbove } from './unit-edits';

export const inlineCommentInValue = defineRule({
  id: 'GDL207',
  name: 'inline-comment-in-value',
  language: 'systemd',
  defaultSeverity: 'error',
  fixSafety: 'safe',
  docs: {
    summary: 'Inline comment in a value',
    what: 'Reports `#` or `;` after whitespace in a value (outside quotes): systemd has no inline comments.',
    why: 'The comment becomes part of the value: `Restart=always # restart on crash` is an invalid Restart= value and is ignored; `User=app # service user` names a user that does not exist.',
    example: '[Service]\nExecStart=/usr/local/bin/api\nRestart=always # restart on crash\n',
    useInstead: '[Service]\nExecStart=/usr/local/bin/api\n# restart on crash\nRestart=always\n',
    exampleFile: 'api.service',
  },
  check({ file, index }, report) {
    for (const a of file.assignments) {
      const section = a.section?.name.text ?? '';
      const text = a.value.text;
      const d = directive(section, a.key.text);
      const i = inlineCommentStart(d, a.key.text, text);
      if (i === undefined) continue;
      // For typed values the comment makes the value invalid and systemd drops the line (what verify reports).
      const drops =
        d !== undefined &&
        valueProblem(d, text) !== undefined &&
        valueProblem(d, text)?.warning !== true &&
        valueProblem(d, text.slice(0, i).trimEnd()) === undefined;
      const comment = text.slice(i).trimEnd();
      let cut = i;
      while (cut > 0 && /\s/.test(text[cut - 1] ?? '')) cut--;
      report({
        range: a.value.rangeOf(i, i + comment.length),
        message: drops
          ? `systemd has no inline comments: with \`${comment}\` the ${a.key.text}= value is invalid and the line is ignored`
          : `systemd has no inline comments: \`${comment}\` is part of the ${a.key.text}= value`,
        fixes: [
          {
            title: 'Move the comment to its own line above',
            edits: [
              insertAbove(index, a, comment.startsWith('#') ? comment : `#${comment.slice(1)}`),
              { range: a.value.rangeOf(cut, text.length), newText: '' },
            ],
          },
        ],
      });
    }
  },
});
