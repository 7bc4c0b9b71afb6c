// Owns GDL137: GO111MODULE selecting GOPATH mode, redundant `on`, or a fatal value.
import { defineRule } from '../rule';
import { bindingsFor, hasReference } from './go-values';

export const legacyGopathMode = defineRule({
  id: 'GDL137',
  name: 'legacy-gopath-mode',
  language: 'go-values',
  defaultSeverity: 'warning',
  fixSafety: 'unsafe',
  docs: {
    summary: 'GO111MODULE selects legacy GOPATH mode',
    what: 'Reports `GO111MODULE=off` or `auto` (warning), the redundant `on` (hint), and any other value (error).',
    why: 'GOPATH mode builds with Go 1.20 GODEBUG defaults, so the program misses later fixes such as container-aware GOMAXPROCS. `on` is the default since Go 1.16. Values such as `ON` or `true` make every go command fail with "unknown environment setting".',
    example: 'GO111MODULE=off\n',
    useInstead: '# modules are the default\n',
  },
  check(scope, report) {
    for (const b of bindingsFor(scope, 'GO111MODULE')) {
      const value = b.value ?? '';
      if (hasReference(value)) continue;
      const remove = [{ title: 'Remove `GO111MODULE`', edits: [b.remove()] }];
      if (value === 'on') {
        report({
          range: b.valueRange,
          severity: 'hint',
          message: '`GO111MODULE=on` is the default since Go 1.16 and can go',
          fixes: remove,
        });
      } else if (value === 'off' || value === 'auto') {
        report({
          range: b.valueRange,
          message: `\`GO111MODULE=${value}\` builds in legacy GOPATH mode, with Go 1.20 runtime defaults`,
          fixes: remove,
        });
      } else {
        report({
          range: b.valueRange,
          severity: 'error',
          message: `\`${value}\` is not on, off or auto: every go command fails with "unknown environment setting GO111MODULE=${value}"`,
        });
      }
    }
  },
});
