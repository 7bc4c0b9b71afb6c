// Owns GDL141: GOROOT set at all, which the go command does not need and which goes stale on upgrade.
import { defineRule } from '../rule';
import { bindingsFor } from './go-values';
import { gorootProblem } from './goroot-not-install-root';

export const gorootSetUnnecessarily = defineRule({
  id: 'GDL141',
  name: 'goroot-set-unnecessarily',
  language: 'go-values',
  defaultSeverity: 'information',
  fixSafety: 'unsafe',
  docs: {
    summary: 'GOROOT is set explicitly',
    what: 'Reports a `GOROOT` assignment in a deploy or build file.',
    why: 'Since Go 1.10 the go command finds its own root. A fixed GOROOT goes stale when Go is upgraded or installed elsewhere and then fails with "compile: version … does not match go tool version".',
    example: 'GOROOT=/usr/local/go\n',
    useInstead: '# GOROOT is found by the go command\n',
  },
  check(scope, report) {
    for (const b of bindingsFor(scope, 'GOROOT')) {
      if (gorootProblem(b.literal) !== undefined) continue;
      report({
        range: b.nameRange,
        message: '`GOROOT` does not need to be set; a fixed value breaks builds after a Go upgrade',
        fixes: [{ title: 'Remove the GOROOT assignment', edits: [b.remove()] }],
      });
    }
  },
});
