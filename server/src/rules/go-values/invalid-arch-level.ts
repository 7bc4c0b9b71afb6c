// Owns GDL132: GOAMD64, GOARM and the other per-architecture levels outside their grammar.
import { defineRule } from '../rule';
import { goAtLeast } from '../../knowledge/go-version';
import { bindingsFor, hasReference } from './go-values';

interface Level {
  readonly valid: RegExp;
  readonly expect: string;
  /** True where Go 1.23+ silently accepts a bad value (the buildcfg bug). */
  readonly silent?: boolean;
  readonly fix?: (v: string) => string | undefined;
}

const LEVELS: Record<string, Level> = {
  GOAMD64: {
    valid: /^v[1-4]$/,
    expect: 'v1, v2, v3 or v4',
    silent: true,
    fix: (v) => (/^[vV]?[1-4]$/.test(v) ? `v${v.slice(-1)}` : undefined),
  },
  GOARM: {
    valid: /^[567](,(softfloat|hardfloat))?$/,
    expect: '5, 6 or 7, with an optional ,softfloat or ,hardfloat',
    silent: true,
    fix: (v) => (/^v[567](,(softfloat|hardfloat))?$/i.test(v) ? v.slice(1).toLowerCase() : undefined),
  },
  GOARM64: {
    valid: /^v(8\.[0-9]|9\.[0-5])(,(lse|crypto))*$/,
    expect: 'v8.0–v8.9 or v9.0–v9.5, optionally with ,lse and ,crypto',
    fix: (v) => (/^v?[89]$/.test(v) ? `v${v.replace('v', '')}.0` : undefined),
  },
  GO386: {
    valid: /^(sse2|softfloat)$/,
    expect: 'sse2 or softfloat',
    fix: (v) => (v === '387' ? 'softfloat' : undefined),
  },
  GOMIPS: { valid: /^(hardfloat|softfloat)$/, expect: 'hardfloat or softfloat' },
  GOMIPS64: { valid: /^(hardfloat|softfloat)$/, expect: 'hardfloat or softfloat' },
  GOPPC64: {
    valid: /^power(8|9|10)$/,
    expect: 'power8, power9 or power10',
    fix: (v) => (/^(8|9|10)$/.test(v) ? `power${v}` : undefined),
  },
  GORISCV64: { valid: /^rva2[023]u64$/, expect: 'rva20u64, rva22u64 or rva23u64' },
};

export const invalidArchLevel = defineRule({
  id: 'GDL132',
  name: 'invalid-arch-level',
  language: 'go-values',
  defaultSeverity: 'error',
  fixSafety: 'safe',
  docs: {
    summary: 'Architecture level variable is invalid',
    what: "Reports `GOAMD64`, `GOARM`, `GOARM64`, `GO386`, `GOMIPS`, `GOMIPS64`, `GOPPC64` and `GORISCV64` values outside their grammar, e.g. `GOARM=v7` (Docker's TARGETVARIANT spelling).",
    why: 'Most values stop the build. Worse, Go 1.23–1.27 silently accept a bad GOAMD64 or GOARM and build the default level (GOARM=v6 even mixes v6 and v7 code), so the binary is not what you asked for.',
    example: 'GOARCH=arm\nGOARM=v7\n',
    useInstead: 'GOARCH=arm\nGOARM=7\n',
  },
  check(scope, report) {
    for (const [name, level] of Object.entries(LEVELS)) {
      for (const b of bindingsFor(scope, name)) {
        const value = b.value ?? '';
        const tooNew = name === 'GORISCV64' && value === 'rva23u64' && !goAtLeast(scope.goVersion.version, 25);
        if (hasReference(value) || (level.valid.test(value) && !tooNew)) continue;
        const fixed = level.fix?.(value);
        const silent = level.silent === true && goAtLeast(scope.goVersion.version, 23);
        const consequence = silent ? 'Go 1.23+ silently builds the default level instead' : 'the build fails';
        report({
          range: b.valueRange,
          message: `\`${value}\` is not a valid ${name} (expected ${level.expect}); ${consequence}`,
          fixes: fixed === undefined ? [] : [{ title: `Change to \`${fixed}\``, edits: [b.replaceValue(fixed)] }],
        });
      }
    }
  },
});
