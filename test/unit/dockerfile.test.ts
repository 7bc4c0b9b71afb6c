// Dockerfile model: stages, go builds, cgo state, linkage and artifact copies; hover on FROM and go build.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DockerfileParser } from 'dockerfile-ast';
import { buildModel } from '../../server/src/parsers/dockerfile/model';
import { artifactCopies, cgoState, linkage } from '../../server/src/parsers/dockerfile/linkage';
import { LineIndex } from '../../server/src/text/line-index';
import { hover } from '../../server/src/lsp/hover/index';
import { lintText } from '../support/lint-text';

const model = (text: string) => buildModel(DockerfileParser.parse(text), new LineIndex(text));

test('stages, WORKDIR, cd and -o resolve the build output', () => {
  const m = model(
    'FROM golang:1.27 AS b\nWORKDIR /src\nRUN cd cmd/api && go build -o ../../bin/ .\nRUN go install ./tools/gen@latest\nFROM scratch\nCOPY --from=b /src/bin/api /api\n',
  );
  const outs = m.stages[0]?.goBuilds.map((b) => b.output);
  assert.deepEqual(outs, ['/src/bin/api', '/go/bin/gen']);
  assert.equal(artifactCopies(m)[0]?.dest, '/api');
});

test('cgo state follows env, export, cross-compilation and the image', () => {
  const states = (text: string): string[] =>
    model(text).stages.flatMap((s) => s.goBuilds.map((b) => cgoState(b).state));
  assert.deepEqual(
    states(
      'FROM golang:1.27\nRUN go build .\nRUN CGO_ENABLED=0 go build .\nRUN export CGO_ENABLED=1 && go build .\nRUN GOARCH=arm64 go build .\n',
    ),
    ['on', 'off', 'on', 'unknown'],
  );
  assert.deepEqual(states('FROM golang:1.27-alpine\nRUN go build .\nRUN apk add gcc musl-dev && go build .\n'), [
    'off',
    'on',
  ]);
  assert.deepEqual(
    states('FROM golang:1.27\nENV CGO_ENABLED=0\nRUN go build .\nFROM unknown/builder\nRUN go build .\n'),
    ['off', 'unknown'],
  );
});

test('linkage: pie is dynamic even without cgo; netgo+osusergo is not known dynamic', () => {
  const kinds = model(
    'FROM golang:1.27\nRUN CGO_ENABLED=0 go build -buildmode=pie .\nRUN go build -tags netgo,osusergo .\nRUN go build .\n',
  ).stages[0]?.goBuilds.map((b) => linkage(b).kind);
  assert.deepEqual(kinds, ['dynamic', 'unknown', 'dynamic']);
});

test('heredoc and exec-form RUN are read', () => {
  const m = model(
    'FROM golang:1.27\nRUN <<EOF\nset -e\ngo build -o /out/a .\nEOF\nRUN ["go", "build", "-o", "/out/b", "."]\n',
  );
  assert.deepEqual(
    m.stages[0]?.goBuilds.map((b) => [b.output, b.execForm]),
    [
      ['/out/a', false],
      ['/out/b', true],
    ],
  );
});

test("Dockerfile hover: base image facts and a go build's linkage", () => {
  const text =
    'FROM golang:1.27 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n';
  const a = lintText(text, { file: '/w/Dockerfile' });
  const from = (hover(a, { line: 2, character: 6 })?.contents as { value: string } | undefined)?.value ?? '';
  assert.match(from, /C library: musl/);
  const build = (hover(a, { line: 1, character: 6 })?.contents as { value: string } | undefined)?.value ?? '';
  assert.match(build, /CGO: on/);
  assert.match(build, /needs \/lib64\/ld-linux-x86-64\.so\.2/);
  assert.match(build, /copied to: \/app in alpine:3\.20 \(musl\)/);
});
