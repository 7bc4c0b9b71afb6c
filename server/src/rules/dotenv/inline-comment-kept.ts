// Owns GDL104: `VALUE # comment` in dialects that keep the comment in the value.
import { defineRule } from '../rule';
import { DIALECT_LOADER, keptInlineComment } from '../../parsers/dotenv/dialects';
import { insertLinesBefore } from '../../text/edits';

export const inlineCommentKept = defineRule({
  id: 'GDL104',
  name: 'inline-comment-kept',
  language: 'dotenv',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  docs: {
    summary: 'Inline comment becomes part of the value',
    what: 'In the `systemd`, `docker` and `go-env` dialects, reports ` # …` after a value: those loaders have no inline comments.',
    why: '`GOMEMLIMIT=512MiB # soft limit` gives the program `512MiB # soft limit`, which Go rejects at startup; other values silently carry the comment.',
    example: '# go-deploy-lint dialect=systemd\nLOG_LEVEL=info # verbose in staging\n',
    useInstead: '# go-deploy-lint dialect=systemd\n# verbose in staging\nLOG_LEVEL=info\n',
  },
  check({ file, dialect, index }, report) {
    for (const e of file.entries) {
      if (e.kind !== 'assignment') continue;
      const kept = keptInlineComment(e, dialect);
      if (kept === undefined) continue;
      const { host, comment } = kept;
      const cutStart = host.offset + kept.cut;
      const hashOffset = host.offset + host.text.indexOf('#', kept.cut);
      const line = e.range.start.line;
      const indent = /^[ \t]*/.exec(index.lineText(line))?.[0] ?? '';
      report({
        range: index.range(hashOffset, hashOffset + comment.length),
        message: `${DIALECT_LOADER[dialect]} keeps \`${comment}\` as part of the value of \`${e.key.text}\``,
        fixes: [
          {
            title: 'Move the comment to its own line above',
            edits: [
              insertLinesBefore(index, line, [indent + comment]),
              { range: index.range(cutStart, host.offset + host.text.length), newText: '' },
            ],
          },
        ],
      });
    }
  },
});
