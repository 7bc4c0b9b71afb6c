// Owns GDL122: a GOMAXPROCS the runtime ignores, or one so large it hangs startup.
import { defineRule } from '../rule';
import { bindingsFor, hasReference, parseInt32 } from './go-values';

export const invalidGomaxprocs = defineRule({
  id: 'GDL122',
  name: 'invalid-gomaxprocs',
  language: 'go-values',
  defaultSeverity: 'warning',
  fixSafety: 'none',
  docs: {
    summary: 'GOMAXPROCS is not a sane positive integer',
    what: 'Reports a `GOMAXPROCS` that is not a positive integer, or is larger than 10000.',
    why: 'Zero, negative, fractional or padded values are silently ignored and the default applies; huge values were seen to hang startup for more than 20 s (100000) or crash it (2147483647).',
    example: 'GOMAXPROCS=0.5\n',
    useInstead: 'GOMAXPROCS=2\n',
  },
  check(scope, report) {
    for (const b of bindingsFor(scope, 'GOMAXPROCS')) {
      const value = b.value ?? '';
      if (hasReference(value)) continue;
      const n = parseInt32(value);
      if (n === undefined || n <= 0) {
        report({
          range: b.valueRange,
          message: `\`${value}\` is not a positive integer: the runtime ignores GOMAXPROCS and uses its default`,
        });
      } else if (n > 10000) {
        report({
          range: b.valueRange,
          message: `GOMAXPROCS \`${value}\` is absurdly large: startup was seen to hang or crash above 10⁵`,
        });
      }
    }
  },
});
