// Owns GDL401: a cgo-linked Go binary copied into an image whose libc differs (the headline Go-on-minimal-images bug).
import { defineRule } from '../rule';
import { artifactCopies, cgoNeededBy, linkage } from '../../parsers/dockerfile/linkage';
import type { GoBuild } from '../../parsers/dockerfile/model';
import type { LineIndex } from '../../text/line-index';
import type { TextEdit } from '../../text/edits';

export const cgoBinaryInIncompatibleImage = defineRule({
  id: 'GDL401',
  name: 'cgo-binary-in-incompatible-image',
  language: 'dockerfile',
  defaultSeverity: 'error',
  fixSafety: 'safe',
  docs: {
    summary: 'cgo binary copied into an image with another libc',
    what: 'Reports a `go build`/`go install` whose binary is linked dynamically (cgo on: `CGO_ENABLED` unset in a builder with gcc, or `=1`; or `-buildmode=pie`) and is copied with `COPY --from` into a stage whose libc differs: a glibc builder into alpine, scratch, distroless/static or busybox:musl, or a musl builder into a glibc or libc-less image.',
    why: 'The binary needs the builder\'s ELF interpreter (`/lib64/ld-linux-x86-64.so.2`), which the final image lacks: the container fails with "exec /app: no such file or directory" although the file is there. No other linter follows the binary across stages. `-ldflags \'-extldflags "-static"\'` helps only when the go command links externally (cgo packages outside the standard library, or `-linkmode external`); with cgo only in `net` and `os/user` it links internally, ignores the flag and the binary stays dynamic: then the finding is a warning and `-linkmode external` is suggested. The `CGO_ENABLED=0` fix is safe only when nothing shows that the build needs cgo; where the stage installs C development packages, sets `CC` or uses cgo build tags, it is a suggestion.',
    example:
      'FROM golang:1.27 AS build\nWORKDIR /src\nRUN go build -o /out/app .\n\nFROM alpine:3.20\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n',
    useInstead:
      'FROM golang:1.27 AS build\nWORKDIR /src\nRUN CGO_ENABLED=0 go build -o /out/app .\n\nFROM alpine:3.20\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n',
    exampleFile: 'Dockerfile',
  },
  check({ model, index }, report) {
    const seen = new Set<unknown>();
    for (const a of artifactCopies(model)) {
      const target = a.copy.stage.facts;
      const link = linkage(a.build);
      if (
        target?.libc === undefined ||
        (link.kind !== 'dynamic' && link.kind !== 'depends') ||
        link.libc === undefined ||
        link.libc === target.libc ||
        seen.has(a.build)
      )
        continue;
      seen.add(a.build);
      const pie = link.why.startsWith('-buildmode=pie');
      if (pie && target.libc !== 'none') continue;
      // An existing prefix assignment (`CGO_ENABLED= go build`) is replaced: a new prefix before it would lose.
      const cgo = a.build.env.get('CGO_ENABLED');
      const edit =
        cgo?.source === 'prefix' && cgo.range !== undefined
          ? { range: cgo.range, newText: 'CGO_ENABLED=0' }
          : { range: index.range(a.build.commandStart, a.build.commandStart), newText: 'CGO_ENABLED=0 ' };
      // Turning cgo off is safe only where nothing shows that the build needs it: with C libraries, CC or cgo
      // build tags it breaks the build, so it is a suggestion there.
      const needed = cgoNeededBy(a.build);
      const depends = link.kind === 'depends';
      const cgoOff =
        a.build.execForm || pie
          ? []
          : [
              {
                title: `${cgo?.source === 'prefix' ? 'Use' : 'Prefix'} CGO_ENABLED=0 (static binary)${needed !== undefined ? `, although ${needed}` : ''}`,
                edits: [edit],
                ...(needed !== undefined || depends ? { safe: false } : {}),
              },
            ];
      const external = depends ? linkmodeExternal(a.build, index) : undefined;
      const into = `${a.copy.stage.image} (${target.libc === 'none' ? 'no libc' : target.libc})`;
      report({
        range: a.build.goWord,
        message: depends
          ? `Maybe dynamic: -extldflags -static is ignored unless the linker runs externally; ${into} lacks its loader`
          : pie
            ? `-buildmode=pie makes a dynamic binary, copied into ${into}: "exec ${a.dest}: no such file or directory"`
            : `Dynamic binary (cgo on) copied into ${into}: "exec ${a.dest}: no such file or directory"`,
        ...(depends ? { severity: 'warning' as const } : {}),
        related: [
          // The reasoning, out of the message: why the binary is dynamic and which loader it needs.
          { range: a.build.goWord, message: `${link.why}; it needs ${link.interpreter ?? `${link.libc}'s loader`}` },
          {
            range: a.copy.fromRange,
            message: `Copied into ${a.copy.stage.name ?? `stage ${a.copy.stage.index}`} here`,
          },
          ...(a.copy.stage.from.getRange() !== null
            ? [
                {
                  range: a.copy.stage.from.getImageRange() ?? a.copy.stage.from.getRange(),
                  message: `${target.family}: ${target.libc === 'none' ? 'no C library' : target.libc}`,
                },
              ]
            : []),
        ],
        fixes: [
          ...(external !== undefined
            ? [{ title: 'Add -linkmode external (link statically with the C linker)', edits: [external], safe: false }]
            : []),
          ...cgoOff,
        ],
      });
    }
  },
});

/** Inserts `-linkmode external ` before `-extldflags` where both sit in one quoted -ldflags value. */
function linkmodeExternal(build: GoBuild, index: LineIndex): TextEdit | undefined {
  const flag = build.flags.find((f) => f.name === 'ldflags' && /-extldflags/.test(f.value ?? ''));
  if (flag === undefined) return undefined;
  const start = index.offsetAt(flag.range.start);
  const raw = index.text.slice(start, index.offsetAt(flag.range.end));
  const at = raw.indexOf('-extldflags');
  // Outside quotes the inserted space would split the -ldflags word.
  if (at < 0 || !/["']/.test(raw.slice(0, at))) return undefined;
  const pos = index.positionAt(start + at);
  return { range: { start: pos, end: pos }, newText: '-linkmode external ' };
}
