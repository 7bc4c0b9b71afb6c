// Owns GDL421: a HEALTHCHECK that runs curl, wget, nc or a shell in a final image that does not have it.
import { defineRule } from '../rule';
import * as posix from 'node:path/posix';
import { HEALTHCHECK_TOOLS } from '../../knowledge/base-images';
import { programOf } from '../../knowledge/shell-exec';
import { argsRangeOf, rawArgsOf } from '../../parsers/dockerfile/instruction-cache';
import type { SimpleCommand } from '../../parsers/shell/words';
import { toolIn } from '../../parsers/dockerfile/stage-tools';

/** The programs the check runs: exec form's first word; for shell form, the shell and each command's first word. */
function programsOf(
  body: string,
  commands: readonly SimpleCommand[],
): { programs: string[]; shellForm: boolean } | undefined {
  if (body.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return undefined;
    }
    if (!Array.isArray(parsed) || typeof parsed[0] !== 'string') return undefined;
    const first = parsed[0];
    // `HEALTHCHECK CMD ["CMD-SHELL", "curl …"]` is how the image config writes shell form.
    if (first === 'CMD-SHELL' && typeof parsed[1] === 'string')
      return { programs: ['sh', programOf(parsed[1])], shellForm: true };
    return { programs: [posix.basename(first)], shellForm: false };
  }
  const programs = ['sh'];
  for (const c of commands) {
    const word = c.words.find((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w.value));
    if (word !== undefined) programs.push(posix.basename(word.value));
  }
  return { programs, shellForm: true };
}

export const healthcheckToolMissing = defineRule({
  id: 'GDL421',
  name: 'healthcheck-tool-missing',
  language: 'dockerfile',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'HEALTHCHECK runs a tool the image lacks',
    what: "Reports a `HEALTHCHECK` of the last stage that runs `curl`, `wget`, `nc`, `sh` or `bash` when the stage's image does not have it (scratch, distroless, chainguard static; `curl` in Alpine, busybox or Debian slim) and no RUN installs it. A tool copied in with `COPY --from` counts, unless it comes from a stage with a C library into an image without one (a dynamically linked `curl` does not run in scratch). Shell-form checks in an image without a shell are GDL402's.",
    why: 'The check fails every time, so the container is marked unhealthy: Docker Swarm and Compose `depends_on: service_healthy` treat a healthy service as broken and restart or never start what depends on it. Build a health check into the Go program (`/app healthcheck` requesting its own `/healthz`) and call it in exec form.',
    example:
      'FROM golang:1.27 AS build\nRUN CGO_ENABLED=0 go build -o /app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\nHEALTHCHECK CMD ["curl", "-f", "http://localhost:8080/healthz"]\nENTRYPOINT ["/app"]\n',
    useInstead:
      'FROM golang:1.27 AS build\nRUN CGO_ENABLED=0 go build -o /app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\nHEALTHCHECK CMD ["/app", "healthcheck"]\nENTRYPOINT ["/app"]\n',
    exampleFile: 'Dockerfile',
    references: ['https://docs.docker.com/reference/dockerfile/#healthcheck'],
  },
  check({ model }, report) {
    const stage = model.stages[model.stages.length - 1];
    const facts = stage?.facts;
    if (stage === undefined || facts?.tools === undefined || facts.windows === true) return;
    const check = stage.instructions.filter((i) => i.getKeyword().toUpperCase() === 'HEALTHCHECK').pop();
    const raw = check === undefined ? '' : (rawArgsOf(check) ?? '').trim();
    const m = /^((?:--\S+\s+)*)CMD\s+([\s\S]*)$/i.exec(raw);
    if (check === undefined || m?.[2] === undefined) return;
    const found = programsOf(m[2].trim(), model.shellCommands(check));
    if (found === undefined) return;
    // Shell form without a shell is GDL402's finding: one mistake, one finding.
    if (found.shellForm && facts.shell === null && stage.shell === undefined) return;
    for (const tool of found.programs) {
      if (!HEALTHCHECK_TOOLS.includes(tool)) continue;
      const has = toolIn(stage, tool);
      const from = has === true || has === undefined ? undefined : has.copiedFrom?.facts;
      const brokenCopy = from !== undefined && facts.libc === 'none' && (from.libc === 'glibc' || from.libc === 'musl');
      if (has !== undefined && !brokenCopy) continue;
      report({
        range: argsRangeOf(check) ?? check.getRange(),
        message: brokenCopy
          ? `HEALTHCHECK runs \`${tool}\` copied from a ${from.libc} stage into ${facts.family}, which has no C library to load it: the check always fails; build the check into the program (exec form)`
          : `HEALTHCHECK runs \`${tool}\`, which ${facts.family} does not have: the check always fails and the container is reported unhealthy; build the check into the program (exec form)`,
      });
      return;
    }
  },
});
