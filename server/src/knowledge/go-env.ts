// Owns the facts about Go environment variables: names, summaries, enums, defaults and versions (`go help environment`, the runtime package docs).

export interface GoVariable {
  readonly name: string;
  /** One sentence in our own words. */
  readonly summary: string;
  readonly default?: string;
  /** Fixed set of valid values, for completion and hover. */
  readonly values?: readonly string[];
  readonly since?: string;
  /** `runtime` variables are read by every Go binary; `build` ones by the go command. */
  readonly scope: 'runtime' | 'build';
  readonly docs: string;
  /**
   * `read-only`: `go env` reports it but setting it changes nothing (not offered in completion); `unread`: no Go
   * tool or program reads it (removed, or read by other tools). Neither is suggested as the name meant by a typo.
   */
  readonly effect?: 'read-only' | 'unread';
}

const CMD_DOC = 'https://pkg.go.dev/cmd/go#hdr-Environment_variables';
const RUNTIME_DOC = 'https://pkg.go.dev/runtime#hdr-Environment_Variables';

const v = (name: string, scope: GoVariable['scope'], summary: string, extra: Partial<GoVariable> = {}): GoVariable => ({
  name,
  scope,
  summary,
  docs: scope === 'runtime' ? RUNTIME_DOC : CMD_DOC,
  ...extra,
});

