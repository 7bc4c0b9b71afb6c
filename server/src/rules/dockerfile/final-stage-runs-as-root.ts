// Owns GDL406: the final stage runs as root.
import { insertionStandsAlone } from '../../parsers/dockerfile/parser';
import { defineRule } from '../rule';
import { finalStage } from '../../parsers/dockerfile/linkage';
import type { LineIndex } from '../../text/line-index';
import type { TextEdit } from '../../text/edits';

/** Inserts `USER 65532:65532` before `line`, or undefined where the new line would join an open continuation or heredoc. */
function insertUser(index: LineIndex, line: number): TextEdit | undefined {
  // Past the last line (no final newline): insert at the end of the text, starting a new line.
  const pastEnd = line >= index.lineCount;
  const at = pastEnd ? index.positionAt(index.text.length) : { line, character: 0 };
  const newText = pastEnd ? '\nUSER 65532:65532\n' : 'USER 65532:65532\n';
  // Text after an open continuation or heredoc would join that instruction: where the text before looks like one,
  // check that the result really has the USER (a second parse, only then).
  const insertAt = index.offsetAt(at);
  const tail = index.text.slice(Math.max(0, insertAt - 4096), insertAt);
  if (
    /\\\s*$|<</.test(tail) &&
    !insertionStandsAlone(index.text, insertAt, newText, 'USER', at.line + (pastEnd ? 1 : 0))
  )
    return undefined;
  return { range: { start: at, end: at }, newText };
}

export const finalStageRunsAsRoot = defineRule({
  id: 'GDL406',
  name: 'final-stage-runs-as-root',
  language: 'dockerfile',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  docs: {
    summary: 'Final stage runs as root',
    what: 'Reports a final stage that runs as root: no `USER` on an image whose default user is root, or a last `USER root`/`USER 0`. Images that default to a non-root user (distroless `:nonroot`, chainguard) pass. The fix adds `USER 65532:65532` after the last `RUN` of the stage, so every build step still runs as root; replacing an explicit `USER root` is only a suggestion (the program may need root at run time).',
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
    // A new USER goes after the last RUN: every RUN after it would run unprivileged, and `apk add`/`apt-get`
    // fail there ("Permission denied"). Before the first ENTRYPOINT/CMD that follows, to read naturally.
    const lastRun = last.instructions.reduce((at, inst, i) => (inst.getKeyword().toUpperCase() === 'RUN' ? i : at), -1);
    const stageEnd =
      (last.instructions[last.instructions.length - 1]?.getRange() ?? last.from.getRange())?.end.line ?? 0;
    const lastRunEnd = last.instructions[lastRun]?.getRange()?.end.line;
    const entry = last.instructions
      .slice(lastRun + 1)
      .find((i) => /^(ENTRYPOINT|CMD)$/i.test(i.getKeyword()))
      ?.getRange();
    const after = entry?.start.line ?? (lastRunEnd !== undefined ? lastRunEnd + 1 : stageEnd + 1);
    const insert = insertUser(index, after);
    const runsAfterUser = last.user !== undefined && (lastRunEnd ?? -1) > last.user.range.start.line;
    report({
      range,
      message:
        last.user === undefined
          ? `The final stage runs as root (\`${last.facts.family}\` defaults to root, no USER)`
          : `The final stage runs as \`${last.user.value}\``,
      fixes: [
        last.user === undefined
          ? insert === undefined
            ? undefined
            : { title: 'Add USER 65532:65532', edits: [insert] }
          : // An explicit USER root is the author's choice, and the image may need root at run time: never safe.
            runsAfterUser
            ? insert === undefined
              ? undefined
              : { title: 'Add USER 65532:65532 after the last RUN', edits: [insert], safe: false }
            : {
                title: 'Use USER 65532:65532',
                edits: [{ range: last.user.range, newText: '65532:65532' }],
                safe: false,
              },
      ].filter((f) => f !== undefined),
    });
  },
});
