// Owns GDL002: a suppression comment that names a code no rule has.
import { defineRule } from '../rule';
import { suppressionCodeRemoval } from './suppression-fix';

export const unknownRuleInSuppression = defineRule({
  id: 'GDL002',
  name: 'unknown-rule-in-suppression',
  language: 'engine',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  docs: {
    summary: 'Suppression names an unknown rule',
    what: 'Reports each code in a `# go-deploy-lint ignore=` or `ignore-file=` comment that is not a Go Deploy Lint rule.',
    why: 'A mistyped code suppresses nothing, so the finding it was meant to silence stays, or a later one is hidden by the wrong code.',
    example: '# go-deploy-lint ignore=GDL999\nPORT=8080\n',
    useInstead: 'PORT=8080\n',
  },
  check(input, report) {
    for (const s of input.suppressions) {
      for (const c of s.codes) {
        if (input.knownCodes.has(c.code)) continue;
        report({
          range: c.range,
          message: `\`${c.code}\` is not a Go Deploy Lint rule`,
          fixes: [suppressionCodeRemoval(s, c)],
        });
      }
    }
  },
});
