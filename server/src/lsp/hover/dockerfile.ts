// Owns hover in Dockerfiles: a FROM shows its base image's facts; a go build shows its cgo state and linkage.
import type { Position } from 'vscode-languageserver-types';
import type { DockerfileInput } from '../../parsers/dockerfile/input';
import { comparePositions, type Range } from '../../text/line-index';
import { artifactCopies, cgoState, linkage } from '../../parsers/dockerfile/linkage';
import { goReleaseOfImage } from '../../knowledge/base-images';
import { compareGoVersions } from '../../knowledge/go-version';
import { moduleLines } from './go-module';

const within = (r: Range | null, p: Position): boolean =>
  r !== null && comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;

export function dockerHover(input: DockerfileInput, position: Position): { value: string; range: Range } | undefined {
  for (const stage of input.model.stages) {
    const fromRange = stage.from.getRange();
    if (within(fromRange, position) && fromRange !== null) {
      const f = stage.facts;
      if (f === undefined)
        return {
          value: `**${stage.image}**: not an image Go Deploy Lint knows; image-dependent rules stay silent.`,
          range: fromRange,
        };
      const yesNo = (b: boolean | undefined): string => (b === undefined ? 'unknown' : b ? 'yes' : 'no');
      const lines = [
        `**${stage.image}** (${f.family})`,
        '',
        `- C library: ${f.libc === undefined ? 'unknown' : f.libc === 'none' ? 'none (static binaries only)' : f.libc}`,
        `- shell: ${f.shell === null ? 'none (use exec form)' : (f.shell ?? 'unknown')}`,
        `- CA certificates: ${yesNo(f.caBundle)}`,
        `- zoneinfo: ${yesNo(f.zoneinfo)}`,
        `- /etc/passwd: ${yesNo(f.passwd)}`,
        `- default user: ${f.user ?? 'unknown'}`,
        `- C compiler: ${yesNo(f.cCompiler)}`,
        ...(f.shellProgram !== undefined ? [`- /bin/sh is: ${f.shellProgram}`] : []),
        ...(f.tools !== undefined
          ? [`- health-check tools: ${f.tools.length === 0 ? 'none' : f.tools.map((t) => `\`${t}\``).join(', ')}`]
          : []),
        ...goImageLines(input, stage.image),
        '',
        `Source: ${f.source}.`,
      ];
      return { value: lines.join('\n'), range: fromRange };
    }
    for (const b of stage.goBuilds) {
      if (!within(b.range, position)) continue;
      const cgo = cgoState(b);
      const link = linkage(b);
      const env = (n: string): string => b.env.get(n)?.value ?? '(unset)';
      const dests = artifactCopies(input.model)
        .filter((a) => a.build === b)
        .map((a) => `${a.dest} in ${a.copy.stage.image} (${a.copy.stage.facts?.libc ?? 'libc unknown'})`);
      const lines = [
        `**go ${b.kind}** in stage ${stage.name ?? stage.index} (${stage.image})`,
        '',
        `- CGO: ${cgo.state} (${cgo.why})`,
        `- GOOS=${env('GOOS')} GOARCH=${env('GOARCH')}`,
        `- linkage: ${link.kind}${link.interpreter !== undefined ? `: needs ${link.interpreter}` : ''} (${link.why})`,
        `- output: ${b.output ?? 'unknown'}`,
        ...(dests.length > 0 ? [`- copied to: ${dests.join('; ')}`] : []),
      ];
      return { value: lines.join('\n'), range: b.range };
    }
  }
  return undefined;
}

/** For a golang image: its Go release, GOTOOLCHAIN=local, and whether the module's go line fits it. */
function goImageLines(input: DockerfileInput, image: string): string[] {
  const release = goReleaseOfImage(image);
  if (release === undefined) return [];
  const required = input.goModule?.mod.go?.version;
  const fits =
    required === undefined
      ? undefined
      : release.exact
        ? compareGoVersions(release.version, required) >= 0
        : compareGoVersions({ ...release.version, patch: 0 }, { ...required, patch: 0 }) >= 0;
  return [
    `- Go: ${release.text}${release.exact ? '' : '.x (the newest patch)'}, with \`GOTOOLCHAIN=local\` (never downloads a newer toolchain)`,
    ...moduleLines(input.goModule),
    ...(fits === undefined
      ? []
      : [
          '',
          fits ? 'This image can build the module.' : 'This image is older than the go line: the go command stops.',
        ]),
  ];
}
