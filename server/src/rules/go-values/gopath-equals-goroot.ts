// Owns GDL143: a GOPATH entry that is GOROOT or lies inside it.
import { defineRule } from '../rule';
import { valueSubRange } from './input';
import { splitList } from './go-values';
import { lastLiteral, normalizeDir } from './go-paths';

export const gopathEqualsGoroot = defineRule({
  id: 'GDL143',
  name: 'gopath-equals-goroot',
  language: 'go-values',
  defaultSeverity: 'warning',
  fixSafety: 'none',
  docs: {
    summary: 'GOPATH is GOROOT or inside it',
    what: 'Reports a GOPATH entry that equals GOROOT or lies inside it (GOROOT as set in the same file, else the standard `/usr/local/go`).',
    why: 'The go command warns "both GOPATH and GOROOT are the same directory" and installs tools and the module cache into the Go installation, which an upgrade then wipes.',
    example: 'GOPATH=/usr/local/go\n',
    useInstead: 'GOPATH=/go\n',
  },
  check(scope, report) {
    const gorootBinding = lastLiteral(scope, 'GOROOT');
    const goroot = normalizeDir(gorootBinding?.literal ?? '/usr/local/go');
    if (goroot.includes('$')) return;
    const gopath = lastLiteral(scope, 'GOPATH');
    if (gopath === undefined) return;
    for (const p of splitList(gopath.literal, ':')) {
      const entry = normalizeDir(p.text);
      if (entry === '' || entry.includes('$')) continue;
      if (entry !== goroot && !entry.startsWith(`${goroot}/`)) continue;
      report({
        range: valueSubRange(scope, gopath, p.start, p.end),
        message: `GOPATH entry \`${p.text}\` ${entry === goroot ? 'is' : 'is inside'} GOROOT \`${goroot}\``,
        related:
          gorootBinding === undefined ? [] : [{ range: gorootBinding.valueRange, message: 'GOROOT is set here' }],
      });
    }
  },
});
