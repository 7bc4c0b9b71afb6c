// Owns GDL124: GODEBUG setting a removed key to its old value, fatal at startup from Go 1.27.
import { defineRule } from '../rule';
import { GODEBUG_REMOVED } from '../../knowledge/go-env';
import { formatGoVersion, goAtLeast } from '../../knowledge/go-version';
import { valueSubRange } from './input';
import { bindingsFor } from './go-values';
import { godebugEntries, godebugValue } from './godebug-entries';
import { removeListItem } from './list-edits';

export const godebugRemovedSetting = defineRule({
  id: 'GDL124',
  name: 'godebug-removed-setting',
  language: 'go-values',
  defaultSeverity: 'error',
  fixSafety: 'safe',
  docs: {
    summary: 'GODEBUG restores a removed behaviour',
    what: 'Reports a `GODEBUG` entry that sets a removed setting (x509sha1, asynctimerchan, tls10server…) to its old value. Error on Go ≥ 1.27, warning before.',
    why: 'From Go 1.27 the runtime refuses to start: "removed GODEBUG … set to old value", and that includes the go command itself, so `RUN go build` fails too. Go 1.26 silently ignores the setting, so it already does nothing there.',
    example: 'GODEBUG=x509sha1=1\n',
    useInstead: 'GODEBUG=\n',
    references: ['https://go.dev/doc/godebug'],
  },
  check(scope, report) {
    const fatal = goAtLeast(scope.goVersion.version, 27);
    const ver = formatGoVersion(scope.goVersion.version);
    for (const b of bindingsFor(scope, 'GODEBUG')) {
      const { parts, entries } = godebugEntries(b.literal);
      for (const e of entries) {
        const removed = GODEBUG_REMOVED[e.key];
        if (removed === undefined || e.value === undefined || !removed.fatalValues.includes(godebugValue(e.value)))
          continue;
        const message = fatal
          ? `\`${e.part.text}\`: ${e.key} was removed in Go ${removed.removedIn}; Go ${ver} (from ${scope.goVersion.source}) exits at startup`
          : `\`${e.part.text}\`: ${e.key} was removed in Go ${removed.removedIn} and is ignored by Go ${ver}; from Go 1.27 it is fatal at startup`;
        report({
          range: valueSubRange(scope, b, e.part.start, e.part.end),
          message,
          severity: fatal ? 'error' : 'warning',
          fixes: [{ title: `Remove \`${e.part.text}\``, edits: [removeListItem(scope, b, parts, e.index)] }],
        });
      }
    }
  },
});
