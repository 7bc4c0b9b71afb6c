// Owns GDL130: CGO_ENABLED values other than exactly 0 or 1, which the go command ignores.
import { defineRule } from '../rule';
import { bindingsFor, hasReference } from './go-values';

export function suggestCgoEnabled(value: string): string | undefined {
  const v = value
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (['0', 'false', 'no', 'off', 'n', 'f'].includes(v)) return '0';
  if (['1', 'true', 'yes', 'on', 'y', 't'].includes(v)) return '1';
  return undefined;
}

export const invalidCgoEnabled = defineRule({
  id: 'GDL130',
  name: 'invalid-cgo-enabled',
  language: 'go-values',
  defaultSeverity: 'error',
  fixSafety: 'safe',
  docs: {
    summary: 'CGO_ENABLED is not `0` or `1`',
    what: 'Reports a `CGO_ENABLED` that is not exactly `0` or `1`.',
    why: 'The go command honours only `0` and `1` and silently ignores anything else, so `CGO_ENABLED=false` still builds with cgo wherever gcc exists: the binary links glibc dynamically and fails on Alpine, scratch or distroless/static.',
    example: 'CGO_ENABLED=false\n',
    useInstead: 'CGO_ENABLED=0\n',
  },
  check(scope, report) {
    for (const b of bindingsFor(scope, 'CGO_ENABLED')) {
      const value = b.value ?? '';
      if (hasReference(value) || value === '0' || value === '1') continue;
      const fixed = suggestCgoEnabled(value);
      report({
        range: b.valueRange,
        message: `\`${value}\` is ignored by the go command (only \`0\` and \`1\` count); cgo stays at its default, on where a C compiler exists`,
        fixes: fixed === undefined ? [] : [{ title: `Change to \`${fixed}\``, edits: [b.replaceValue(fixed)] }],
      });
    }
  },
});
