// Owns GDL219: a single-value directive set twice in one section (the last wins).
import { defineRule } from '../rule';
import { directive } from '../../knowledge/systemd-directives';
import type { UnitAssignment } from '../../parsers/systemd/ast';
import { deleteAssignment } from './unit-edits';

/**
 * Settings whose repeated lines add up although they take one item per line (load-fragment.c appends them):
 * StandardInputText=/StandardInputData= concatenate, RestrictNamespaces= and the per-device IO*= settings merge.
 */
const ACCUMULATING: ReadonlySet<string> = new Set([
  'StandardInputText',
  'StandardInputData',
  'RestrictNamespaces',
  'SetCredential',
  'SetCredentialEncrypted',
  'LoadCredential',
  'LoadCredentialEncrypted',
  'ImportCredential',
  'LogExtraFields',
  'Environment',
  'SocketBindAllow',
  'SocketBindDeny',
  'DeviceAllow',
]);

export const duplicateSingleValueDirective = defineRule({
  id: 'GDL219',
  name: 'duplicate-single-value-directive',
  language: 'systemd',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  docs: {
    summary: 'Single-value directive set twice',
    what: 'Reports a directive that takes one value (not a list) assigned twice in the same section; the later assignment wins.',
    why: 'The earlier line is dead: editing it changes nothing, and readers take it for the setting in force.',
    example: '[Service]\nExecStart=/usr/local/bin/api\nRestart=on-failure\nRestart=always\n',
    useInstead: '[Service]\nExecStart=/usr/local/bin/api\nRestart=always\n',
    exampleFile: 'api.service',
  },
  // It compares lines of one key: the keystroke path never takes an edit of a key set on another line alone.
  check({ file, index }, report) {
    for (const s of file.sections) {
      const last = new Map<string, UnitAssignment>();
      for (const a of s.assignments) {
        const d = directive(s.name.text, a.key.text);
        if (
          d === undefined ||
          d.list ||
          ACCUMULATING.has(d.key) ||
          /^IODevice|^IO(Read|Write)(Bandwidth|IOPS)Max$/.test(d.key)
        )
          continue;
        const before = last.get(a.key.text);
        last.set(a.key.text, a);
        if (before === undefined) continue;
        report({
          range: before.key.range,
          message: `\`${a.key.text}=\` is set again on line ${a.line + 1}; this line has no effect`,
          related: [{ range: a.key.range, message: 'The assignment in force' }],
          fixes: [{ title: `Remove this \`${a.key.text}=\``, edits: [deleteAssignment(index, before)] }],
        });
      }
    }
  },
});
