// Owns GDL411: shipping the golang toolchain image as the final stage.
import { defineRule } from '../rule';
import * as posix from 'node:path/posix';
import { finalStage, linkage } from '../../parsers/dockerfile/linkage';
import type { Stage } from '../../parsers/dockerfile/model';
import type { LineIndex } from '../../text/line-index';
import type { FixInput } from '../rule';

/**
 * A suggestion (never safe: the program may need files, a shell or a user the runtime image lacks): name the stage
 * `build` and add a distroless stage that copies the one binary and runs it. Only for an unnamed stage with one go
 * build of known output; static binaries get distroless/static, cgo ones distroless/base.
 */
function multiStage(stage: Stage, index: LineIndex): FixInput[] {
  const build = stage.goBuilds.length === 1 ? stage.goBuilds[0] : undefined;
  const imageRange = stage.from.getImageRange();
  if (build?.output === undefined || stage.name !== undefined || imageRange === null || build.execForm) return [];
  const runtime =
    linkage(build).kind === 'static'
      ? 'gcr.io/distroless/static-debian12:nonroot'
      : 'gcr.io/distroless/base-debian12:nonroot';
  const dest = `/usr/local/bin/${posix.basename(build.output)}`;
  const end = index.positionAt(index.text.length);
  const lines = ['', `FROM ${runtime}`, `COPY --from=build ${build.output} ${dest}`, `ENTRYPOINT ["${dest}"]`, ''];
  return [
    {
      title: `Build in a \`build\` stage and run the binary on ${runtime}`,
      edits: [
        { range: { start: imageRange.end, end: imageRange.end }, newText: ' AS build' },
        {
          range: { start: end, end },
          newText:
            (index.text.endsWith('\n') ? '' : '\n') +
            lines.join('\n').replace(/^\n/, index.text.endsWith('\n') ? '\n' : ''),
        },
      ],
      safe: false,
    },
  ];
}

export const toolchainImageAsFinalStage = defineRule({
  id: 'GDL411',
  name: 'toolchain-image-as-final-stage',
  language: 'dockerfile',
  defaultSeverity: 'warning',
  fixSafety: 'unsafe',
  docs: {
    summary: 'Final image is the Go toolchain',
    what: 'Reports a final stage built on a `golang:*` image.',
    why: 'The image ships the compiler, the module cache and a shell (about 800 MB): slow pulls and a large attack surface, often running `go run` at startup. A multi-stage build copies only the binary into a small runtime image.',
    example: 'FROM golang:1.27\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n',
    useInstead:
      'FROM golang:1.27 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\nCMD ["/app"]\n',
    exampleFile: 'Dockerfile',
  },
  check({ model, index }, report) {
    const last = finalStage(model);
    if (last?.facts?.isGoToolchain !== true) return;
    const range = last.from.getImageRange() ?? last.from.getRange();
    if (range === null) return;
    const image = last.from.getImage() ?? last.image;
    report({
      range,
      message: `The final image is the Go toolchain (${image}): it ships the compiler and a shell; copy the binary into a runtime image`,
      fixes: multiStage(last, index),
    });
  },
});
