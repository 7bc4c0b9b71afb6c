// Owns GDL409: a go build that runs under QEMU because its stage is not FROM --platform=$BUILDPLATFORM.
import { defineRule } from '../rule';

export const emulatedGoBuild = defineRule({
  id: 'GDL409',
  name: 'emulated-go-build',
  language: 'dockerfile',
  defaultSeverity: 'information',
  fixSafety: 'unsafe',
  docs: {
    summary: 'Go build runs under emulation',
    what: 'In a Dockerfile that builds for several platforms (it uses TARGETARCH and friends), reports a stage that runs `go build` without `FROM --platform=$BUILDPLATFORM`.',
    why: 'The stage runs on each target platform, so BuildKit emulates arm64 with QEMU on an amd64 builder: compiles are many times slower. Go cross-compiles natively: build on $BUILDPLATFORM with GOOS/GOARCH set to the target.',
    example: 'FROM golang:1.27 AS build\nARG TARGETOS TARGETARCH\nRUN CGO_ENABLED=0 go build -o /out/app .\n',
    useInstead:
      'FROM --platform=$BUILDPLATFORM golang:1.27 AS build\nARG TARGETOS TARGETARCH\nRUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .\n',
    exampleFile: 'Dockerfile',
  },
  check({ model }, report) {
    if (!model.usesTargetArgs) return;
    for (const stage of model.stages) {
      if (stage.goBuilds.length === 0 || stage.platform !== undefined || stage.parent !== undefined) continue;
      const image = stage.from.getImageRange();
      if (image === null) continue;
      report({
        range: image,
        message:
          'go build runs on the target platform, under QEMU for foreign ones; build on $BUILDPLATFORM and cross-compile',
        fixes: [
          {
            title: 'Add --platform=$BUILDPLATFORM (then set GOOS/GOARCH from TARGETOS/TARGETARCH)',
            edits: [{ range: { start: image.start, end: image.start }, newText: '--platform=$BUILDPLATFORM ' }],
          },
        ],
      });
    }
  },
});
