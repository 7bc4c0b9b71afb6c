// Owns GDL138: GO* names that look like Go variables but that nothing reads.
import { defineRule } from '../rule';
import { GO_VARIABLES, isKnownGoName } from '../../knowledge/go-env';
import { closest } from './go-values';

/** Misnames seen in the wild that edit distance alone would not find. */
const MISNAMES: Readonly<Record<string, string>> = {
  GONOSUMCHECK: 'GONOSUMDB',
  GOPROXY_URL: 'GOPROXY',
  GO_111MODULE: 'GO111MODULE',
  GOMEMORYLIMIT: 'GOMEMLIMIT',
  GO_MAXPROCS: 'GOMAXPROCS',
  GOMEM_LIMIT: 'GOMEMLIMIT',
  CGO_ENABLE: 'CGO_ENABLED',
  CGO_DISABLED: 'CGO_ENABLED',
};
// Read-only or informational names are never what a misspelt setting meant (GO_VERSION is a common build ARG).
const NAMES = GO_VARIABLES.filter((v) => v.effect === undefined)
  .map((v) => v.name)
  .concat('CGO_ENABLED');

export function suggestGoName(name: string): string | undefined {
  const c = name.charCodeAt(0);
  if (c !== 71 /* G */ && c !== 67 /* C */) return undefined;
  if (isKnownGoName(name) && !(name in MISNAMES)) return undefined;
  const explicit = MISNAMES[name];
  if (explicit !== undefined) return explicit;
  if (!/^C?GO/.test(name)) return undefined;
  const squeezed = NAMES.find((n) => n.replace(/_/g, '') === name.replace(/_/g, ''));
  if (squeezed !== undefined) return squeezed;
  const prefix = NAMES.find((n) => name.startsWith(`${n}_`) && n.length >= 5);
  if (prefix !== undefined) return prefix;
  return name.length >= 6 ? closest(name, NAMES, 2) : undefined;
}

export const unknownGoVariable = defineRule({
  id: 'GDL138',
  name: 'unknown-go-variable',
  language: 'go-values',
  defaultSeverity: 'warning',
  fixSafety: 'unsafe',
  docs: {
    summary: 'Go-like variable that Go never reads',
    what: 'Reports a variable that is not a Go variable but is one typo away from one (`GONOSUMCHECK`, `GOPROXY_URL`, `GO_111MODULE`, `GOMAXPROC`), and suggests the real name.',
    why: 'Nothing reads the misspelt name, so the setting silently does nothing: private modules still hit the checksum database, the proxy is not used.',
    example: 'GONOSUMCHECK=github.com/acme\n',
    useInstead: 'GONOSUMDB=github.com/acme\n',
  },
  check(scope, report) {
    for (const b of scope.bindings) {
      const real = suggestGoName(b.name);
      if (real === undefined) continue;
      report({
        range: b.nameRange,
        message: `\`${b.name}\` is not a Go variable and nothing reads it; did you mean \`${real}\`?`,
        fixes: [{ title: `Rename to \`${real}\``, edits: [{ range: b.nameRange, newText: real }] }],
      });
    }
  },
});
