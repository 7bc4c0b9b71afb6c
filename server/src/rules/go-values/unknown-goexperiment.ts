// Owns GDL148: GOEXPERIMENT names the go command does not know, which fail every build.
import { defineRule } from '../rule';
import { GOEXPERIMENTS_1_27, GOEXPERIMENTS_REMOVED } from '../../knowledge/go-env';
import { formatGoVersion, goAtLeast, parseGoVersion } from '../../knowledge/go-version';
import { valueSubRange } from './input';
import { bindingsFor, hasReference } from './go-values';

export const unknownGoexperiment = defineRule({
  id: 'GDL148',
  name: 'unknown-goexperiment',
  language: 'go-values',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'GOEXPERIMENT names an unknown experiment',
    what: 'Reports `GOEXPERIMENT` entries that the Go version in force does not know: misspelt names, names with spaces (the list is not trimmed), and experiments removed from that release (`swissmap` in Go 1.27). `noNAME` and `none` are judged like the names they turn off.',
    why: 'The go command refuses the whole build with "go: unknown GOEXPERIMENT swissmap" (src/internal/buildcfg/exp.go), so `RUN go build` fails and so does every `go` command run with that environment.',
    example: 'GOEXPERIMENT=greenteagc, simd\n',
    useInstead: 'GOEXPERIMENT=greenteagc,simd\n',
    references: ['https://pkg.go.dev/internal/goexperiment'],
  },
  check(scope, report) {
    const v = scope.goVersion.version;
    const is127 = goAtLeast(v, 27);
    for (const b of bindingsFor(scope, 'GOEXPERIMENT')) {
      const value = b.value ?? '';
      if (hasReference(value)) continue;
      let at = 0;
      for (const item of value.split(',')) {
        const start = at;
        at += item.length + 1;
        if (item === '' || item === 'none') continue;
        // `noNAME` turns NAME off; the go command knows it exactly when it knows NAME.
        const name = item.startsWith('no') && !GOEXPERIMENTS_1_27.has(item) ? item.slice(2) : item;
        if (GOEXPERIMENTS_1_27.has(name)) continue;
        const removedIn = GOEXPERIMENTS_REMOVED[name];
        const removed = removedIn === undefined ? undefined : parseGoVersion(removedIn);
        let why: string | undefined;
        if (/[^a-z0-9]/.test(name))
          why = /\s/.test(name) ? 'the space is part of the name' : 'names are lowercase letters and digits';
        else if (removed !== undefined)
          why = goAtLeast(v, removed.minor) ? `it was removed in Go ${removedIn ?? ''}` : undefined;
        // The full list is known for Go 1.27; for older releases an unlisted name may be one of theirs.
        else if (is127) why = 'no such experiment';
        if (why === undefined) continue;
        report({
          range: valueSubRange(scope, b, start, start + item.length),
          message: `\`${item}\` is not a GOEXPERIMENT Go ${formatGoVersion(v)} knows (${why}): every go command fails`,
        });
      }
    }
  },
});