export const GO_VARIABLES: readonly GoVariable[] = [
  v(
    'GOMEMLIMIT',
    'runtime',
    'Soft memory limit for the Go runtime; the GC works harder as the heap nears it. Units are B, KiB, MiB, GiB, TiB; a malformed value stops the program at startup.',
    { default: 'off', since: '1.19' },
  ),
  v(
    'GOGC',
    'runtime',
    'GC target percentage: the heap may grow this much over live data before the next collection; `off` disables the GC. Invalid values silently mean 100.',
    { default: '100' },
  ),
  v(
    'GOMAXPROCS',
    'runtime',
    'Number of OS threads that run Go code at once. Since Go 1.25 the default follows the cgroup CPU limit; setting it disables that.',
    {},
  ),
  v(
    'GOTRACEBACK',
    'runtime',
    'How much a crash prints: none, single, all, system or crash. An unknown word silently means none.',
    { default: 'single', values: ['none', 'single', 'all', 'system', 'crash'] },
  ),
  v(
    'GODEBUG',
    'runtime',
    'Comma-separated key=value runtime and library settings; removed settings set to their old value are fatal from Go 1.27.',
    {},
  ),
  v('GOOS', 'build', 'Target operating system of the build.', {
    values: [
      'linux',
      'darwin',
      'windows',
      'freebsd',
      'netbsd',
      'openbsd',
      'dragonfly',
      'illumos',
      'solaris',
      'aix',
      'android',
      'ios',
      'js',
      'wasip1',
      'plan9',
    ],
  }),
  v('GOARCH', 'build', 'Target architecture of the build; Docker TARGETARCH values are valid GOARCH names.', {
    values: [
      'amd64',
      'arm64',
      'arm',
      '386',
      'ppc64le',
      'ppc64',
      's390x',
      'riscv64',
      'loong64',
      'mips',
      'mipsle',
      'mips64',
      'mips64le',
      'wasm',
    ],
  }),
  v(
    'CGO_ENABLED',
    'build',
    'Whether cgo is used: exactly 0 or 1; any other value is ignored and the default applies (1 with a C compiler on a native build).',
    { values: ['0', '1'] },
  ),
  v('GOAMD64', 'build', 'Minimum amd64 microarchitecture level the build targets.', {
    values: ['v1', 'v2', 'v3', 'v4'],
    default: 'v1',
    since: '1.18',
  }),
  v('GOARM', 'build', 'ARM version for GOARCH=arm: 5, 6 or 7, optionally with ,softfloat or ,hardfloat.', {
    values: ['5', '6', '7'],
  }),
  v('GOARM64', 'build', 'ARM64 architecture level, v8.0–v9.5 with optional ,lse and ,crypto.', {
    default: 'v8.0',
    since: '1.23',
  }),
  v('GO386', 'build', 'Floating point for GOARCH=386: sse2 or softfloat.', {
    values: ['sse2', 'softfloat'],
    default: 'sse2',
  }),
  v('GOMIPS', 'build', 'Floating point for mips and mipsle.', {
    values: ['hardfloat', 'softfloat'],
    default: 'hardfloat',
  }),
  v('GOMIPS64', 'build', 'Floating point for mips64 and mips64le.', {
    values: ['hardfloat', 'softfloat'],
    default: 'hardfloat',
  }),
  v('GOPPC64', 'build', 'POWER ISA level for ppc64 and ppc64le.', {
    values: ['power8', 'power9', 'power10'],
    default: 'power8',
  }),
  v('GORISCV64', 'build', 'RISC-V profile for riscv64.', {
    values: ['rva20u64', 'rva22u64', 'rva23u64'],
    default: 'rva20u64',
    since: '1.23',
  }),
  v('GOWASM', 'build', 'WebAssembly features (ignored since Go 1.26).', {}),
  v(
    'GOPROXY',
    'build',
    'Module proxies to try, separated by `,` (fall through on not-found) or `|` (on any error); `direct` and `off` end the list.',
    { default: 'https://proxy.golang.org,direct' },
  ),
  v('GOPRIVATE', 'build', 'Comma-separated module path globs that are private: no proxy, no checksum database.', {}),
  v(
    'GONOPROXY',
    'build',
    'Comma-separated module path globs fetched directly, bypassing GOPROXY; defaults to GOPRIVATE.',
    {},
  ),
  v(
    'GONOSUMDB',
    'build',
    'Comma-separated module path globs not checked against the checksum database; defaults to GOPRIVATE.',
    {},
  ),
  v('GOINSECURE', 'build', 'Comma-separated module path globs that may be fetched insecurely.', {}),
  v('GOSUMDB', 'build', 'Checksum database name, optional key and URL, or off.', { default: 'sum.golang.org' }),
  v('GOVCS', 'build', 'Which version control tools may be used for which modules, as pattern:vcs|vcs lists.', {
    default: 'public:git|hg,private:all',
  }),
  v(
    'GOFLAGS',
    'build',
    'Default flags for go commands, space-separated; a field must be -flag or -flag=value, quotes only at the field start.',
    {},
  ),
  v('GOTOOLCHAIN', 'build', 'Which Go toolchain runs: local, auto, path, or goX.Y.Z with optional +auto or +path.', {
    default: 'auto',
    values: ['local', 'auto', 'path'],
    since: '1.21',
  }),
  v(
    'GO111MODULE',
    'build',
    'Module mode switch; empty means on since Go 1.16. off and auto select the legacy GOPATH mode.',
    { values: ['on', 'off', 'auto'] },
  ),
  v('GOROOT', 'build', 'Root of the Go installation; the go command finds its own, so setting it is rarely right.', {}),
  v(
    'GOPATH',
    'build',
    'List of absolute workspace directories (module cache and installed tools live under the first).',
    { default: '$HOME/go' },
  ),
  v('GOBIN', 'build', 'Absolute directory where go install puts commands; defaults to $GOPATH/bin.', {}),
  v('GOCACHE', 'build', 'Absolute directory of the build cache.', { default: '$HOME/.cache/go-build' }),
  v('GOMODCACHE', 'build', 'Absolute directory of the module cache.', { default: '$GOPATH/pkg/mod', since: '1.15' }),
  v('GOTMPDIR', 'build', 'Absolute directory for temporary build files; must exist.', {}),
  v('GOWORK', 'build', 'go.work file to use: off, auto, or an absolute path.', { since: '1.18' }),
  v('GOENV', 'build', 'Location of the go env configuration file, or off; only from the OS environment.', {}),
  v('GOEXPERIMENT', 'build', 'Toolchain experiments to enable or disable; for toolchain development.', {}),
  v('GOFIPS140', 'build', 'FIPS 140 module version to build with: off, latest, inprocess, certified or v1.Y.Z.', {
    values: ['off', 'latest', 'inprocess', 'certified'],
    default: 'off',
    since: '1.24',
  }),
  v('GOAUTH', 'build', 'Authentication for module fetches, `;`-separated commands.', {
    default: 'netrc',
    since: '1.24',
  }),
  v('GOCACHEPROG', 'build', 'Command implementing an external build cache.', { since: '1.24' }),
  v('GOCOVERDIR', 'runtime', 'Directory where coverage-instrumented binaries write their profiles.', { since: '1.20' }),
  v('GOEXE', 'build', 'Executable suffix (read-only).', { effect: 'read-only' }),
  v('GOHOSTOS', 'build', 'Operating system of the toolchain binaries (read-only).', { effect: 'read-only' }),
  v('GOHOSTARCH', 'build', 'Architecture of the toolchain binaries (read-only).', { effect: 'read-only' }),
  v('GOTOOLDIR', 'build', 'Directory of the go tools (read-only).', { effect: 'read-only' }),
  v('GOGCCFLAGS', 'build', 'Flags given to CC (read-only).', { effect: 'read-only' }),
  v('GO_EXTLINK_ENABLED', 'build', 'Whether the external linker is used with cgo: 0 or 1.', { values: ['0', '1'] }),
  v('GOTELEMETRY', 'build', 'Telemetry mode (read-only; set with go telemetry).', { effect: 'read-only' }),
  v('GOTELEMETRYDIR', 'build', 'Telemetry directory (read-only).', { effect: 'read-only' }),
  v('GOVERSION', 'build', 'Version of the installed toolchain (read-only).', { effect: 'read-only' }),
  v('GOMOD', 'build', 'Path of the main go.mod (read-only).', { effect: 'read-only' }),
  v('GOROOT_FINAL', 'build', 'No effect since Go 1.23.', { effect: 'unread' }),
  v('GOPACKAGESDRIVER', 'build', 'External driver for golang.org/x/tools/go/packages; the go command never reads it.', {
    effect: 'unread',
  }),
  v('GCCGO', 'build', 'gccgo command to run for -compiler=gccgo.', {}),
  v('GOLANG_VERSION', 'build', 'Set by the official golang images to the image version; not read by Go.', {
    effect: 'unread',
  }),
];

