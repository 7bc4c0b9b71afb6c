// Owns GDL416: a golang image older than the go line of the module it builds (the image pins GOTOOLCHAIN=local).
import { defineRule } from '../rule';
import { goReleaseOfImage } from '../../knowledge/base-images';
import { compareGoVersions, formatGoVersion, LATEST_GO } from '../../knowledge/go-version';
import { argsRangeOf, rawArgsOf } from '../../parsers/dockerfile/instruction-cache';
import type { Stage } from '../../parsers/dockerfile/model';

/** go subcommands that load go.mod (and so check its go line). */
const GO_COMMAND = /(^|[\s;&|(])go\s+(build|install|run|test|vet|generate|list|mod\s+(download|tidy|verify|vendor))\b/;

/** True when the stage, or a stage built on it, runs a go command that reads go.mod. */
function runsGo(stage: Stage, stages: readonly Stage[]): boolean {
  const own = stage.instructions.some(
    (i) => i.getKeyword().toUpperCase() === 'RUN' && GO_COMMAND.test(rawArgsOf(i) ?? ''),
  );
  return own || stages.some((s) => s.parent === stage && runsGo(s, stages));
}

export const golangImageOlderThanModule = defineRule({
  id: 'GDL416',
  name: 'golang-image-older-than-module',
  language: 'dockerfile',
  defaultSeverity: 'error',
  fixSafety: 'unsafe',
  docs: {
    summary: 'golang image older than go.mod requires',
    what: "Reports `FROM golang:<version>` when that Go release is older than the `go` line of the module (the nearest go.mod above the Dockerfile) and the stage runs a go command that reads go.mod. A stage that sets `GOTOOLCHAIN` to something other than `local` is not reported. Suggests the tag of the module's Go version.",
    why: 'The official golang images set `ENV GOTOOLCHAIN=local`, so the go command never downloads a newer toolchain: with a go.mod that says `go 1.28`, a 1.27 image stops with "go: go.mod requires go >= 1.28 (running go 1.27.4; GOTOOLCHAIN=local)". The bump is a suggestion: a new toolchain can change the build.',
    example: '# go.mod says: go 1.27\nFROM golang:1.26 AS build\nRUN go build -o /app .\n',
    useInstead: '# go.mod says: go 1.27\nFROM golang:1.27 AS build\nRUN go build -o /app .\n',
    exampleFile: 'go1.27/Dockerfile',
    references: [
      'https://go.dev/doc/toolchain',
      'https://github.com/docker-library/golang/blob/master/Dockerfile-linux.template',
    ],
  },
  check({ model, goModule }, report) {
    const line = goModule?.mod.go;
    if (goModule === undefined || line?.version === undefined) return;
    const required = line.version;
    for (const stage of model.stages) {
      if (stage.parent !== undefined) continue;
      const release = goReleaseOfImage(stage.image);
      if (release === undefined) continue;
      const toolchain = stage.env.get('GOTOOLCHAIN')?.value;
      if (toolchain !== undefined && toolchain !== 'local') continue;
      const older = release.exact
        ? compareGoVersions(release.version, required) < 0
        : compareGoVersions({ ...release.version, patch: 0 }, { ...required, patch: 0 }) < 0;
      if (!older || !runsGo(stage, model.stages)) continue;
      const tagRange = stage.from.getImageTagRange();
      const literal = (stage.from.getImage() ?? '') === stage.image && tagRange !== null;
      const wanted = release.exact ? `${formatGoVersion(required)}.${required.patch}` : formatGoVersion(required);
      // A go line newer than any Go we know of has no image to move to yet.
      const released = compareGoVersions({ ...required, patch: 0 }, { ...LATEST_GO, patch: 0 }) <= 0;
      const tag = stage.from.getImageTag() ?? '';
      report({
        range: tagRange ?? argsRangeOf(stage.from) ?? stage.from.getRange(),
        message: `golang:${release.text} is older than go.mod's \`go ${line.text}\`: the image sets GOTOOLCHAIN=local, so the go command stops ("go.mod requires go >= ${line.text}")`,
        related: [
          {
            uri: goModule.uri,
            range: {
              start: { line: line.line, character: 0 },
              end: { line: line.line, character: 3 + line.text.length },
            },
            message: `The module requires go ${line.text}`,
          },
        ],
        fixes:
          literal && released && tagRange !== null
            ? [
                {
                  title: `Use golang:${tag.replace(release.text, wanted)}`,
                  edits: [{ range: tagRange, newText: tag.replace(release.text, wanted) }],
                },
              ]
            : [],
      });
    }
  },
});
