// Owns GDL139: GOSUMDB and GOVCS values outside their grammars.
import { defineRule } from '../rule';
import { bindingsFor, hasReference, splitList } from './go-values';

const VCS = ['git', 'hg', 'svn', 'bzr', 'fossil'];

export function gosumdbProblem(value: string): string | undefined {
  if (value === 'off') return undefined;
  const fields = value.trim().split(/\s+/);
  if (fields.length > 2) return 'too many fields';
  const name = fields[0] ?? '';
  const host = name.includes('+') ? name.slice(0, name.indexOf('+')) : name;
  if (name.includes('+') && !/^[^+]+\+[0-9a-f]{8}\+[A-Za-z0-9+/=]+$/.test(name))
    return `malformed verifier key \`${name}\``;
  if (!/^[A-Za-z0-9.-]+(\/[A-Za-z0-9._~/-]*)?$/.test(host) || !host.includes('.'))
    return `invalid sumdb name (must be host[/path]): ${host}`;
  const url = fields[1];
  if (url !== undefined && !/^https?:\/\//.test(url)) return `the URL \`${url}\` must start with https:// or http://`;
  return undefined;
}

export function govcsProblem(value: string): string | undefined {
  const seen: string[] = [];
  for (const p of splitList(value, ',')) {
    const item = p.text.trim();
    if (item === '') return 'empty entry in GOVCS';
    const colon = item.lastIndexOf(':');
    if (colon === -1) return `malformed entry in GOVCS (missing colon): "${item}"`;
    const pattern = item.slice(0, colon).trim();
    const list = item.slice(colon + 1).trim();
    if (pattern === '') return 'empty pattern in GOVCS';
    if (list === '') return 'empty VCS list in GOVCS';
    if (pattern === '.' || pattern === '..' || pattern.startsWith('./') || pattern.startsWith('../'))
      return 'relative pattern not allowed in GOVCS';
    if (seen.includes(pattern)) return `unreachable pattern in GOVCS: "${pattern}"`;
    seen.push(pattern);
    if (list === 'all' || list === 'off') continue;
    for (const v of list.split('|')) {
      if (v.trim() === '') return 'empty VCS name in GOVCS';
      if (!VCS.includes(v.trim())) return `unknown VCS \`${v.trim()}\` in GOVCS`;
    }
  }
  return undefined;
}

export const invalidGosumdbGovcs = defineRule({
  id: 'GDL139',
  name: 'invalid-gosumdb-govcs',
  language: 'go-values',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'GOSUMDB or GOVCS is malformed',
    what: 'Reports a `GOSUMDB` that is not `off`, a database name or key with an optional URL, and a `GOVCS` that is not a list of `pattern:vcs|vcs`.',
    why: 'Every module download fails with "invalid GOSUMDB" or the GOVCS parse error.',
    example: 'GOVCS=private:all,public\n',
    useInstead: 'GOVCS=private:all,public:git|hg\n',
  },
  check(scope, report) {
    for (const b of bindingsFor(scope, 'GOSUMDB')) {
      const value = b.value ?? '';
      const problem = hasReference(value) ? undefined : gosumdbProblem(value);
      if (problem !== undefined) report({ range: b.valueRange, message: `Invalid GOSUMDB \`${value}\`: ${problem}` });
    }
    for (const b of bindingsFor(scope, 'GOVCS')) {
      const value = b.value ?? '';
      const problem = hasReference(value) ? undefined : govcsProblem(value);
      if (problem !== undefined) report({ range: b.valueRange, message: `Invalid GOVCS \`${value}\`: ${problem}` });
    }
  },
});
