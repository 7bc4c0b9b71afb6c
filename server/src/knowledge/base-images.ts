// Owns facts about container base images (from each image's Dockerfile and docs: distroless, Alpine, Debian, Ubuntu, scratch): libc, shell, CA bundle, zoneinfo, passwd, user, C compiler.
import type { GoVersion } from './go-version';
export type Libc = 'glibc' | 'musl' | 'none';

export interface ImageFacts {
  /** Family name for messages, e.g. `golang (Debian)`. */
  readonly family: string;
  readonly libc: Libc | undefined;
  /** Path of the shell RUN and shell-form CMD use, or null when the image has none. */
  readonly shell: string | null | undefined;
  readonly caBundle: boolean | undefined;
  readonly zoneinfo: boolean | undefined;
  readonly passwd: boolean | undefined;
  /** Default user: `root`, or a uid such as 65532. */
  readonly user: string | undefined;
  readonly cCompiler: boolean | undefined;
  /** Where the facts come from. */
  readonly source: string;
  /** The glibc loader path on amd64, when dynamic binaries need one. */
  readonly isGoToolchain?: boolean;
  /** A Windows image: Windows paths, no /bin/sh, no root or CA bundle in the Linux sense. */
  readonly windows?: boolean;
  /** Which program `/bin/sh` is: decides whether `sh -c` execs the last command (see SHELL_EXECS_LAST). */
  readonly shellProgram?: ShellProgram;
  /**
   * Of the programs health checks call (HEALTHCHECK_TOOLS), the ones the image has on its PATH; undefined when not
   * known for this image.
   */
  readonly tools?: readonly string[];
}

export type ShellProgram = 'dash' | 'bash' | 'busybox';

/** Programs a HEALTHCHECK typically calls that minimal images may lack. */
export const HEALTHCHECK_TOOLS: readonly string[] = ['curl', 'wget', 'sh', 'bash', 'nc'];

/** busybox's applets among HEALTHCHECK_TOOLS (busybox 1.36 defconfig: ash as sh, wget, nc; no curl, no bash). */
const BUSYBOX_TOOLS = ['sh', 'wget', 'nc'];

interface Pattern {
  readonly repo: RegExp;
  readonly tag?: RegExp;
  readonly facts: ImageFacts;
}

const DISTROLESS = 'GoogleContainerTools/distroless (static/static.bzl, base/README.md, common/variables.bzl)';
const GOLANG = 'docker-library/golang 1.27/*/Dockerfile';

/** Facts of a Windows image: also assumed for an unknown image in a file whose escape directive is a backtick. */
export const WINDOWS: ImageFacts = {
  family: 'Windows',
  libc: undefined,
  shell: undefined,
  caBundle: undefined,
  zoneinfo: undefined,
  passwd: undefined,
  user: undefined,
  cCompiler: undefined,
  source: 'Microsoft Windows container base images',
  windows: true,
};

/**
 * A distroless image and its tag variants, most specific first: `:debug*` adds busybox at /busybox/sh,
 * `*nonroot` runs as 65532; all carry CA certificates, zoneinfo and /etc/passwd, and no C compiler.
 */
function distroless(name: string, repo: RegExp, libc: Libc): Pattern[] {
  const variant = (suffix: string, shell: string | null, user: string): ImageFacts => ({
    family: `distroless/${name}${suffix}`,
    libc,
    shell,
    caBundle: true,
    zoneinfo: true,
    passwd: true,
    user,
    cCompiler: false,
    source: DISTROLESS,
    ...(shell === null ? { tools: [] } : { shellProgram: 'busybox' as const, tools: BUSYBOX_TOOLS }),
  });
  return [
    { repo, tag: /debug-nonroot/, facts: variant(':debug-nonroot', '/busybox/sh', '65532') },
    { repo, tag: /debug/, facts: variant(':debug', '/busybox/sh', 'root') },
    { repo, tag: /nonroot/, facts: variant(':nonroot', null, '65532') },
    { repo, facts: variant('', null, 'root') },
  ];
}

