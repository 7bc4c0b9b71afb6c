// Owns GDL420: `go install …@latest` (or a branch) in a Dockerfile, an unpinned build input.
import { defineRule } from '../rule';

const UNPINNED = /@(latest|master|main|HEAD)$/;

export const unpinnedGoInstall = defineRule({
  id: 'GDL420',
  name: 'unpinned-go-install',
  language: 'dockerfile',
  defaultSeverity: 'hint',
  fixSafety: 'none',
  docs: {
    summary: '`go install` of an unpinned version',
    what: 'Reports `go install <package>@latest` (and `@master`, `@main`, `@HEAD`) in a RUN.',
    why: 'The image then depends on whatever was published last: two builds of the same commit get different tools, a cached layer hides the change until the cache is dropped, and a compromised release is picked up without review. Pin a version (`@v1.2.3`), or add the tool to go.mod with a `tool` directive (Go 1.24+) so go.sum checks it.',
    example: 'FROM golang:1.27 AS build\nRUN go install github.com/go-delve/delve/cmd/dlv@latest\n',
    useInstead: 'FROM golang:1.27 AS build\nRUN go install github.com/go-delve/delve/cmd/dlv@v1.25.0\n',
    exampleFile: 'Dockerfile',
    references: ['https://go.dev/ref/mod#go-install', 'https://go.dev/doc/modules/managing-dependencies#tools'],
  },
  check({ model, index }, report) {
    for (const stage of model.stages) {
      for (const build of stage.goBuilds) {
        if (build.kind !== 'install') continue;
        for (const w of build.words) {
          const m = UNPINNED.exec(w.value);
          if (m === null || w.value.startsWith('-')) continue;
          report({
            range: index.range(w.start, w.end),
            message: `\`go install ${w.value}\` is not pinned: each build may get a different ${m[1] === 'latest' ? 'release' : 'commit'}; pin a version`,
          });
        }
      }
    }
  },
});
