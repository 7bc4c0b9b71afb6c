// Owns GDL146: PATH replaced without keeping the inherited $PATH, in surfaces that expand variables.
import { defineRule } from '../rule';
import { posixBindingsFor } from './go-values';
import { keepsInheritedPath } from './go-paths';

export const pathOverwritten = defineRule({
  id: 'GDL146',
  name: 'path-overwritten',
  language: 'go-values',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  docs: {
    summary: 'PATH is replaced, not extended',
    what: 'In surfaces that expand variables (dotenv-expand, Compose, Dockerfile ENV, shells), reports a PATH that does not include `$PATH`.',
    why: 'The system directories vanish: `sh`, `git` or `ca-certificates` helpers are no longer found, and errors appear far from this line. (In dialects without expansion `$PATH` would stay literal; see GDL106.)',
    example: '# go-deploy-lint dialect=compose\nPATH=/usr/local/go/bin\n',
    useInstead: '# go-deploy-lint dialect=compose\nPATH=/usr/local/go/bin:$PATH\n',
  },
  check(scope, report) {
    // Dockerfiles have their own code for this (GDL415).
    if (!scope.expanding || scope.surface === 'dockerfile') return;
    for (const b of posixBindingsFor(scope, 'PATH')) {
      if (b.value === undefined || b.value === '' || keepsInheritedPath(b.literal)) continue;
      report({
        range: b.valueRange,
        message: 'PATH is replaced without `$PATH`: the system directories are no longer searched',
        fixes: [{ title: 'Append `:$PATH`', edits: [b.replaceValue(`${b.literal}:$PATH`)] }],
      });
    }
  },
});
