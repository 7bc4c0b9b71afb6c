// Owns GDL144: PATH listing a directory with another `go` before the Go toolchain's bin.
import { defineRule } from '../rule';
import { posixBindingsFor } from './go-values';
import { valueSubRange } from './input';
import { isGoBinEntry, isGorootBinEntry, lastLiteral, normalizeDir, pathParts, SHADOWING_DIRS } from './go-paths';

export const pathShadowsGo = defineRule({
  id: 'GDL144',
  name: 'path-shadows-go',
  language: 'go-values',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  docs: {
    summary: 'Another `go` comes first on PATH',
    what: 'Reports a PATH that lists `/usr/bin`, `/usr/local/bin`, `/snap/bin` or similar before the Go toolchain directory (`$GOROOT/bin`, `/usr/local/go/bin`).',
    why: 'Those directories often hold a distro or snap `go`; the first one on PATH wins, so builds silently use an older Go than the one installed for them.',
    example: 'PATH=/usr/local/bin:/usr/bin:/usr/local/go/bin\n',
    useInstead: 'PATH=/usr/local/go/bin:/usr/local/bin:/usr/bin\n',
  },
  check(scope, report) {
    const goroot = lastLiteral(scope, 'GOROOT')?.literal;
    for (const b of posixBindingsFor(scope, 'PATH')) {
      if (b.value === undefined) continue;
      const parts = pathParts(b);
      // With GOROOT set, $GOROOT/bin is the toolchain meant; another Go's bin before it (/usr/local/go/bin when
      // GOROOT=/opt/go122) shadows it like /usr/bin does.
      const own = goroot === undefined ? -1 : parts.findIndex((p) => isGorootBinEntry(p.text, goroot));
      const goIndex = own >= 0 ? own : parts.findIndex((p) => isGoBinEntry(p.text, goroot));
      const goPart = parts[goIndex];
      if (goPart === undefined) continue;
      const shadow = parts
        .slice(0, goIndex)
        .find((p) => SHADOWING_DIRS.includes(normalizeDir(p.text)) || (own >= 0 && isGoBinEntry(p.text, undefined)));
      if (shadow === undefined) continue;
      const reordered = [goPart, ...parts.filter((_, i) => i !== goIndex)].map((p) => p.text).join(':');
      report({
        range: valueSubRange(scope, b, shadow.start, shadow.end),
        message: `\`${shadow.text}\` comes before \`${goPart.text}\` in PATH; a \`go\` there would run instead of this toolchain`,
        related: [{ range: valueSubRange(scope, b, goPart.start, goPart.end), message: 'The Go toolchain directory' }],
        fixes: [{ title: `Move \`${goPart.text}\` to the front of PATH`, edits: [b.replaceValue(reordered)] }],
      });
    }
  },
});
