// Owns GDL147: `$GOPATH`-style references on a line before the line that sets the variable.
import { defineRule } from '../rule';
import { isGoRelevant } from '../../knowledge/go-env';
import { valueSubRange } from './input';

export const variableUsedBeforeSet = defineRule({
  id: 'GDL147',
  name: 'variable-used-before-set',
  language: 'go-values',
  defaultSeverity: 'warning',
  fixSafety: 'none',
  docs: {
    summary: 'Variable referenced before it is set',
    what: 'In surfaces that expand variables, reports `$GOROOT`, `$GOPATH` and other Go variables referenced on a line before the line that sets them.',
    why: 'Expansion reads the variables set so far, so the reference expands to the inherited value or to nothing: `PATH=$GOPATH/bin:$PATH` before `GOPATH=/go` gives `/bin` on PATH.',
    example: '# go-deploy-lint dialect=compose\nPATH=$GOPATH/bin:$PATH\nGOPATH=/go\n',
    useInstead: '# go-deploy-lint dialect=compose\nGOPATH=/go\nPATH=$GOPATH/bin:$PATH\n',
  },
  check(scope, report) {
    if (!scope.expanding) return;
    const firstSet = new Map<string, number>();
    scope.bindings.forEach((b, i) => {
      if (!firstSet.has(b.name)) firstSet.set(b.name, i);
    });
    scope.bindings.forEach((b, i) => {
      if (!b.literal.includes('$')) return;
      const re = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g;
      for (let m = re.exec(b.literal); m !== null; m = re.exec(b.literal)) {
        const name = m[1] ?? '';
        if (name === 'PATH' || name === b.name || !isGoRelevant(name)) continue;
        const setAt = firstSet.get(name);
        if (setAt === undefined || setAt <= i) continue;
        const setter = scope.bindings[setAt];
        report({
          range: valueSubRange(scope, b, m.index, m.index + m[0].length + (m[0].startsWith('${') ? 1 : 0)),
          message: `\`${name}\` is used here but only set on line ${(setter?.nameRange.start.line ?? 0) + 1}; here it expands to the inherited value or nothing`,
          related: setter === undefined ? [] : [{ range: setter.nameRange, message: `${name} is set here` }],
        });
      }
    });
  },
});
