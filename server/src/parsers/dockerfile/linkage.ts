// Owns what a go build in a stage produces: its effective cgo state and linkage, and where the binary is copied.
import * as posix from 'node:path/posix';
import type { CopyFrom, DockerModel, GoBuild, Stage } from './model';
import { interpreterFor, type Libc } from '../../knowledge/base-images';

export interface CgoState {
  /** on: cgo is used; off: it is not; unknown: depends on things we cannot see. */
  readonly state: 'on' | 'off' | 'unknown';
  readonly why: string;
}

/** The go command's default (cmd/go/internal/cfg: CGO_ENABLED, `go help environment`): explicit 0/1 wins; cross-compiling → 0; otherwise 1 where a C compiler exists. */
export function cgoState(build: GoBuild): CgoState {
  const explicit = build.env.get('CGO_ENABLED');
  if (explicit !== undefined && (explicit.value === '0' || explicit.value === '1')) {
    return { state: explicit.value === '1' ? 'on' : 'off', why: `CGO_ENABLED=${explicit.value} (${explicit.source})` };
  }
  if (explicit !== undefined && explicit.value.includes('$'))
    return { state: 'unknown', why: `CGO_ENABLED=${explicit.value}` };
  const goos = build.env.get('GOOS')?.value;
  const goarch = build.env.get('GOARCH')?.value;
  if ((goarch !== undefined && goarch !== '') || (goos !== undefined && goos !== '' && goos !== 'linux')) {
    return { state: 'unknown', why: 'GOOS/GOARCH are set: when they differ from the build machine, cgo defaults to 0' };
  }
  const facts = build.stage.facts;
  const compiler = build.compilerInstalled || facts?.cCompiler === true;
  if (compiler)
    return {
      state: 'on',
      why: `CGO_ENABLED is not set and ${build.compilerInstalled ? 'the stage installs a C compiler' : `${facts?.family ?? 'the image'} has gcc`}, so the go command defaults to 1`,
    };
  if (facts?.cCompiler === false)
    return { state: 'off', why: `CGO_ENABLED is not set and ${facts.family} has no C compiler, so it defaults to 0` };
  return { state: 'unknown', why: 'CGO_ENABLED is not set and the builder image is unknown' };
}

export interface Linkage {
  /** `depends`: static only if the go command links externally, which depends on packages we cannot see. */
  readonly kind: 'static' | 'dynamic' | 'depends' | 'unknown';
  /** libc the binary needs when dynamic. */
  readonly libc: Libc | undefined;
  readonly interpreter: string | undefined;
  readonly why: string;
}

function tags(build: GoBuild): string[] {
  return build.flags.filter((f) => f.name === 'tags').flatMap((f) => (f.value ?? '').split(/[,\s]+/));
}

export function ldflags(build: GoBuild): string {
  return build.flags
    .filter((f) => f.name === 'ldflags')
    .map((f) => f.value ?? '')
    .join(' ');
}

export function linkage(build: GoBuild): Linkage {
  const libc = build.stage.facts?.libc;
  const pie = build.flags.some((f) => f.name === 'buildmode' && f.value === 'pie');
  if (pie)
    return {
      kind: 'dynamic',
      libc,
      interpreter: interpreterFor(libc),
      why: '-buildmode=pie always produces a dynamic executable with an ELF interpreter',
    };
  const cgo = cgoState(build);
  if (cgo.state === 'off') return { kind: 'static', libc: undefined, interpreter: undefined, why: 'cgo is off' };
  if (cgo.state === 'unknown') return { kind: 'unknown', libc, interpreter: undefined, why: cgo.why };
  const t = tags(build);
  const ld = ldflags(build);
  if (/-extldflags[= ]['"]?[^'"]*-static/.test(ld)) {
    if (/-linkmode[= ]external/.test(ld))
      return { kind: 'static', libc, interpreter: undefined, why: 'external linking with -static' };
    // cmd/link links internally unless a package outside the standard library uses cgo (or -linkmode external
    // asks): with only net and os/user it ignores -extldflags and the binary stays dynamic.
    return {
      kind: 'depends',
      libc,
      interpreter: interpreterFor(libc),
      why: '-extldflags -static applies only when the linker runs externally: with cgo only in net and os/user it is ignored',
    };
  }
  if (t.includes('netgo') && t.includes('osusergo'))
    return {
      kind: 'unknown',
      libc,
      interpreter: undefined,
      why: 'netgo and osusergo remove the std cgo users; only your own cgo code links libc',
    };
  return {
    kind: 'dynamic',
    libc,
    interpreter: interpreterFor(libc),
    why: `cgo is on (${cgo.why}): net and os/user link ${libc ?? 'the C library'} dynamically`,
  };
}

/** Why turning cgo off would break this build, or undefined when nothing shows that the build needs cgo. */
export function cgoNeededBy(build: GoBuild): string | undefined {
  const cc = ['CC', 'CXX', 'CGO_CFLAGS', 'CGO_LDFLAGS'].find((n) => (build.env.get(n)?.value ?? '') !== '');
  if (cc !== undefined) return `${cc} is set`;
  const dev = build.cDevPackages.find((p) => !/^(musl|libc6|glibc)-dev/.test(p));
  if (dev !== undefined) return `the stage installs ${dev}`;
  // Build tags that select cgo code (mattn/go-sqlite3's libsqlite3, confluent-kafka-go's dynamic/musl, gopacket's pcap…).
  const tag = tags(build).find((t) =>
    /^(cgo|libsqlite3|sqlite_\w+|dynamic|musl|pcap|gssapi|sqlcipher|icu|fts5|json1)$/.test(t),
  );
  if (tag !== undefined) return `-tags ${tag} selects cgo code`;
  return undefined;
}

/** A COPY --from that takes the build's binary, with the stage it lands in. */
export interface ArtifactCopy {
  readonly build: GoBuild;
  readonly copy: CopyFrom;
  /** Where the binary ends up in the destination stage. */
  readonly dest: string;
}

function covers(source: string, output: string): boolean {
  const s = source.replace(/\/+$/, '') || '/';
  return (
    output === s ||
    output.startsWith(`${s}/`) ||
    (s.includes('*') && new RegExp(`^${s.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`).test(output))
  );
}

export function artifactCopies(model: DockerModel): ArtifactCopy[] {
  const out: ArtifactCopy[] = [];
  for (const stage of model.stages) {
    for (const copy of stage.copies) {
      const from = copy.fromStage;
      if (from === undefined) continue;
      for (const build of from.goBuilds) {
        if (build.output === undefined) {
          // One binary per main package in a directory: a copy of (or from inside) it takes some of them.
          const dir = build.outputDir;
          if (dir === undefined) continue;
          const src = copy.sources.find(
            (x) =>
              covers(posix.resolve(from.workdir, x.value), dir) ||
              posix.resolve(from.workdir, x.value).startsWith(`${dir}/`),
          );
          if (src !== undefined) out.push({ build, copy, dest: copy.dest });
          continue;
        }
        for (const src of copy.sources) {
          const source = posix.resolve(from.workdir, src.value);
          if (!covers(source, build.output)) continue;
          const isDirCopy = source !== build.output;
          out.push({
            build,
            copy,
            dest: isDirCopy
              ? posix.join(copy.dest, posix.relative(source, build.output))
              : copy.destIsDir
                ? posix.join(copy.dest, posix.basename(build.output))
                : copy.dest,
          });
        }
      }
    }
  }
  return out;
}

export function finalStage(model: DockerModel): Stage | undefined {
  return model.stages[model.stages.length - 1];
}
