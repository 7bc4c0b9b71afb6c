// Owns GDL401: a cgo-linked Go binary copied into an image whose libc differs (the headline Go-on-minimal-images bug).
import { defineRule } from '../rule';
import { artifactCopies, linkage } from '../../parsers/dockerfile/linkage';

/** Follows go build outputs through COPY --from and compares the builder's libc with the destination image's. */
export const cgoBinaryInIncompatibleImage = defineRule({
  id: 'GDL401',
  name: 'cgo-binary-in-incompatible-image',
  language: 'docker',
  defaultSeverity: 'error',
  fixSafety: 'safe',
  docs: {
    summary: 'cgo binary copied into an image with another libc',
    what: 'Reports a `go build`/`go install` whose binary is linked dynamically (cgo on: `CGO_ENABLED` unset in a builder with gcc, or `=1`; or `-buildmode=pie`) and is copied with `COPY --from` into a stage whose libc differs: a glibc builder into alpine, scratch, distroless/static or busybox:musl, or a musl builder into a glibc or libc-less image.',
    why: 'The binary needs the builder\'s ELF interpreter (`/lib64/ld-linux-x86-64.so.2`), which the final image lacks: the container fails with "exec /app: no such file or directory" although the file is there. No other linter follows the binary across stages.',
    example: 'FROM golang:1.27 AS build\nWORKDIR /src\nRUN go build -o /out/app .\n\nFROM alpine:3.20\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n',
    useInstead: 'FROM golang:1.27 AS build\nWORKDIR /src\nRUN CGO_ENABLED=0 go build -o /out/app .\n\nFROM alpine:3.20\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n',
    exampleFile: 'Dockerfile',
  },
  check({ model, index }, report) {
    const seen = new Set<unknown>();
    for (const a of artifactCopies(model)) {
      const target = a.copy.stage.facts;
      const link = linkage(a.build);
      if (target?.libc === undefined || link.kind !== 'dynamic' || link.libc === undefined || link.libc === target.libc || seen.has(a.build)) continue;
      seen.add(a.build);
      const pie = link.why.startsWith('-buildmode=pie');
      if (pie && target.libc !== 'none') continue;
      // An existing prefix assignment (`CGO_ENABLED= go build`) is replaced: a new prefix before it would lose.
      const cgo = a.build.env.get('CGO_ENABLED');
      const edit = cgo?.source === 'prefix' && cgo.range !== undefined ? { range: cgo.range, newText: 'CGO_ENABLED=0' } : { range: index.range(a.build.commandStart, a.build.commandStart), newText: 'CGO_ENABLED=0 ' };
      const fixes = a.build.execForm || pie ? [] : [{ title: cgo?.source === 'prefix' ? 'Use CGO_ENABLED=0 (static binary)' : 'Prefix CGO_ENABLED=0 (static binary)', edits: [edit] }];
      report({
        range: a.build.goWord,
        message: `This binary is dynamic (${link.why}) and needs ${link.interpreter ?? `${link.libc}'s loader`}, but it is copied into ${a.copy.stage.image} (${target.family}, ${target.libc === 'none' ? 'no libc' : target.libc}): the container fails with "exec ${a.dest}: no such file or directory"`,
        related: [
          { range: a.copy.fromRange, message: `Copied into ${a.copy.stage.name ?? `stage ${a.copy.stage.index}`} here` },
          ...(a.copy.stage.from.getRange() !== null ? [{ range: a.copy.stage.from.getImageRange() ?? a.copy.stage.from.getRange(), message: `${target.family}: ${target.libc === 'none' ? 'no C library' : target.libc}` }] : []),
        ],
        fixes,
      });
    }
  },
});