const PATTERNS: readonly Pattern[] = [
  {
    repo: /^(docker\.io\/)?(library\/)?golang$/,
    tag: /alpine/,
    facts: {
      family: 'golang (Alpine)',
      libc: 'musl',
      shell: '/bin/sh',
      caBundle: true,
      zoneinfo: false,
      passwd: true,
      user: 'root',
      cCompiler: false,
      source: GOLANG,
      shellProgram: 'busybox',
      tools: BUSYBOX_TOOLS,
      isGoToolchain: true,
    },
  },
  {
    repo: /^(docker\.io\/)?(library\/)?golang$/,
    tag: /windows|nanoserver/,
    facts: {
      family: 'golang (Windows)',
      libc: undefined,
      shell: undefined,
      caBundle: undefined,
      zoneinfo: undefined,
      passwd: undefined,
      user: undefined,
      cCompiler: undefined,
      source: GOLANG,
      isGoToolchain: true,
      windows: true,
    },
  },
  // Windows base images (mcr.microsoft.com/windows/servercore, nanoserver, server, the full windows image) and the
  // images built on them whose tags say so (powershell:lts-nanoserver-ltsc2022, dotnet/runtime:8.0-windowsservercore…).
  {
    repo: /^mcr\.microsoft\.com\/windows(\/(servercore|nanoserver|server))?$|^(mcr\.microsoft\.com\/)?windows\/(servercore|nanoserver)$/,
    facts: WINDOWS,
  },
  { repo: /./, tag: /(^|-)(windowsservercore|nanoserver|ltsc20\d\d|windows)(-|$)/, facts: WINDOWS },
  {
    repo: /^(docker\.io\/)?(library\/)?golang$/,
    facts: {
      family: 'golang (Debian)',
      libc: 'glibc',
      shell: '/bin/sh',
      caBundle: true,
      zoneinfo: true,
      passwd: true,
      user: 'root',
      cCompiler: true,
      source: GOLANG,
      shellProgram: 'dash',
      tools: ['curl', 'wget', 'sh', 'bash'],
      isGoToolchain: true,
    },
  },
  {
    repo: /^scratch$/,
    facts: {
      family: 'scratch',
      libc: 'none',
      shell: null,
      caBundle: false,
      zoneinfo: false,
      passwd: false,
      user: 'root',
      cCompiler: false,
      source: 'Docker reserved empty image',
      tools: [],
    },
  },
  ...distroless('static', /^gcr\.io\/distroless\/static(-debian\d+)?$/, 'none'),
  ...distroless('base', /^gcr\.io\/distroless\/(base|base-nossl|cc)(-debian\d+)?$/, 'glibc'),
  {
    repo: /^cgr\.dev\/chainguard\/static$/,
    facts: {
      family: 'chainguard/static',
      libc: 'none',
      shell: null,
      caBundle: true,
      zoneinfo: true,
      passwd: true,
      user: '65532',
      cCompiler: false,
      source: 'chainguard-images/images images/static/configs (archived snapshot)',
      tools: [],
    },
  },
  {
    repo: /^(docker\.io\/)?(library\/)?busybox$/,
    tag: /musl|uclibc/,
    facts: {
      family: 'busybox (static)',
      libc: 'none',
      shell: '/bin/sh',
      caBundle: false,
      zoneinfo: false,
      passwd: true,
      user: 'root',
      cCompiler: false,
      source: 'docker-library/busybox latest/{musl,uclibc}/Dockerfile.builder',
      shellProgram: 'busybox',
      tools: BUSYBOX_TOOLS,
    },
  },
  {
    repo: /^(docker\.io\/)?(library\/)?busybox$/,
    tag: /glibc/,
    facts: {
      family: 'busybox:glibc',
      libc: 'glibc',
      shell: '/bin/sh',
      caBundle: false,
      zoneinfo: false,
      passwd: true,
      user: 'root',
      cCompiler: false,
      source: 'docker-library/busybox latest/glibc/Dockerfile.builder',
      shellProgram: 'busybox',
      tools: BUSYBOX_TOOLS,
    },
  },
  {
    repo: /^(docker\.io\/)?(library\/)?alpine$/,
    facts: {
      family: 'alpine',
      libc: 'musl',
      shell: '/bin/sh',
      caBundle: undefined,
      zoneinfo: false,
      passwd: true,
      user: 'root',
      cCompiler: false,
      source: 'alpine minirootfs (musl, busybox ash)',
      shellProgram: 'busybox',
      tools: BUSYBOX_TOOLS,
    },
  },
  {
    repo: /^(docker\.io\/)?(library\/)?(debian|ubuntu)$/,
    facts: {
      family: 'debian/ubuntu',
      libc: 'glibc',
      shell: '/bin/sh',
      caBundle: undefined,
      zoneinfo: undefined,
      passwd: true,
      user: 'root',
      cCompiler: false,
      source: 'Debian/Ubuntu base images (glibc, dash)',
      shellProgram: 'dash',
      tools: ['sh', 'bash'],
    },
  },
  {
    repo: /^(registry\.access\.redhat\.com\/|redhat\/)?ubi\d*(\/ubi(-minimal|-micro)?)?$|^registry\.access\.redhat\.com\/ubi\d+\/ubi(-minimal|-micro)?$/,
    facts: {
      family: 'UBI',
      libc: 'glibc',
      shell: '/bin/sh',
      caBundle: true,
      zoneinfo: undefined,
      passwd: true,
      user: 'root',
      cCompiler: false,
      source: 'Red Hat UBI documentation',
      shellProgram: 'bash',
    },
  },
  {
    repo: /^(docker\.io\/)?(library\/)?(centos|rockylinux|almalinux|amazonlinux|fedora)$|^(rockylinux|almalinux)\/(rockylinux|almalinux)$/,
    facts: {
      family: 'RHEL-like',
      libc: 'glibc',
      shell: '/bin/sh',
      caBundle: true,
      zoneinfo: undefined,
      passwd: true,
      user: 'root',
      cCompiler: false,
      source: 'distribution base images (glibc, bash)',
      shellProgram: 'bash',
    },
  },
];

