// Owns GDL121: a GOGC the runtime silently replaces with 100.
import { defineRule } from '../rule';
import { bindingsFor, hasReference, parseInt32 } from './go-values';

export function suggestGoGC(value: string): string | undefined {
  if (/^off$/i.test(value.trim())) return 'off';
  const m = /^\s*([+-]?[0-9]+)\s*%?\s*$/.exec(value);
  return m?.[1] !== undefined && parseInt32(m[1]) !== undefined ? m[1] : undefined;
}

export const invalidGogc = defineRule({
  id: 'GDL121',
  name: 'invalid-gogc',
  language: 'go-values',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  docs: {
    summary: 'GOGC is not an integer or `off`',
    what: 'Reports a `GOGC` that is not a 32-bit integer and not lowercase `off`.',
    why: 'The runtime silently falls back to 100 on anything it cannot parse, so `OFF`, `100%` or ` 50` tune nothing and nobody notices.',
    example: 'GOGC=200%\n',
    useInstead: 'GOGC=200\n',
  },
  check(scope, report) {
    for (const b of bindingsFor(scope, 'GOGC')) {
      const value = b.value ?? '';
      if (hasReference(value) || value === 'off' || parseInt32(value) !== undefined) continue;
      const fixed = suggestGoGC(value);
      report({
        range: b.valueRange,
        message: `\`${value}\` is not a valid GOGC: the runtime silently uses 100`,
        fixes: fixed === undefined ? [] : [{ title: `Change to \`${fixed}\``, edits: [b.replaceValue(fixed)] }],
      });
    }
  },
});
