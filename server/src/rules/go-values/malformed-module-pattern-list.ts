// Owns GDL134: GOPRIVATE-style glob lists with spaces or broken globs, which silently match nothing.
import { defineRule } from '../rule';
import { valueSubRange } from './input';
import { bindingsFor, hasReference, splitList } from './go-values';
import { replaceListItem } from './list-edits';

const NAMES = ['GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GOINSECURE'];

function globProblem(pattern: string): string | undefined {
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      if (i + 1 >= pattern.length) return 'ends with a lone `\\`';
      i++;
    } else if (c === '[') depth++;
    else if (c === ']') depth = Math.max(0, depth - 1);
  }
  if (depth > 0) return 'has an unclosed `[`';
  return undefined;
}

export const malformedModulePatternList = defineRule({
  id: 'GDL134',
  name: 'malformed-module-pattern-list',
  language: 'go-values',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  docs: {
    summary: 'Module pattern list entry never matches',
    what: 'Reports entries of `GOPRIVATE`, `GONOPROXY`, `GONOSUMDB` and `GOINSECURE` that contain whitespace or are malformed globs.',
    why: 'The list is split on commas without trimming, so in `a.com, b.com` the second pattern is ` b.com` and never matches: private modules go to the public proxy and checksum database, and fail.',
    example: 'GOPRIVATE=git.corp.example, github.com/acme\n',
    useInstead: 'GOPRIVATE=git.corp.example,github.com/acme\n',
  },
  check(scope, report) {
    for (const b of bindingsFor(scope, ...NAMES)) {
      const value = b.value ?? '';
      if (hasReference(value)) continue;
      for (const p of splitList(value, ',')) {
        if (p.text === '') continue;
        const range = valueSubRange(scope, b, p.start, p.end);
        if (/\s/.test(p.text)) {
          const fixed = p.text.replace(/\s+/g, '');
          report({
            range,
            message: `\`${p.text}\` in ${b.name} contains whitespace, so the pattern never matches`,
            fixes: [{ title: 'Remove the whitespace', edits: [replaceListItem(scope, b, p, fixed)] }],
          });
          continue;
        }
        const problem = globProblem(p.text);
        if (problem !== undefined)
          report({ range, message: `\`${p.text}\` in ${b.name} ${problem}; the go command silently ignores it` });
      }
    }
  },
});
