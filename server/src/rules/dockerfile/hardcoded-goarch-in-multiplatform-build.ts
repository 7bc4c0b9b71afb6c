// Owns GDL408: a constant GOARCH (or non-linux GOOS) in a multi-platform build.
import { defineRule } from '../rule';

export const hardcodedGoarchInMultiplatformBuild = defineRule({
  id: 'GDL408',
  name: 'hardcoded-goarch-in-multiplatform-build',
  language: 'dockerfile',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  docs: {
    summary: 'Constant GOARCH in a multi-platform build',
    what: 'Reports a constant `GOARCH=` on a go build in a stage that is `FROM --platform=$BUILDPLATFORM`, or in a Dockerfile that uses the TARGET* args.',
    why: 'Every platform of the image gets the same architecture\'s binary: the arm64 image contains an amd64 program and fails with "exec format error".',
    example:
      'FROM --platform=$BUILDPLATFORM golang:1.27 AS build\nARG TARGETARCH\nRUN CGO_ENABLED=0 GOARCH=amd64 go build -o /out/app .\n',
    useInstead:
      'FROM --platform=$BUILDPLATFORM golang:1.27 AS build\nARG TARGETARCH\nRUN CGO_ENABLED=0 GOARCH=$TARGETARCH go build -o /out/app .\n',
    exampleFile: 'Dockerfile',
  },
  check({ model, index }, report) {
    for (const stage of model.stages) {
      const multi = /\$\{?BUILDPLATFORM/.test(stage.platform ?? '') || model.usesTargetArgs;
      if (!multi) continue;
      for (const b of stage.goBuilds) {
        const arch = b.env.get('GOARCH');
        if (arch === undefined || arch.range === undefined || arch.value === '' || arch.value.includes('$')) continue;
        const valueStart =
          index.offsetAt(arch.range.start) +
          (arch.source === 'prefix' || arch.source === 'export' ? 'GOARCH='.length : 0);
        const range =
          arch.source === 'prefix' || arch.source === 'export'
            ? index.range(valueStart, index.offsetAt(arch.range.end))
            : arch.range;
        report({
          range,
          message: `GOARCH is fixed to \`${arch.value}\` in a multi-platform build: every platform gets ${/^[aeiou]/i.test(arch.value) ? 'an' : 'a'} ${arch.value} binary`,
          fixes:
            arch.source === 'prefix' || arch.source === 'export'
              ? [{ title: 'Use GOARCH=$TARGETARCH', edits: [{ range, newText: '$TARGETARCH' }] }]
              : [],
        });
      }
    }
  },
});
