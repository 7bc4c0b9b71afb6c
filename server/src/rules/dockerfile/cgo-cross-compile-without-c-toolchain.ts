// Owns GDL412: CGO_ENABLED=1 while cross-compiling with no cross C compiler.
import { defineRule } from '../rule';

export const cgoCrossCompileWithoutCToolchain = defineRule({
  id: 'GDL412',
  name: 'cgo-cross-compile-without-c-toolchain',
  language: 'dockerfile',
  defaultSeverity: 'error',
  fixSafety: 'safe',
  docs: {
    summary: 'cgo cross-compile without a cross compiler',
    what: 'Reports `CGO_ENABLED=1` on a go build that sets `GOARCH` (or a non-linux `GOOS`) for another platform, in a stage built on `$BUILDPLATFORM`, when no `CC` is set.',
    why: 'The host gcc cannot compile C for the target: the build fails ("gcc: error: unrecognized command-line option -m64"…) or links garbage. Without cgo Go cross-compiles by itself.',
    example:
      'FROM --platform=$BUILDPLATFORM golang:1.27 AS build\nARG TARGETARCH\nRUN CGO_ENABLED=1 GOARCH=$TARGETARCH go build -o /out/app .\n',
    useInstead:
      'FROM --platform=$BUILDPLATFORM golang:1.27 AS build\nARG TARGETARCH\nRUN CGO_ENABLED=0 GOARCH=$TARGETARCH go build -o /out/app .\n',
    exampleFile: 'Dockerfile',
  },
  check({ model, index }, report) {
    for (const stage of model.stages) {
      for (const b of stage.goBuilds) {
        const cgo = b.env.get('CGO_ENABLED');
        const arch = b.env.get('GOARCH');
        if (cgo?.value !== '1' || cgo.range === undefined || arch === undefined || arch.value === '' || b.env.has('CC'))
          continue;
        const cross = /\$\{?TARGETARCH/.test(arch.value)
          ? /\$\{?BUILDPLATFORM/.test(stage.platform ?? '')
          : arch.value !== 'amd64';
        if (!cross) continue;
        const explicit = cgo.source === 'prefix' || cgo.source === 'export';
        const valueRange = explicit
          ? index.range(index.offsetAt(cgo.range.end) - 1, index.offsetAt(cgo.range.end))
          : cgo.range;
        report({
          range: valueRange,
          message: `CGO_ENABLED=1 with GOARCH=${arch.value} and no CC: the builder's gcc cannot compile C for that platform`,
          fixes: explicit ? [{ title: 'Use CGO_ENABLED=0', edits: [{ range: valueRange, newText: '0' }] }] : [],
        });
      }
    }
  },
});
