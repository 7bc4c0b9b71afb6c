// Owns GDL414: static linking against glibc with cgo, which still needs the build's NSS libraries at run time.
import { defineRule } from '../rule';
import { cgoState, ldflags } from '../../parsers/dockerfile/linkage';

export const staticLinkOfGlibcNss = defineRule({
  id: 'GDL414',
  name: 'static-link-of-glibc-nss',
  language: 'dockerfile',
  defaultSeverity: 'warning',
  fixSafety: 'none',
  docs: {
    summary: 'Static glibc link still needs NSS',
    what: 'Reports `-linkmode external -extldflags "-static"` on a cgo build in a glibc builder.',
    why: 'glibc warns "Using \'getaddrinfo\' in statically linked applications requires at runtime the shared libraries from the glibc version used for linking": DNS and user lookups still load NSS modules, which scratch or distroless/static do not have. Use `-tags netgo,osusergo` (or CGO_ENABLED=0) instead.',
    example:
      'FROM golang:1.27 AS build\nRUN go build -ldflags \'-linkmode external -extldflags "-static"\' -o /out/app .\n',
    useInstead: 'FROM golang:1.27 AS build\nRUN CGO_ENABLED=0 go build -o /out/app .\n',
    exampleFile: 'Dockerfile',
  },
  check({ model }, report) {
    for (const stage of model.stages) {
      if (stage.facts?.libc !== 'glibc') continue;
      for (const b of stage.goBuilds) {
        const ld = ldflags(b);
        if (
          !/-linkmode[= ]+external/.test(ld) ||
          !/-extldflags[= ]+['"]?[^'"]*-static/.test(ld) ||
          cgoState(b).state !== 'on'
        )
          continue;
        const f = b.flags.find((x) => x.name === 'ldflags');
        if (f !== undefined)
          report({
            range: f.range,
            message:
              'Static glibc binary: getaddrinfo and getpwuid_r still load NSS libraries at run time; use -tags netgo,osusergo',
          });
      }
    }
  },
});
