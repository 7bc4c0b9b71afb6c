// Owns GDL101: a key assigned twice in one env file.
import { defineRule } from '../rule';
import { deleteLines } from '../../text/edits';
import type { EnvAssignment } from '../../parsers/dotenv/ast';

/** Flags a key assigned twice; every loader keeps one value and the other line is dead. */
export const duplicateKey = defineRule({
  id: 'GDL101',
  name: 'duplicate-key',
  language: 'dotenv',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  docs: {
    summary: 'Key is assigned more than once',
    what: 'Reports the later of two assignments to the same key in one env file, with the earlier one as related information.',
    why: 'Every loader keeps the last value, so the earlier line is dead; whoever edits it next changes nothing and is puzzled.',
    example: 'PORT=8080\nPORT=9090\n',
    useInstead: 'PORT=9090\n',
  },
  check({ bindings, index }, report) {
    const previous = new Map<string, EnvAssignment>();
    for (const { entry, effect } of bindings) {
      if (entry.kind !== 'assignment' || effect.kind === 'dropped') continue;
      const earlier = previous.get(entry.key.text);
      previous.set(entry.key.text, entry);
      if (earlier === undefined) continue;
      report({
        range: entry.key.range,
        message: `\`${entry.key.text}\` is already set on line ${earlier.range.start.line + 1}; that line has no effect`,
        related: [{ range: earlier.key.range, message: 'Earlier assignment, overridden' }],
        // A multi-line earlier entry is only one entry where quotes span lines; removing it could drop other lines.
        fixes: earlier.range.start.line === earlier.range.end.line ? [{ title: `Remove the earlier \`${entry.key.text}\` on line ${earlier.range.start.line + 1}`, edits: [deleteLines(index, earlier.range)] }] : [],
      });
    }
  },
});