const BY_NAME = new Map(GO_VARIABLES.map((x) => [x.name, x]));

/** Names the go command and runtime read that are not GO*-prefixed variables in the table above. */
const OTHER_KNOWN = ['CC', 'CXX', 'FC', 'AR', 'PKG_CONFIG', 'GIT_ALLOW_PROTOCOL'];

export function goVariable(name: string): GoVariable | undefined {
  return BY_NAME.get(name);
}

export function isKnownGoName(name: string): boolean {
  return BY_NAME.has(name) || OTHER_KNOWN.includes(name) || name.startsWith('CGO_');
}

/** Valid GOOS/GOARCH pairs (`go tool dist list`, Go 1.27.4). */
export const GO_PORTS: Readonly<Record<string, readonly string[]>> = {
  aix: ['ppc64'],
  android: ['386', 'amd64', 'arm', 'arm64'],
  darwin: ['amd64', 'arm64'],
  dragonfly: ['amd64'],
  freebsd: ['386', 'amd64', 'arm', 'arm64', 'riscv64'],
  illumos: ['amd64'],
  ios: ['amd64', 'arm64'],
  js: ['wasm'],
  linux: [
    '386',
    'amd64',
    'arm',
    'arm64',
    'loong64',
    'mips',
    'mipsle',
    'mips64',
    'mips64le',
    'ppc64',
    'ppc64le',
    'riscv64',
    's390x',
  ],
  netbsd: ['386', 'amd64', 'arm', 'arm64'],
  openbsd: ['386', 'amd64', 'arm', 'arm64', 'riscv64', 'ppc64'],
  plan9: ['386', 'amd64', 'arm'],
  solaris: ['amd64'],
  wasip1: ['wasm'],
  windows: ['386', 'amd64', 'arm64'],
};

/** Variables the go command splits itself, honouring quotes: quotes in their values are meant (cmd/go quoted.Split). */
export const QUOTE_AWARE_VARIABLES = /^(GOFLAGS|CC|CXX|FC|CGO_(C|CPP|CXX|F|LD)FLAGS|GOCACHEPROG)$/;