export interface ImageRef {
  readonly repo: string;
  readonly tag: string;
}

export function parseImageRef(ref: string): ImageRef {
  const noDigest = ref.split('@')[0] ?? ref;
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  if (colon > slash) return { repo: noDigest.slice(0, colon).toLowerCase(), tag: noDigest.slice(colon + 1) };
  return { repo: noDigest.toLowerCase(), tag: 'latest' };
}

/** Facts for an image reference, or undefined for images we do not know (rules stay silent: never guess). */
export function imageFacts(ref: string): ImageFacts | undefined {
  if (ref.includes('$')) return undefined;
  const { repo, tag } = parseImageRef(ref);
  return PATTERNS.find((p) => p.repo.test(repo) && (p.tag === undefined || p.tag.test(tag)))?.facts;
}

/** The Go version a `golang:<ver>` tag pins, e.g. `1.24` from `golang:1.24.3-bookworm`. */
export function goVersionOfImage(ref: string): string | undefined {
  const { repo, tag } = parseImageRef(ref);
  if (!/(^|\/)golang$/.test(repo)) return undefined;
  return /^(\d+\.\d+)/.exec(tag)?.[1];
}

/** ELF interpreter a dynamic Go binary built in an image of this libc needs (amd64). */
export function interpreterFor(libc: Libc | undefined): string | undefined {
  return libc === 'glibc' ? '/lib64/ld-linux-x86-64.so.2' : libc === 'musl' ? '/lib/ld-musl-x86_64.so.1' : undefined;
}

/**
 * The Go release a `golang:` tag names, with whether it names a patch: `1.27-alpine` is the newest 1.27.x (patch
 * unknown), `1.27.4-bookworm` exactly 1.27.4. Undefined for other images and for `latest`, `1`, `alpine`…
 */
export function goReleaseOfImage(ref: string): { version: GoVersion; exact: boolean; text: string } | undefined {
  const { repo, tag } = parseImageRef(ref);
  if (!/(^|\/)golang$/.test(repo)) return undefined;
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(tag);
  if (m === null) return undefined;
  return {
    version: { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0) },
    exact: m[3] !== undefined,
    text: m[0],
  };
}
