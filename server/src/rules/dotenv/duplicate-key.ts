// Owns GDL101: a key assigned twice in one env file.
import { defineRule } from '../rule';
import { deleteLines } from '../../text/edits';
import type { EnvAssignment } from '../../parsers/dotenv/ast';

export const duplicateKey = defineRule({
  id: 'GDL101',
  name: 'duplicate-key',
  language: 'dotenv',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  docs: {
    summary: 'Key is assigned more than once',
    what: 'Reports the later of two assignments to the same key in one env file, with the earlier one as related information.',
    why: 'Every loader keeps the last value, so the earlier line is dead; whoever edits it next changes nothing and is puzzled. In dialects that expand in file order (compose, godotenv) a line in between may read the earlier value (`A=hello`, `B=${A}`, `A=bye`): then the earlier line is not dead, the finding is only information and there is no fix; `PATH=${PATH}:/x` (building on the earlier value) is not reported. dotenv-expand keeps only the last value of each key but expands keys in the order of their first line, so there the earlier line matters when a line in between reads the key.',
    example: 'PORT=8080\nPORT=9090\n',
    useInstead: 'PORT=9090\n',
  },
  check({ bindings, index, dialect }, report) {
    const previous = new Map<string, { entry: EnvAssignment; at: number }>();
    bindings.forEach(({ entry, effect, readsFrom }, at) => {
      if (entry.kind !== 'assignment' || effect.kind === 'dropped') return;
      const earlier = previous.get(entry.key.text);
      previous.set(entry.key.text, { entry, at });
      if (earlier === undefined) return;
      // `PATH=${PATH}:/x` builds on the earlier value (compose, godotenv): that is the idiom, not a duplicate.
      if (readsFrom.includes(earlier.at)) return;
      const line = earlier.entry.range.start.line + 1;
      // In dialects that expand in file order, a line between the two may read the earlier value: then it is not
      // dead. dotenv-expand reads only each key's last value, but expands keys in the order of their first line:
      // the earlier line fixes when the key is expanded, so a line in between that reads the key depends on it too.
      const key = entry.key.text;
      const reader = bindings
        .slice(earlier.at + 1, at)
        .find((b) =>
          b.readsFrom.some((i) =>
            dialect === 'dotenv-expand' ? bindings[i]?.entry.key.text === key : i === earlier.at,
          ),
        );
      if (reader !== undefined) {
        report({
          range: entry.key.range,
          message:
            dialect === 'dotenv-expand'
              ? `\`${entry.key.text}\` is set again; line ${reader.entry.range.start.line + 1} reads it, and line ${line} decides when dotenv-expand expands it`
              : `\`${entry.key.text}\` is set again after line ${reader.entry.range.start.line + 1} read the value from line ${line}`,
          severity: 'information',
          related: [
            { range: earlier.entry.key.range, message: 'Earlier assignment' },
            { range: reader.entry.range, message: 'Reads the earlier value' },
          ],
        });
        return;
      }
      report({
        range: entry.key.range,
        message: `\`${entry.key.text}\` is already set on line ${line}; that line has no effect`,
        related: [{ range: earlier.entry.key.range, message: 'Earlier assignment, overridden' }],
        // A multi-line earlier entry is only one entry where quotes span lines; removing it could drop other lines.
        fixes:
          earlier.entry.range.start.line === earlier.entry.range.end.line
            ? [
                {
                  title: `Remove the earlier \`${entry.key.text}\` on line ${line}`,
                  edits: [deleteLines(index, earlier.entry.range)],
                },
              ]
            : [],
      });
    });
  },
});
