// Owns GDL413: go build flags that are obsolete (`-a`, `-installsuffix`), removed (`-i`) or without effect.
import { defineRule, type FixInput } from '../rule';
import { goAtLeast } from '../../knowledge/go-version';
import { cgoState, ldflags } from '../../parsers/dockerfile/linkage';

export const obsoleteGoBuildFlag = defineRule({
  id: 'GDL413',
  name: 'obsolete-go-build-flag',
  language: 'dockerfile',
  defaultSeverity: 'information',
  fixSafety: 'safe',
  docs: {
    summary: 'Obsolete go build flag',
    what: 'Reports `-installsuffix cgo` and `-a` (obsolete since the build cache), `-i` (removed in Go 1.20: the build fails), `-extldflags "-static"` without `-linkmode external` (no effect) and `-w` next to `-s` (redundant since Go 1.22).',
    why: 'They are copied from pre-2018 tutorials: `-a` rebuilds the standard library every time (slow), `-i` breaks the build, and `-extldflags -static` gives a false sense of a static binary.',
    example: 'FROM golang:1.27\nRUN CGO_ENABLED=0 go build -a -installsuffix cgo -o /app .\n',
    useInstead: 'FROM golang:1.27\nRUN CGO_ENABLED=0 go build -o /app .\n',
    exampleFile: 'Dockerfile',
  },
  check({ model, index, goVersion }, report) {
    for (const stage of model.stages) {
      for (const b of stage.goBuilds) {
        const remove = (r: {
          start: { line: number; character: number };
          end: { line: number; character: number };
        }): FixInput[] => {
          if (b.execForm) return [];
          const start = index.offsetAt(r.start);
          const end = index.offsetAt(r.end);
          const before = index.text[start - 1] === ' ' ? 1 : 0;
          return [
            {
              title: `Remove \`${index.text.slice(start, end)}\``,
              edits: [{ range: index.range(start - before, end), newText: '' }],
            },
          ];
        };
        for (const f of b.flags) {
          if (f.name === 'i' && f.value === undefined)
            report({
              range: f.range,
              severity: 'error',
              message: '`-i` was removed in Go 1.20: the build fails with "flag provided but not defined: -i"',
              fixes: remove(f.range),
            });
          else if (f.name === 'a' && f.value === undefined)
            report({
              range: f.range,
              message:
                '`-a` rebuilds every package, the standard library included, on each build; the build cache makes it unnecessary',
              fixes: remove(f.range),
            });
          else if (f.name === 'installsuffix')
            report({
              range: f.range,
              message: `\`-installsuffix ${f.value ?? ''}\` has no effect with the build cache (Go 1.10+)`,
              fixes: remove(f.range),
            });
        }
        const ld = ldflags(b);
        const ldFlag = b.flags.find((f) => f.name === 'ldflags');
        if (ldFlag === undefined) continue;
        // Edits inside the -ldflags value: only where the text is there as written (a suggestion: it rewrites a quoted string).
        const flagStart = index.offsetAt(ldFlag.range.start);
        const flagText = index.text.slice(flagStart, index.offsetAt(ldFlag.range.end));
        const cut = (re: RegExp, title: string): FixInput[] => {
          const m = b.execForm ? null : re.exec(flagText);
          return m === null
            ? []
            : [
                {
                  title,
                  edits: [{ range: index.range(flagStart + m.index, flagStart + m.index + m[0].length), newText: '' }],
                  safe: false,
                },
              ];
        };
        if (
          /-extldflags[= ]+['"]?[^'"]*-static/.test(ld) &&
          !/-linkmode[= ]+external/.test(ld) &&
          cgoState(b).state !== 'on'
        ) {
          report({
            range: ldFlag.range,
            message:
              '`-extldflags "-static"` does nothing without `-linkmode external`: with cgo off the binary is already static',
            fixes: cut(/[ \t]+-extldflags[= ]+(["']?)-static\1(?=["'\s]|$)/, 'Remove `-extldflags "-static"`'),
          });
        }
        if (goAtLeast(goVersion.version, 22) && /(^|\s)-s(\s|$)/.test(ld) && /(^|\s)-w(\s|$)/.test(ld)) {
          report({
            range: ldFlag.range,
            message: '`-w` is redundant next to `-s` since Go 1.22 (-s implies -w)',
            fixes: cut(/[ \t]+-w(?=["'\s]|$)/, 'Remove `-w`'),
          });
        }
      }
    }
  },
});
