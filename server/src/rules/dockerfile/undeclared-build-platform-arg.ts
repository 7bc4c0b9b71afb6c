// Owns GDL407: $TARGETARCH and friends used in a stage that does not declare them.
import { defineRule } from '../rule';

const PLATFORM_ARGS = [
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT',
];

export const undeclaredBuildPlatformArg = defineRule({
  id: 'GDL407',
  name: 'undeclared-build-platform-arg',
  language: 'dockerfile',
  defaultSeverity: 'error',
  fixSafety: 'safe',
  docs: {
    summary: 'Platform ARG used without declaring it',
    what: 'Reports `$TARGETOS`, `$TARGETARCH`, `$TARGETVARIANT`, `$BUILDPLATFORM`… used in a stage (RUN, ENV, COPY…) that has no `ARG` for it. FROM lines and global ARGs do not count: BuildKit provides these args to a stage only when it declares them.',
    why: 'Undeclared, they expand to an empty string: `GOARCH=$TARGETARCH` becomes `GOARCH=` and every platform gets a binary for the build machine.',
    example:
      'FROM --platform=$BUILDPLATFORM golang:1.27 AS build\nRUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .\n',
    useInstead:
      'FROM --platform=$BUILDPLATFORM golang:1.27 AS build\nARG TARGETOS TARGETARCH\nRUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .\n',
    exampleFile: 'Dockerfile',
  },
  check({ model, index }, report) {
    for (const stage of model.stages) {
      const missing = new Map<string, { start: number; end: number }>();
      for (const inst of stage.instructions) {
        if (inst.getKeyword().toUpperCase() === 'ARG') continue;
        const r = inst.getRange();
        if (r === null) continue;
        const start = index.offsetAt(r.start);
        const text = index.text.slice(start, index.offsetAt(r.end));
        for (const m of text.matchAll(/\$\{?([A-Z]+)\}?/g)) {
          const name = m[1] ?? '';
          if (!PLATFORM_ARGS.includes(name) || stage.args.has(name) || missing.has(name)) continue;
          missing.set(name, { start: start + (m.index ?? 0), end: start + (m.index ?? 0) + m[0].length });
        }
      }
      if (missing.size === 0) continue;
      const fromLine = stage.from.getRange()?.end.line ?? 0;
      const at = { line: fromLine + 1, character: 0 };
      const names = [...missing.keys()];
      for (const [name, span] of missing) {
        report({
          range: index.range(span.start, span.end),
          message: `\`$${name}\` is used but this stage has no \`ARG ${name}\`: it expands to an empty string`,
          fixes: [
            {
              title: `Insert ARG ${names.join(' ')} after FROM`,
              edits: [{ range: { start: at, end: at }, newText: `ARG ${names.join(' ')}\n` }],
            },
          ],
        });
      }
    }
  },
});
