// Owns GDL133: GOPROXY lists with entries the go command rejects or can never reach.
import { defineRule } from '../rule';
import { valueSubRange } from './input';
import { bindingsFor, hasReference, splitList } from './go-values';
import { removeListItem } from './list-edits';

/** Returns why a GOPROXY entry is invalid, or undefined. Mirrors cmd/go's proxyList and newProxyRepo. */
export function goproxyEntryProblem(entry: string): string | undefined {
  if (entry === 'direct' || entry === 'off' || entry === 'noproxy') return undefined;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(entry);
  if (scheme?.[1] !== undefined) {
    const s = scheme[1].toLowerCase();
    if (s !== 'https' && s !== 'http' && s !== 'file')
      return `invalid proxy URL scheme (must be https, http, file): ${entry}`;
    return undefined;
  }
  if (entry.startsWith('/')) return undefined;
  if (/[.:/]/.test(entry)) return undefined; // the go command prepends https://
  return `invalid proxy URL missing scheme: ${entry}`;
}

export const malformedGoproxy = defineRule({
  id: 'GDL133',
  name: 'malformed-goproxy',
  language: 'go-values',
  defaultSeverity: 'error',
  fixSafety: 'unsafe',
  docs: {
    summary: 'GOPROXY has an invalid or unreachable entry',
    what: 'Reports GOPROXY entries that are bare words or use a scheme other than https, http or file, a list with no entries, and entries after `direct` or `off`.',
    why: 'Every module download fails with "invalid proxy URL". Entries after `direct` or `off` are never tried, so a proxy listed there is silently unused.',
    example: 'GOPROXY=direct,https://proxy.golang.org\n',
    useInstead: 'GOPROXY=https://proxy.golang.org,direct\n',
  },
  check(scope, report) {
    for (const b of bindingsFor(scope, 'GOPROXY')) {
      const value = b.value ?? '';
      if (hasReference(value)) continue;
      const parts = splitList(value, ',|');
      const live = parts.filter((p) => p.text.trim() !== '');
      if (live.length === 0) {
        report({ range: b.valueRange, message: `GOPROXY \`${value}\` contains no entries; module downloads fail` });
        continue;
      }
      let terminal: string | undefined;
      parts.forEach((p, i) => {
        const entry = p.text.trim();
        if (entry === '') return;
        const range = valueSubRange(scope, b, p.start, p.end);
        if (terminal !== undefined) {
          // `direct` first is usually a reordering mistake: offer to move it last; after `off`, drop the entry.
          const reordered =
            terminal === 'direct'
              ? [...live.filter((x) => x.text.trim() !== 'direct').map((x) => x.text.trim()), 'direct'].join(',')
              : undefined;
          const fix =
            reordered !== undefined
              ? { title: 'Move `direct` to the end of GOPROXY', edits: [b.replaceValue(reordered)] }
              : { title: `Remove \`${entry}\``, edits: [removeListItem(scope, b, parts, i)] };
          report({ range, message: `\`${entry}\` comes after \`${terminal}\` and is never tried`, fixes: [fix] });
          return;
        }
        const problem = goproxyEntryProblem(entry);
        if (problem !== undefined) report({ range, message: `\`${entry}\`: ${problem}` });
        if (entry === 'direct' || entry === 'off') terminal = entry;
      });
    }
  },
});
