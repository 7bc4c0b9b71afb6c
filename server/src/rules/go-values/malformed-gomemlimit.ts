// Owns GDL120: a GOMEMLIMIT the runtime rejects, which kills every Go binary at startup.
import { defineRule } from '../rule';
import { bindingsFor, hasReference } from './go-values';

const VALID = /^\+?([0-9]+)((?:[KMGT]i)?B)?$/;
const UNIT: Record<string, bigint> = { B: 1n, KiB: 1n << 10n, MiB: 1n << 20n, GiB: 1n << 30n, TiB: 1n << 40n };
const MAX_INT64 = (1n << 63n) - 1n;

/** Returns the canonical spelling for common mistakes (`512M`, `512MB`, `1g`, `OFF`), if obvious. */
export function suggestGoMemLimit(value: string): string | undefined {
  if (/^off$/i.test(value)) return 'off';
  const m = /^\s*\+?([0-9]+)\s*([kKmMgGtT])(?:i?[bB]|i)?\s*$/.exec(value);
  if (m?.[1] === undefined || m[2] === undefined) return undefined;
  return `${m[1]}${m[2].toUpperCase()}iB`;
}

export function isValidGoMemLimit(value: string): boolean {
  if (value === 'off') return true;
  const m = VALID.exec(value);
  if (m?.[1] === undefined) return false;
  return BigInt(m[1]) * (UNIT[m[2] ?? 'B'] ?? 1n) <= MAX_INT64;
}

export const malformedGomemlimit = defineRule({
  id: 'GDL120',
  name: 'malformed-gomemlimit',
  language: 'go-values',
  defaultSeverity: 'error',
  fixSafety: 'safe',
  docs: {
    summary: 'GOMEMLIMIT is malformed',
    what: 'Reports a `GOMEMLIMIT` that is not digits with an optional `B`, `KiB`, `MiB`, `GiB` or `TiB` suffix, or lowercase `off`.',
    why: 'The runtime parses GOMEMLIMIT before `main` and exits with "malformed GOMEMLIMIT" on anything else, so every Go program started with this environment dies at once. `512M`, `512MB`, `1G` and `OFF` are the usual mistakes. Fixing `512Mi` or `OFF` is safe; `512M`, `512MB` and `1G` may mean decimal units, so `512MiB` there is a suggestion.',
    example: 'GOMEMLIMIT=512M\n',
    useInstead: 'GOMEMLIMIT=512MiB\n',
    references: ['https://pkg.go.dev/runtime/debug#SetMemoryLimit'],
  },
  check(scope, report) {
    for (const b of bindingsFor(scope, 'GOMEMLIMIT')) {
      const value = b.value ?? '';
      if (hasReference(value) || isValidGoMemLimit(value)) continue;
      const suggestion = suggestGoMemLimit(value);
      const fixed =
        suggestion !== undefined && suggestion !== value && isValidGoMemLimit(suggestion) ? suggestion : undefined;
      report({
        range: b.valueRange,
        message: `\`${value}\` is not a valid GOMEMLIMIT: every Go program exits at startup with "malformed GOMEMLIMIT"`,
        // `512Mi` and `OFF` say what they mean; `512M`, `512MB`, `1G` may mean decimal megabytes: a suggestion.
        fixes:
          fixed === undefined
            ? []
            : [
                {
                  title: `Change to \`${fixed}\``,
                  edits: [b.replaceValue(fixed)],
                  safe: /^off$/i.test(value) || /^\s*\+?[0-9]+\s*[kKmMgGtT]i[bB]?\s*$/.test(value),
                },
              ],
      });
    }
  },
});