/**
 * GOEXPERIMENT names Go 1.27 knows (src/internal/goexperiment/flags.go); `no` + name turns one off, `none` all.
 * The go command refuses any other: "go: unknown GOEXPERIMENT x". Names earlier releases knew and later removed
 * are listed apart, so a build with an older Go is not told its experiment does not exist.
 */
export const GOEXPERIMENTS_1_27: ReadonlySet<string> = new Set([
  'fieldtrack',
  'preemptibleloops',
  'staticlockranking',
  'boringcrypto',
  'regabiwrappers',
  'regabiargs',
  'heapminimum512kib',
  'arenas',
  'cgocheck2',
  'loopvar',
  'newinliner',
  'dwarf5',
  'jsonv2',
  'greenteagc',
  'randomizedheapbase64',
  'runtimefreegc',
  'sizespecializedmalloc',
  'simd',
  'runtimesecret',
  'mapsplitgroup',
]);
export const GOEXPERIMENTS_REMOVED: Readonly<Record<string, string>> = {
  goroutineleakprofile: '1.27',
  swissmap: '1.27',
  spinbitmutex: '1.26',
  synchashtriemap: '1.26',
  aliastypeparams: '1.25',
  rangefunc: '1.24',
  coverageredesign: '1.25',
  unified: '1.21',
  pacerredesign: '1.21',
  allocheaders: '1.23',
  exectracer2: '1.23',
  cacheprog: '1.25',
  synctest: '1.26',
  framepointer: '1.21',
  staticlockranking2: '1.21',
};

export const GOARCH_NAMES: readonly string[] = [...new Set(Object.values(GO_PORTS).flat())].sort();

/** Common wrong names and the Go name they mean. */
export const GOOS_ALIASES: Readonly<Record<string, string>> = {
  Linux: 'linux',
  LINUX: 'linux',
  Darwin: 'darwin',
  macos: 'darwin',
  osx: 'darwin',
  Windows: 'windows',
  win: 'windows',
};
export const GOARCH_ALIASES: Readonly<Record<string, string>> = {
  x86_64: 'amd64',
  'x86-64': 'amd64',
  x64: 'amd64',
  AMD64: 'amd64',
  aarch64: 'arm64',
  armv8: 'arm64',
  ARM64: 'arm64',
  armhf: 'arm',
  armv7: 'arm',
  armv7l: 'arm',
  armv6: 'arm',
  armel: 'arm',
  i386: '386',
  i686: '386',
  x86: '386',
  ppc64el: 'ppc64le',
  loongarch64: 'loong64',
};

/** GODEBUG settings that are fatal (Go ≥ 1.27) when set to an old value (src/internal/godebugs/table.go Removed). */
export const GODEBUG_REMOVED: Readonly<
  Record<string, { readonly removedIn: string; readonly fatalValues: readonly string[] }>
> = {
  x509sha1: { removedIn: '1.24', fatalValues: ['1'] },
  tlskyber: { removedIn: '1.24', fatalValues: ['0'] },
  gotypesalias: { removedIn: '1.27', fatalValues: ['0'] },
  tlsunsafeekm: { removedIn: '1.27', fatalValues: ['1'] },
  tlsrsakex: { removedIn: '1.27', fatalValues: ['1'] },
  tls3des: { removedIn: '1.27', fatalValues: ['1'] },
  tls10server: { removedIn: '1.27', fatalValues: ['1'] },
  x509keypairleaf: { removedIn: '1.27', fatalValues: ['0'] },
  asynctimerchan: { removedIn: '1.27', fatalValues: ['1', '2'] },
};

