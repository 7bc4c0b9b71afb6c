// Owns GDL411: shipping the golang toolchain image as the final stage.
import { defineRule } from '../rule';
import { finalStage } from '../../parsers/dockerfile/linkage';

/** Flags a final stage based on golang:*; suggests a multi-stage build. */
export const toolchainImageAsFinalStage = defineRule({
  id: 'GDL411',
  name: 'toolchain-image-as-final-stage',
  language: 'docker',
  defaultSeverity: 'warning',
  fixSafety: 'none',
  docs: {
    summary: 'Final image is the Go toolchain',
    what: 'Reports a final stage built on a `golang:*` image.',
    why: 'The image ships the compiler, the module cache and a shell (about 800 MB): slow pulls and a large attack surface, often running `go run` at startup. A multi-stage build copies only the binary into a small runtime image.',
    example: 'FROM golang:1.27\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n',
    useInstead: 'FROM golang:1.27 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\nCMD ["/app"]\n',
    exampleFile: 'Dockerfile',
  },
  check({ model }, report) {
    const last = finalStage(model);
    if (last?.facts?.isGoToolchain !== true) return;
    const range = last.from.getImageRange() ?? last.from.getRange();
    if (range === null) return;
    const image = last.from.getImage() ?? last.image;
    // No automatic fix: a correct multi-stage layout depends on the build output and entrypoint.
    report({
      range,
      message: `The final image is the Go toolchain (${image}): it ships the compiler and a shell; copy the binary into a runtime image instead`,
    });
  },
});
