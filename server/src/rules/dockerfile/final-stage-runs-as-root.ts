// Owns GDL406: the final stage runs as root.
import { DockerfileParser } from 'dockerfile-ast';
import { defineRule } from '../rule';
import { finalStage } from '../../parsers/dockerfile/linkage';

/** Flags a final stage with no USER (on a root-by-default image) or USER root/0. Knows distroless :nonroot and chainguard. */
export const finalStageRunsAsRoot = defineRule({
  id: 'GDL406',
  name: 'final-stage-runs-as-root',
  language: 'docker',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  docs: {
    summary: 'Final stage runs as root',
    what: 'Reports a final stage that runs as root: no `USER` on an image whose default user is root, or a last `USER root`/`USER 0`. Images that default to a non-root user (distroless `:nonroot`, chainguard) pass.',
    why: 'A Go server rarely needs root; running as root turns any remote code execution into root in the container, and with a shared kernel, closer to the host.',
    example: 'FROM gcr.io/distroless/static-debian12\nCOPY app /app\nENTRYPOINT ["/app"]\n',
    useInstead: 'FROM gcr.io/distroless/static-debian12\nCOPY app /app\nUSER 65532:65532\nENTRYPOINT ["/app"]\n',
    exampleFile: 'Dockerfile',
  },
  check({ model, index }, report) {
    const last = finalStage(model);
    if (last === undefined || last.facts === undefined || last.facts.isGoToolchain === true) return;
    const user = last.user?.value.split(':')[0];
    const root = user === undefined ? last.facts.user === 'root' : user === 'root' || user === '0';
    if (!root) return;
    const range = last.user?.range ?? last.from.getImageRange() ?? last.from.getRange();
    if (range === null) return;
    const lastLine = (last.instructions[last.instructions.length - 1]?.getRange() ?? last.from.getRange())?.end.line ?? 0;
    const entry = last.instructions.find((i) => /^(ENTRYPOINT|CMD)$/i.test(i.getKeyword()))?.getRange();
    const after = entry?.start.line ?? lastLine + 1;
    // Past the last line (no final newline): insert at the end of the text, starting a new line.
    const pastEnd = after >= index.lineCount;
    const at = pastEnd ? index.positionAt(index.text.length) : { line: after, character: 0 };
    const newText = pastEnd ? '\nUSER 65532:65532\n' : 'USER 65532:65532\n';
    // Text after an open continuation or heredoc would join that instruction: where the end of the file looks like
    // one, check that the result really has the USER (a second parse, only then).
    const insertAt = index.offsetAt(at);
    const tail = index.text.slice(Math.max(0, insertAt - 4096), insertAt);
    let lands = true;
    if (/\\\s*$|<</.test(tail)) {
      const probe = DockerfileParser.parse(index.text.slice(0, insertAt) + newText + index.text.slice(insertAt));
      const lastFrom = probe.getFROMs().at(-1)?.getRange()?.start.line ?? 0;
      lands = probe.getInstructions().some((i) => i.getKeyword() === 'USER' && (i.getRange()?.start.line ?? -1) >= lastFrom);
    }
    report({
      range,
      message: last.user === undefined ? `The final stage runs as root (${last.facts.family} defaults to root and there is no USER)` : `The final stage runs as \`${last.user.value}\``,
      fixes: [last.user === undefined ? (lands ? { title: 'Add USER 65532:65532', edits: [{ range: { start: at, end: at }, newText }] } : undefined) : { title: 'Use USER 65532:65532', edits: [{ range: last.user.range, newText: '65532:65532' }] }].filter((f) => f !== undefined),
    });
  },
});