/** Every GODEBUG key Go 1.27 knows: compatibility settings, runtime debug variables and cmd/go keys. */
export const GODEBUG_KNOWN: ReadonlySet<string> = new Set([
  'allowmultiplevcs',
  'containermaxprocs',
  'cryptocustomrand',
  'dataindependenttiming',
  'decoratemappings',
  'embedfollowsymlinks',
  'execerrdot',
  'fips140',
  'fips140ems',
  'gocachehash',
  'gocachetest',
  'gocacheverify',
  'gotestjsonbuildtext',
  'htmlmetacontenturlescape',
  'http2client',
  'http2server',
  'http2debug',
  'httpcookiemaxnum',
  'httplaxcontentlength',
  'httpmuxgo121',
  'httpservecontentkeepheaders',
  'httpservecontentmaxranges',
  'installgoroot',
  'jstmpllitinterp',
  'multipartmaxheaders',
  'multipartmaxparts',
  'multipathtcp',
  'netdns',
  'netedns0',
  'panicnil',
  'randautoseed',
  'randseednop',
  'rsa1024min',
  'tarinsecurepath',
  'tlsmaxrsasize',
  'tlsmlkem',
  'tlssecpmlkem',
  'tlssha1',
  'tracebacklabels',
  'updatemaxprocs',
  'urlmaxqueryparams',
  'urlstrictcolons',
  'winreadlinkvolume',
  'winsymlink',
  'x509negativeserial',
  'x509rsacrt',
  'x509sha256skid',
  'x509sslcertoverrideplatform',
  'x509usefallbackroots',
  'x509usepolicies',
  'zipinsecurepath',
  'adaptivestackstart',
  'asyncpreemptoff',
  'cgocheck',
  'checkfinalizers',
  'clobberfree',
  'disablethp',
  'dontfreezetheworld',
  'efence',
  'gccheckmark',
  'gcpacertrace',
  'gcshrinkstackoff',
  'gcstoptheworld',
  'gctrace',
  'harddecommit',
  'inittrace',
  'invalidptr',
  'madvdontneed',
  'memprofilerate',
  'profstackdepth',
  'sbrk',
  'scavtrace',
  'scheddetail',
  'schedtrace',
  'traceadvanceperiod',
  'traceallocfree',
  'tracebackancestors',
  'tracecheckstackownership',
  'tracefpunwindoff',
  'toolchaintrace',
  ...Object.keys(GODEBUG_REMOVED),
]);

/** Debugging knobs that do not belong in a deployment: key → the values that are debugging (undefined = any non-zero). */
export const GODEBUG_DEBUG_KNOBS: Readonly<
  Record<string, { readonly when: (value: string) => boolean; readonly what: string }>
> = {
  gctrace: { when: (x) => x !== '0', what: 'prints a line per GC cycle to stderr' },
  schedtrace: { when: (x) => x !== '0', what: 'prints scheduler state periodically' },
  scheddetail: { when: (x) => x !== '0', what: 'prints detailed scheduler state' },
  inittrace: { when: (x) => x !== '0', what: 'prints package init timings' },
  scavtrace: { when: (x) => x !== '0', what: 'prints scavenger statistics' },
  gcpacertrace: { when: (x) => x !== '0', what: 'prints GC pacer state' },
  sbrk: { when: (x) => x !== '0', what: 'replaces the allocator with a trivial one that never frees' },
  efence: { when: (x) => x !== '0', what: 'allocates every object on its own page and never recycles it' },
  gcstoptheworld: { when: (x) => x !== '0', what: 'makes every GC stop the world' },
  clobberfree: { when: (x) => x !== '0', what: 'clobbers freed memory (debugging only)' },
  dontfreezetheworld: { when: (x) => x !== '0', what: 'changes fatal-panic behaviour for debugging' },
  invalidptr: { when: (x) => x === '0', what: 'disables the invalid-pointer crash check' },
  cgocheck: { when: (x) => x === '0', what: 'disables cgo pointer-passing checks' },
  asyncpreemptoff: { when: (x) => x !== '0', what: 'disables asynchronous preemption' },
  disablethp: { when: (x) => x !== '0', what: 'disables transparent huge pages (to be removed in a future release)' },
};

/** Variables whose value is a path that must be absolute. */
export const GO_PATH_VARIABLES: readonly string[] = [
  'GOPATH',
  'GOROOT',
  'GOBIN',
  'GOCACHE',
  'GOMODCACHE',
  'GOTMPDIR',
  'GOWORK',
];

/** Variables that shape a Go build or run; the set the go-values rules look at. */
export function isGoRelevant(name: string): boolean {
  return isKnownGoName(name) || name === 'PATH' || /^GO/.test(name);
}
