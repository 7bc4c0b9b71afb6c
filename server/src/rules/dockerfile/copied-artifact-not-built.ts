// Owns GDL410: COPY --from of a path the source stage never produces, and ENTRYPOINT of a path nothing creates.
import * as posix from 'node:path/posix';
import { defineRule } from '../rule';
import { finalStage } from '../../parsers/dockerfile/linkage';
import { argsRangeOf, rawArgsOf } from '../../parsers/dockerfile/instruction-cache';

function produced(paths: readonly string[], p: string): boolean {
  const clean = p.replace(/\/+$/, '') || '/';
  // A path created as a directory (WORKDIR, a COPY of a directory, `go build -o dir/ ./cmd/...`) may hold anything below it.
  return paths.some((c) => c === clean || c === '/' || c.startsWith(`${clean}/`) || clean.startsWith(`${c}/`));
}

export const copiedArtifactNotBuilt = defineRule({
  id: 'GDL410',
  name: 'copied-artifact-not-built',
  language: 'dockerfile',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'Copied path is never built',
    what: 'Reports `COPY --from=<stage> <src>` where `<src>` is neither a `go build -o` output of that stage (resolved against WORKDIR and `cd`) nor created by another instruction of it, and an exec-form `ENTRYPOINT` naming a path no instruction of the final stage creates. Only stages whose contents we can follow are checked.',
    why: 'The build fails with "failed to compute cache key: … not found", or the image starts with "exec /app: no such file or directory".',
    example:
      'FROM golang:1.27 AS build\nWORKDIR /src\nRUN CGO_ENABLED=0 go build -o app .\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n',
    useInstead:
      'FROM golang:1.27 AS build\nWORKDIR /src\nRUN CGO_ENABLED=0 go build -o app .\nFROM scratch\nCOPY --from=build /src/app /app\nENTRYPOINT ["/app"]\n',
    exampleFile: 'Dockerfile',
  },
  check({ model }, report) {
    for (const stage of model.stages) {
      for (const copy of stage.copies) {
        const from = copy.fromStage;
        // Only stages we can follow completely: they build Go and start from an image we know (not another stage's files).
        if (
          from === undefined ||
          from.goBuilds.length === 0 ||
          from.goBuilds.some((b) => b.output === undefined && b.outputDir === undefined)
        )
          continue;
        const hasOpaque =
          from.instructions.some((i) => /^(COPY|ADD)$/i.test(i.getKeyword())) || from.facts === undefined;
        for (const src of copy.sources) {
          const path = posix.resolve(from.workdir, src.value);
          if (src.value.includes('$') || src.value.includes('*') || produced(from.creates, path)) continue;
          const outputs = from.goBuilds
            .map((b) => b.output ?? (b.outputDir !== undefined ? `${b.outputDir}/` : undefined))
            .filter((o) => o !== undefined);
          if (hasOpaque && !outputs.some((o) => posix.basename(o) === posix.basename(path))) continue;
          report({
            range: src.range,
            message: `\`${src.value}\` is not produced in stage ${from.name ?? from.index}: its go build writes ${outputs.map((o) => `\`${o}\``).join(', ')}`,
            related: [{ range: from.goBuilds[0]?.goWord ?? src.range, message: 'The go build' }],
          });
        }
      }
    }
    const last = finalStage(model);
    if (last === undefined || last.facts === undefined || last.facts.shell !== null) return;
    for (const inst of last.instructions) {
      if (inst.getKeyword().toUpperCase() !== 'ENTRYPOINT') continue;
      const raw = (rawArgsOf(inst) ?? '').trim();
      if (!raw.startsWith('[')) continue;
      let argv: unknown;
      try {
        argv = JSON.parse(raw);
      } catch {
        continue;
      }
      const exe = Array.isArray(argv) && typeof argv[0] === 'string' ? argv[0] : undefined;
      if (exe === undefined || !exe.startsWith('/') || produced(last.creates, exe)) continue;
      const range = argsRangeOf(inst);
      if (range !== null)
        report({
          range,
          message: `\`${exe}\` is not created by any instruction of the final stage (${last.image} is empty): "exec ${exe}: no such file or directory"`,
        });
    }
  },
});
