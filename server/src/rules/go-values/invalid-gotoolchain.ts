// Owns GDL136: GOTOOLCHAIN values the go command refuses.
import { defineRule } from '../rule';
import { bindingsFor, hasReference } from './go-values';

/** Returns what is wrong with a GOTOOLCHAIN value and a likely correction. */
export function gotoolchainProblem(value: string): { message: string; fix?: string } | undefined {
  if (['local', 'auto', 'path'].includes(value)) return undefined;
  const plus = value.indexOf('+');
  const name = plus === -1 ? value : value.slice(0, plus);
  const suffix = plus === -1 ? undefined : value.slice(plus + 1);
  if (suffix !== undefined && suffix !== 'auto' && suffix !== 'path')
    return { message: 'only version suffixes are +auto and +path' };
  const m = /^go1\.(\d+)(\.\d+)?((?:rc|beta)\d+)?([-\s\t].*)?$/.exec(name);
  if (m === null) {
    const bare = /^(?:go)?(1\.\d+(?:\.\d+)?)$/i.exec(name);
    return {
      message: 'a toolchain name is local, auto, path or goX.Y.Z',
      ...(bare?.[1] !== undefined ? { fix: `go${bare[1]}${suffix === undefined ? '' : `+${suffix}`}` } : {}),
    };
  }
  const minor = Number(m[1]);
  if (m[2] === undefined && m[3] === undefined && minor >= 21) {
    return {
      message: `go1.${minor} is a language version, not a toolchain (use go1.${minor}.0 or a patch release)`,
      fix: `go1.${minor}.0${suffix === undefined ? '' : `+${suffix}`}`,
    };
  }
  return undefined;
}

export const invalidGotoolchain = defineRule({
  id: 'GDL136',
  name: 'invalid-gotoolchain',
  language: 'go-values',
  defaultSeverity: 'error',
  fixSafety: 'unsafe',
  docs: {
    summary: 'GOTOOLCHAIN is not a toolchain',
    what: 'Reports a `GOTOOLCHAIN` that is not `local`, `auto`, `path` or `goX.Y.Z` with an optional `+auto`/`+path`, including language versions such as `go1.27`.',
    why: 'Every go command fails with "invalid GOTOOLCHAIN"; `go1.27` first tries to download a toolchain that does not exist.',
    example: 'GOTOOLCHAIN=1.27.4\n',
    useInstead: 'GOTOOLCHAIN=go1.27.4\n',
  },
  check(scope, report) {
    for (const b of bindingsFor(scope, 'GOTOOLCHAIN')) {
      const value = b.value ?? '';
      if (hasReference(value)) continue;
      const problem = gotoolchainProblem(value);
      if (problem === undefined) continue;
      report({
        range: b.valueRange,
        message: `\`${value}\` is not a valid GOTOOLCHAIN: ${problem.message}`,
        fixes:
          problem.fix === undefined
            ? []
            : [{ title: `Change to \`${problem.fix}\``, edits: [b.replaceValue(problem.fix)] }],
      });
    }
  },
});
