// Owns GDL140: GOROOT pointing at bin/, src/, the go binary or a GOPATH instead of the install root.
import { defineRule } from '../rule';
import { posixBindingsFor, hasReference } from './go-values';
import { normalizeDir } from './go-paths';

export function gorootProblem(value: string): { message: string; fix?: string } | undefined {
  const v = normalizeDir(value);
  const suffix = /\/(bin\/go|bin|src|pkg\/tool)$/.exec(v);
  if (suffix?.[1] !== undefined) {
    const root = v.slice(0, v.length - suffix[1].length - 1) || '/';
    return { message: `ends in \`/${suffix[1]}\`; GOROOT is the installation root`, fix: root };
  }
  if (/^(~|\/root|\/home\/[^/]+)\/go$/.test(v) || v === '/go')
    return { message: 'looks like a GOPATH (workspace), not a Go installation' };
  return undefined;
}

export const gorootNotInstallRoot = defineRule({
  id: 'GDL140',
  name: 'goroot-not-install-root',
  language: 'go-values',
  defaultSeverity: 'error',
  fixSafety: 'safe',
  docs: {
    summary: 'GOROOT is not a Go installation root',
    what: 'Reports a `GOROOT` that ends in `/bin`, `/src`, `/bin/go`, or names a workspace such as `~/go` or `/go`.',
    why: 'The go command trusts GOROOT blindly: with the wrong directory every build fails ("package fmt is not in std") or the go binary is not found.',
    example: 'GOROOT=/usr/local/go/bin\n',
    useInstead: 'GOROOT=/usr/local/go\n',
  },
  check(scope, report) {
    for (const b of posixBindingsFor(scope, 'GOROOT')) {
      const value = b.value ?? '';
      if (hasReference(value) && !b.literal.startsWith('/')) continue;
      const problem = gorootProblem(b.literal);
      if (problem === undefined) continue;
      report({
        range: b.valueRange,
        message: `GOROOT \`${b.literal}\` ${problem.message}`,
        fixes:
          problem.fix === undefined
            ? []
            : [{ title: `Change to \`${problem.fix}\``, edits: [b.replaceValue(problem.fix)] }],
      });
    }
  },
});
