// Owns GDL125: GODEBUG entries the runtime silently misreads (spaces, no `=`, duplicates, unknown keys, bad fips140).
import { defineRule } from '../rule';
import { GODEBUG_KNOWN } from '../../knowledge/go-env';
import { valueSubRange } from './input';
import { bindingsFor, closest } from './go-values';
import { godebugEntries, godebugValue } from './godebug-entries';
import { removeListItem, replaceListItem } from './list-edits';

const FIPS = ['off', 'on', 'only', 'debug'];

export const godebugMalformed = defineRule({
  id: 'GDL125',
  name: 'godebug-malformed',
  language: 'go-values',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  docs: {
    summary: 'GODEBUG entry is malformed',
    what: 'Reports GODEBUG entries with spaces around `,` or `=`, entries without `=`, keys set twice, unknown keys, and `fips140` values other than `off on only debug`.',
    why: 'The runtime does not trim: ` http2client=0` sets the key ` http2client`, which nothing reads. Entries without `=` and unknown keys are ignored without a word, and for duplicates the last one wins. A bad `fips140` value panics at init.',
    example: 'GODEBUG=http2client=0, netdns=go\n',
    useInstead: 'GODEBUG=http2client=0,netdns=go\n',
  },
  check(scope, report) {
    for (const b of bindingsFor(scope, 'GODEBUG')) {
      const { parts, entries } = godebugEntries(b.literal);
      const lastIndexOf = new Map<string, number>();
      for (const e of entries) lastIndexOf.set(e.key.trim(), e.index);
      for (const e of entries) {
        const range = valueSubRange(scope, b, e.part.start, e.part.end);
        const trimmedKey = e.key.trim();
        const trimmed = e.value === undefined ? trimmedKey : `${trimmedKey}=${e.value.trim()}`;
        if (trimmed !== e.part.text) {
          report({
            range,
            message: `\`${e.part.text}\` has spaces; GODEBUG is not trimmed, so this sets \`${e.key}\` and nothing reads it`,
            fixes: [{ title: 'Remove the spaces', edits: [replaceListItem(scope, b, e.part, trimmed)] }],
          });
          continue;
        }
        if (e.value === undefined) {
          report({ range, message: `\`${e.part.text}\` has no \`=\`; the runtime ignores it` });
          continue;
        }
        if ((lastIndexOf.get(trimmedKey) ?? e.index) !== e.index) {
          report({
            range,
            message: `\`${e.key}\` is set again later in GODEBUG; the last one wins and this entry has no effect`,
            fixes: [{ title: `Remove this \`${e.key}\` entry`, edits: [removeListItem(scope, b, parts, e.index)] }],
          });
          continue;
        }
        if (!GODEBUG_KNOWN.has(e.key)) {
          const near = closest(e.key, [...GODEBUG_KNOWN], 2);
          report({
            range,
            message: `\`${e.key}\` is not a GODEBUG setting Go knows; it is silently ignored${near === undefined ? '' : ` (did you mean \`${near}\`?)`}`,
          });
          continue;
        }
        if (e.key === 'fips140' && !FIPS.includes(godebugValue(e.value))) {
          report({
            range,
            severity: 'error',
            message: `\`fips140=${e.value}\` panics at init in every program that links crypto; use off, on, only or debug`,
          });
        }
      }
    }
  },
});
