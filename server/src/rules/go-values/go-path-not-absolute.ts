// Owns GDL142: GOPATH entries and Go directory variables that are relative or start with `~`.
import { defineRule } from '../rule';
import { GO_PATH_VARIABLES } from '../../knowledge/go-env';
import { valueSubRange } from './input';
import { posixBindingsFor, splitList } from './go-values';

export const goPathNotAbsolute = defineRule({
  id: 'GDL142',
  name: 'go-path-not-absolute',
  language: 'go-values',
  defaultSeverity: 'error',
  fixSafety: 'unsafe',
  docs: {
    summary: 'Go directory is not an absolute path',
    what: 'Reports GOPATH entries and `GOROOT`, `GOBIN`, `GOCACHE`, `GOMODCACHE`, `GOTMPDIR`, `GOWORK` values that are relative or start with `~` (and `GOCACHE=off`). Suggests `${HOME}/go` in env files whose loader expands variables and `%h/go` in units.',
    why: 'No env loader and no systemd unit expands `~`; the go command exits with "GOPATH entry cannot start with shell metacharacter \'~\'" or "must be absolute path".',
    example: 'GOPATH=~/go\n',
    useInstead: 'GOPATH=/home/app/go\n',
  },
  check(scope, report) {
    for (const b of posixBindingsFor(scope, ...GO_PATH_VARIABLES)) {
      const value = b.value ?? '';
      if (b.name === 'GOWORK' && (value === 'off' || value === 'auto')) continue;
      if (b.name === 'GOCACHE' && value === 'off') {
        report({ range: b.valueRange, message: '`GOCACHE=off` is fatal since Go 1.12: the build cache is required' });
        continue;
      }
      const parts = b.name === 'GOPATH' ? splitList(value, ':') : [{ text: value, start: 0, end: value.length }];
      for (const p of parts) {
        if (p.text === '' || p.text.startsWith('/') || p.text.startsWith('$')) continue;
        const tilde = p.text.startsWith('~');
        // `~/go` → `${HOME}/go` where the loader expands variables (env files), `%h/go` in units (systemd's home
        // specifier); Dockerfile ENV has no HOME unless the file sets it, so no fix there. A suggestion: %h is the
        // manager's user's home, and HOME may differ from the `~` meant.
        const home =
          !tilde || !p.text.startsWith('~/')
            ? undefined
            : scope.surface === 'env-file' && scope.expanding
              ? '${HOME}'
              : scope.surface === 'systemd'
                ? '%h'
                : undefined;
        const verbatim = value === b.literal && b.exactOffset !== undefined;
        const edit =
          home === undefined || !verbatim
            ? undefined
            : home === '%h'
              ? { range: valueSubRange(scope, b, p.start, p.start + 1), newText: '%h' }
              : b.replaceValue(b.literal.slice(0, p.start) + home + p.text.slice(1) + b.literal.slice(p.end));
        report({
          range: value === b.literal ? valueSubRange(scope, b, p.start, p.end) : b.valueRange,
          message: tilde
            ? `\`${p.text}\` in ${b.name} starts with \`~\`, which nothing expands here; the go command exits with an error`
            : `\`${p.text}\` in ${b.name} is a relative path; the go command requires an absolute one`,
          fixes:
            edit === undefined || home === undefined
              ? []
              : [{ title: `Use \`${home}${p.text.slice(1)}\``, edits: [edit] }],
        });
      }
    }
  },
});
