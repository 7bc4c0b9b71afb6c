// Owns GDL123: a GOTRACEBACK word the runtime does not know, which silently means `none`.
import { defineRule } from '../rule';
import { bindingsFor, hasReference } from './go-values';

const LEVELS = ['none', 'single', 'all', 'system', 'crash'];

export const invalidGotraceback = defineRule({
  id: 'GDL123',
  name: 'invalid-gotraceback',
  language: 'go-values',
  defaultSeverity: 'warning',
  fixSafety: 'unsafe',
  docs: {
    summary: 'GOTRACEBACK is not a known level',
    what: 'Reports a `GOTRACEBACK` that is not `none`, `single`, `all`, `system`, `crash` or an integer.',
    why: 'The runtime treats an unknown word as `none`: a crash then prints only the panic line and no goroutine trace, exactly when you need it.',
    example: 'GOTRACEBACK=ALL\n',
    useInstead: 'GOTRACEBACK=all\n',
  },
  check(scope, report) {
    for (const b of bindingsFor(scope, 'GOTRACEBACK')) {
      const value = b.value ?? '';
      if (hasReference(value) || LEVELS.includes(value) || /^[0-9]+$/.test(value)) continue;
      const lower = value.trim().toLowerCase();
      const fixed = LEVELS.includes(lower) ? lower : undefined;
      report({
        range: b.valueRange,
        message: `\`${value}\` is not a GOTRACEBACK level: crashes silently print no goroutine traces (as with \`none\`)`,
        fixes: fixed === undefined ? [] : [{ title: `Change to \`${fixed}\``, edits: [b.replaceValue(fixed)] }],
      });
    }
  },
});
