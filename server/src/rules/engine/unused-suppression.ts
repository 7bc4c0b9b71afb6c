// Owns GDL003: a suppression comment that suppressed nothing.
import { defineRule } from '../rule';
import { suppressionCodeRemoval } from './suppression-fix';

export const unusedSuppression = defineRule({
  id: 'GDL003',
  name: 'unused-suppression',
  language: 'engine',
  defaultSeverity: 'information',
  fixSafety: 'safe',
  docs: {
    summary: 'Suppression suppresses nothing',
    what: 'With the `reportUnusedSuppressions` setting (or `lint --strict`), reports each code in a suppression comment that silenced no finding.',
    why: 'Stale suppressions outlive the problem they hid and would silently hide the next real one on that line.',
    example: '# go-deploy-lint ignore=GDL101\nPORT=8080\n',
    exampleSettings: { reportUnusedSuppressions: true },
    useInstead: 'PORT=8080\n',
  },
  check(input, report) {
    if (!input.reportUnusedSuppressions) return;
    for (const s of input.suppressions) {
      for (const c of s.codes) {
        if (input.used.has(c) || !input.knownCodes.has(c.code)) continue;
        const where = s.scope === 'file' ? 'in this file' : 'on the next line';
        report({
          range: c.range,
          message: `\`${c.code}\` suppresses nothing ${where}`,
          fixes: [suppressionCodeRemoval(s, c)],
        });
      }
    }
  },
});
