// Owns the Dockerfile model built on dockerfile-ast: stages, inherited ENV/ARG/USER/WORKDIR, COPY --from links, go builds.
import { append } from '../../text/append';
import * as posix from 'node:path/posix';
import type { Dockerfile, Instruction, From, Copy, Property } from 'dockerfile-ast';
import type { LineIndex, Range } from '../../text/line-index';
import { imageFacts, WINDOWS, type ImageFacts } from '../../knowledge/base-images';
import { readCommands, type ShellWord, type SimpleCommand } from '../shell/words';
import { argsOf, argsRangeOf, rawArgsOf } from './instruction-cache';

export interface Setting {
  readonly value: string;
  /** Where it was set: a RUN prefix, `export`, ENV, ARG default, or the image. */
  readonly source: 'prefix' | 'export' | 'ENV' | 'ARG' | 'image';
  readonly range: Range | undefined;
}

export interface GoFlag {
  readonly name: string;
  readonly value: string | undefined;
  /** Range of the flag word (and its separate value word). */
  readonly range: Range;
}

export interface GoBuild {
  readonly stage: Stage;
  readonly kind: 'build' | 'install';
  /** From the first env prefix (or `go`) to the end of the command. */
  readonly range: Range;
  readonly goWord: Range;
  readonly words: readonly ShellWord[];
  /** Offset where the command starts (where a `CGO_ENABLED=0 ` prefix goes). */
  readonly commandStart: number;
  readonly env: ReadonlyMap<string, Setting>;
  /** The command's own `NAME=value` prefix, in the order of `env` (where it is too, and wins). */
  readonly prefix: ReadonlyMap<string, Setting>;
  readonly flags: readonly GoFlag[];
  readonly output: string | undefined;
  /** `-o dir/` with several main packages (`./cmd/...`): one binary per package lands there, names unknown. */
  readonly outputDir: string | undefined;
  readonly cwd: string;
  /** True for exec-form RUN (prefix fixes do not apply). */
  readonly execForm: boolean;
  /** True when an earlier command of the stage installed a C compiler. */
  readonly compilerInstalled: boolean;
  /** C development packages (`*-dev`, `*-devel`) an earlier command of the stage installed. */
  readonly cDevPackages: readonly string[];
}

export interface CopySource {
  readonly value: string;
  readonly range: Range;
}

export interface CopyFrom {
  readonly instruction: Copy;
  readonly stage: Stage;
  readonly fromText: string;
  readonly fromRange: Range;
  /** The stage it copies from, when `--from` names a stage (by name or index). */
  readonly fromStage: Stage | undefined;
  readonly sources: readonly CopySource[];
  readonly dest: string;
  /** True when the destination is written as a directory (`/usr/local/bin/`). */
  readonly destIsDir: boolean;
}

export interface Stage {
  readonly index: number;
  readonly name: string | undefined;
  readonly from: From;
  /** Image reference with global ARG defaults substituted. */
  readonly image: string;
  readonly platform: string | undefined;
  /** The stage this one builds on (`FROM <stage>`). */
  readonly parent: Stage | undefined;
  /** Facts of the base image, inherited through FROM <stage>. */
  readonly facts: ImageFacts | undefined;
  readonly instructions: Instruction[];
  readonly env: Map<string, Setting>;
  /** ARG names declared in this stage (with default values when given). */
  readonly args: Map<string, Setting>;
  user: { value: string; range: Range } | undefined;
  workdir: string;
  shell: string | undefined;
  readonly goBuilds: GoBuild[];
  readonly copies: CopyFrom[];
  /** Paths created by instructions (COPY/ADD destinations, mkdir/touch/cp targets). */
  readonly creates: string[];
  /** True when a RUN installs a C compiler (apk add gcc, apt-get install build-essential…). */
  installsCompiler: boolean;
  /** C development packages (`libsqlite3-dev`, `sqlite-dev`, `openssl-devel`…) installed by a RUN. */
  cDevPackages: string[];
  /** Every package a RUN installs with apk, apt-get, apt, yum, dnf or microdnf (the stage's own and its parents'). */
  installed: string[];
}

export interface DockerModel {
  readonly stages: readonly Stage[];
  readonly globalArgs: ReadonlyMap<string, Setting>;
  /** True when TARGET* or BUILD* platform args are used anywhere (a multi-platform build). */
  readonly usesTargetArgs: boolean;
  /**
   * The simple commands of a shell-form CMD, ENTRYPOINT or HEALTHCHECK CMD (after its options), at document offsets;
   * empty for exec form and other instructions. Split on first use.
   */
  shellCommands(inst: Instruction): readonly SimpleCommand[];
}

const VAR = /\$\{?([A-Za-z_][A-Za-z0-9_]*)(?::?[-+][^}]*)?\}?/g;

export function substitute(text: string, vars: ReadonlyMap<string, Setting>): string {
  return text.replace(VAR, (m, name: string) => vars.get(name)?.value ?? m);
}

function properties(inst: Instruction): Property[] {
  const p = (inst as unknown as { getProperties?: () => Property[] }).getProperties;
  return typeof p === 'function' ? p.call(inst) : [];
}

/** What the commands of one RUN add to its stage: paths, go builds and installed C toolchain packages. */
interface RunEffects {
  readonly creates: string[];
  readonly goBuilds: GoBuild[];
  installsCompiler: boolean;
  readonly cDevPackages: string[];
  readonly installed: string[];
}

const GO_FLAGS_WITH_VALUE = new Set([
  'o',
  'tags',
  'ldflags',
  'gcflags',
  'buildmode',
  'installsuffix',
  'mod',
  'p',
  'pkgdir',
  'asmflags',
  'modfile',
  'overlay',
  'pgo',
  'C',
]);
const CREATES_LAST_ARG = new Set(['mkdir', 'touch', 'cp', 'mv', 'ln', 'install']);

/** `NAME=value` words before a command: its environment prefix, and the index of the command word. */
function envPrefix(words: readonly ShellWord[], index: LineIndex): { prefix: Map<string, Setting>; at: number } {
  const prefix = new Map<string, Setting>();
  let at = 0;
  for (; at < words.length; at++) {
    const w = words[at];
    if (w === undefined || !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w.value)) break;
    const eq = w.value.indexOf('=');
    prefix.set(w.value.slice(0, eq), {
      value: w.value.slice(eq + 1),
      source: 'prefix',
      range: index.range(w.start, w.end),
    });
  }
  return { prefix, at };
}

/** The flags and package arguments after `go build`/`go install`. */
function goArguments(
  words: readonly ShellWord[],
  from: number,
  index: LineIndex,
): { flags: GoFlag[]; packages: string[] } {
  const flags: GoFlag[] = [];
  const packages: string[] = [];
  for (let k = from; k < words.length; k++) {
    const w = words[k];
    if (w === undefined) continue;
    if (!w.value.startsWith('-')) {
      packages.push(w.value);
      continue;
    }
    const m = /^--?([A-Za-z][A-Za-z0-9-]*)(?:=(.*))?$/s.exec(w.value);
    if (m?.[1] === undefined) continue;
    const next = words[k + 1];
    if (m[2] === undefined && GO_FLAGS_WITH_VALUE.has(m[1]) && next !== undefined) {
      flags.push({ name: m[1], value: next.value, range: index.range(w.start, next.end) });
      k++;
    } else flags.push({ name: m[1], value: m[2], range: index.range(w.start, w.end) });
  }
  return { flags, packages };
}

/** Where a go build or install writes its binary (or binaries, for `-o dir/` with several main packages). */
function goOutput(
  kind: GoBuild['kind'],
  flags: readonly GoFlag[],
  packages: readonly string[],
  cwd: string,
  env: ReadonlyMap<string, Setting>,
): { output?: string; outputDir?: string } {
  const out = flags.find((f) => f.name === 'o')?.value;
  const pkgName = (p: string | undefined): string => {
    const clean = (p ?? '.')
      .replace(/@.*$/, '')
      .replace(/\/\.\.\.$/, '')
      .replace(/\/$/, '');
    return clean === '.' || clean === '' ? posix.basename(cwd) : posix.basename(clean);
  };
  const several = packages.length > 1 || packages.some((p) => p === '...' || p.endsWith('/...'));
  if (kind === 'build' && out !== undefined && out.endsWith('/') && several && !out.includes('$'))
    return { outputDir: posix.resolve(cwd, out) };
  if (kind === 'install') {
    const gobin = env.get('GOBIN')?.value ?? `${env.get('GOPATH')?.value ?? '/go'}/bin`;
    return gobin.includes('$') ? {} : { output: posix.join(gobin, pkgName(packages[0])) };
  }
  if (out !== undefined)
    return out.includes('$')
      ? {}
      : {
          output: out.endsWith('/')
            ? posix.join(posix.resolve(cwd, out), pkgName(packages[0]))
            : posix.resolve(cwd, out),
        };
  return packages.length > 1 ? {} : { output: posix.join(cwd, pkgName(packages[0])) };
}

/** Reads the simple commands of one RUN, tracking `export` and `cd`; the stage is read, never changed. */
function readRun(commands: readonly SimpleCommand[], stage: Stage, index: LineIndex, execForm: boolean): RunEffects {
  const effects: RunEffects = {
    creates: [],
    goBuilds: [],
    installsCompiler: stage.installsCompiler,
    cDevPackages: [...stage.cDevPackages],
    installed: [...stage.installed],
  };
  const exported = new Map<string, Setting>();
  let cwd = stage.workdir;
  for (const cmd of commands) {
    const words = cmd.words;
    const { prefix, at } = envPrefix(words, index);
    const name = words[at]?.value ?? '';
    if (name === 'export') {
      for (const w of words.slice(at + 1)) {
        const eq = w.value.indexOf('=');
        if (eq > 0)
          exported.set(w.value.slice(0, eq), {
            value: w.value.slice(eq + 1),
            source: 'export',
            range: index.range(w.start, w.end),
          });
      }
      continue;
    }
    if (name === 'cd' && words[at + 1] !== undefined) {
      cwd = posix.resolve(cwd, words[at + 1]?.value ?? '.');
      continue;
    }
    if (CREATES_LAST_ARG.has(name)) {
      const target = words[words.length - 1]?.value;
      if (target !== undefined && !target.startsWith('-')) effects.creates.push(posix.resolve(cwd, target));
      continue;
    }
    if (/(^|\/)(apk|apt-get|apt|yum|dnf|microdnf)$/.test(name)) {
      if (words.some((w) => /^(gcc|clang|build-essential|musl-dev|gcc-[a-z0-9-]+|g\+\+)$/.test(w.value)))
        effects.installsCompiler = true;
      append(
        effects.cDevPackages,
        words.map((w) => w.value).filter((v) => /^[a-z0-9][a-z0-9.+-]*-(dev|devel)(:[a-z0-9]+)?$/.test(v)),
      );
      if (words.some((w) => /^(add|install)$/.test(w.value)))
        append(
          effects.installed,
          words
            .slice(at + 1)
            .map((w) => w.value.replace(/[=:].*$/, ''))
            .filter((v) => /^[a-z0-9][a-z0-9.+-]*$/.test(v) && !/^(add|install)$/.test(v)),
        );
    }
    const kind = words[at + 1]?.value;
    const goWord = words[at];
    if (!/(^|\/)go$/.test(name) || (kind !== 'build' && kind !== 'install') || goWord === undefined) continue;
    // Copied map to map: spreading both into entry arrays made garbage in proportion to the stage's ENV lines, for
    // every go build.
    const env = new Map<string, Setting>(stage.env);
    for (const [k, v] of exported) env.set(k, v);
    for (const [k, v] of prefix) env.set(k, v);
    // A prefix name the stage already has keeps that place in `env`: the rare case pays for the reordering.
    const ownPrefix = [...prefix.keys()].some((k) => stage.env.has(k) || exported.has(k))
      ? new Map([...env].filter(([k]) => prefix.has(k)))
      : prefix;
    const { flags, packages } = goArguments(words, at + 2, index);
    const { output, outputDir } = goOutput(kind, flags, packages, cwd, env);
    const first = words[0] ?? goWord;
    const last = words[words.length - 1] ?? goWord;
    effects.goBuilds.push({
      stage,
      kind,
      range: index.range(first.start, last.end),
      goWord: index.range(goWord.start, goWord.end),
      words,
      commandStart: first.start,
      env,
      prefix: ownPrefix,
      flags,
      output,
      outputDir,
      cwd,
      execForm,
      compilerInstalled: effects.installsCompiler,
      cDevPackages: [...effects.cDevPackages],
    });
    if (output !== undefined) effects.creates.push(output);
    if (outputDir !== undefined) effects.creates.push(outputDir);
  }
  return effects;
}

/** The commands a RUN runs: exec form as one command, heredoc bodies, or the shell-form text. */
function runCommands(
  inst: Instruction,
  raw: string,
  index: LineIndex,
): { commands: SimpleCommand[]; execForm: boolean }[] {
  const argsRange = argsRangeOf(inst);
  if (argsRange === null) return [];
  const trimmed = raw.trimStart();
  if (trimmed.startsWith('[')) {
    try {
      const argv = JSON.parse(trimmed) as unknown;
      if (!Array.isArray(argv) || !argv.every((x) => typeof x === 'string')) return [];
      const base = index.offsetAt(argsRange.start);
      const words: ShellWord[] = argv.map((v) => ({
        value: v,
        map: [],
        start: base,
        end: base + trimmed.length,
        dynamic: false,
        quoted: true,
      }));
      return [{ commands: [{ words, redirects: [], start: base, end: base + trimmed.length }], execForm: true }];
    } catch {
      // malformed JSON: BuildKit runs it as shell form; nothing to analyse safely
      return [];
    }
  }
  const heredocs =
    (inst as unknown as { getHeredocs?: () => { getContentRange(): Range | null }[] }).getHeredocs?.() ?? [];
  if (trimmed.startsWith('<<') && heredocs.length > 0) {
    return heredocs.flatMap((h) => {
      const r = h.getContentRange();
      if (r === null) return [];
      const start = index.offsetAt(r.start);
      return [{ commands: readCommands(index.text.slice(start, index.offsetAt(r.end)), start), execForm: false }];
    });
  }
  const base = index.offsetAt(argsRange.start);
  return [{ commands: readCommands(index.text.slice(base, index.offsetAt(argsRange.end)), base), execForm: false }];
}

/** A new stage for a FROM: it inherits from the stage it names, else starts from the base image's facts. */
function newStage(
  from: From,
  stages: readonly Stage[],
  globalArgs: ReadonlyMap<string, Setting>,
  windowsEscape: boolean,
): Stage {
  const image = substitute(from.getImage() ?? '', globalArgs);
  const parent = stages.find((s) => s.name !== undefined && s.name.toLowerCase() === image.toLowerCase());
  return {
    index: stages.length,
    name: from.getBuildStage() ?? undefined,
    from,
    image,
    platform: from.getPlatformFlag()?.getValue() ?? undefined,
    parent,
    // `# escape=`` is what Windows Dockerfiles use (a backslash is their path separator).
    facts: parent !== undefined ? parent.facts : (imageFacts(image) ?? (windowsEscape ? WINDOWS : undefined)),
    instructions: [],
    env: new Map(parent?.env ?? []),
    args: new Map(),
    user: parent?.user,
    workdir: parent?.workdir ?? (/(^|\/)golang[:@]|(^|\/)golang$/.test(image) ? '/go' : '/'),
    shell: parent?.shell,
    goBuilds: [],
    copies: [],
    creates: [...(parent?.creates ?? [])],
    installsCompiler: parent?.installsCompiler ?? false,
    cDevPackages: [...(parent?.cDevPackages ?? [])],
    installed: [...(parent?.installed ?? [])],
  };
}

function declareArgs(stage: Stage, inst: Instruction, raw: string, globalArgs: ReadonlyMap<string, Setting>): void {
  for (const p of properties(inst)) {
    const value = p.getValue() ?? globalArgs.get(p.getName())?.value;
    stage.args.set(p.getName(), { value: value ?? '', source: 'ARG', range: p.getRange() });
    if (value !== undefined && !stage.env.has(p.getName()))
      stage.env.set(p.getName(), { value, source: 'ARG', range: p.getRange() });
  }
  // `ARG TARGETOS TARGETARCH` declares several names; the AST reports the first.
  const r = argsRangeOf(inst);
  for (const name of raw.trim().split(/\s+/)) {
    const n = /^([A-Za-z_][A-Za-z0-9_]*)(=.*)?$/.exec(name)?.[1];
    if (n !== undefined && !stage.args.has(n))
      stage.args.set(n, { value: globalArgs.get(n)?.value ?? '', source: 'ARG', range: r ?? undefined });
  }
}

function addCopy(stage: Stage, inst: Instruction, keyword: string, stages: readonly Stage[]): void {
  const args = argsOf(inst);
  const dest = args[args.length - 1];
  if (dest !== undefined) stage.creates.push(posix.resolve(stage.workdir, substitute(dest.getValue(), stage.env)));
  const fromFlag = keyword === 'COPY' ? (inst as Copy).getFromFlag() : null;
  if (fromFlag === null || dest === undefined) return;
  const fromText = fromFlag.getValue() ?? '';
  stage.copies.push({
    instruction: inst as Copy,
    stage,
    fromText,
    fromRange: fromFlag.getValueRange() ?? fromFlag.getRange(),
    fromStage: /^\d+$/.test(fromText)
      ? stages[Number(fromText)]
      : stages.find((s) => s.name?.toLowerCase() === fromText.toLowerCase()),
    sources: args.slice(0, -1).map((a) => ({ value: substitute(a.getValue(), stage.env), range: a.getRange() })),
    dest: posix.resolve(stage.workdir, substitute(dest.getValue(), stage.env)),
    destIsDir: dest.getValue().endsWith('/') || args.length > 2,
  });
}

/** Applies one instruction of a stage to the stage's state (ENV, ARG, USER, WORKDIR, SHELL, COPY/ADD, RUN). */
function applyInstruction(
  stage: Stage,
  inst: Instruction,
  keyword: string,
  raw: string,
  stages: readonly Stage[],
  globalArgs: ReadonlyMap<string, Setting>,
  index: LineIndex,
): void {
  switch (keyword) {
    case 'ENV':
      for (const p of properties(inst))
        stage.env.set(p.getName(), {
          value: substitute(p.getValue() ?? '', stage.env),
          source: 'ENV',
          range: p.getValueRange() ?? p.getRange(),
        });
      return;
    case 'ARG':
      return declareArgs(stage, inst, raw, globalArgs);
    case 'USER': {
      const r = argsRangeOf(inst);
      if (r !== null) stage.user = { value: substitute(raw.trim(), stage.env), range: r };
      return;
    }
    case 'WORKDIR':
      stage.workdir = posix.resolve(stage.workdir, substitute(raw.trim(), stage.env));
      stage.creates.push(stage.workdir);
      return;
    case 'SHELL':
      stage.shell = /"([^"]+)"/.exec(raw)?.[1];
      return;
    case 'COPY':
    case 'ADD':
      return addCopy(stage, inst, keyword, stages);
    case 'RUN':
      for (const { commands, execForm } of runCommands(inst, raw, index)) {
        const effects = readRun(commands, stage, index, execForm);
        append(stage.creates, effects.creates);
        append(stage.goBuilds, effects.goBuilds);
        stage.installsCompiler = effects.installsCompiler;
        stage.cDevPackages = effects.cDevPackages;
        stage.installed = effects.installed;
      }
      return;
    default:
      return;
  }
}

export function buildModel(dockerfile: Dockerfile, index: LineIndex): DockerModel {
  const stages: Stage[] = [];
  const globalArgs = new Map<string, Setting>();
  let usesTargetArgs = false;
  const windowsEscape = dockerfile.getEscapeCharacter() === '`';
  for (const inst of dockerfile.getInstructions()) {
    const keyword = inst.getKeyword().toUpperCase();
    const raw = rawArgsOf(inst) ?? '';
    if (
      /\$\{?(TARGET|BUILD)(PLATFORM|OS|ARCH|VARIANT)\b/.test(raw) ||
      (keyword === 'ARG' && /\bTARGET(PLATFORM|OS|ARCH|VARIANT)\b/.test(raw))
    )
      usesTargetArgs = true;
    const current = stages[stages.length - 1];
    if (keyword === 'FROM') stages.push(newStage(inst as From, stages, globalArgs, windowsEscape));
    else if (current === undefined) {
      if (keyword === 'ARG')
        for (const p of properties(inst))
          globalArgs.set(p.getName(), { value: p.getValue() ?? '', source: 'ARG', range: p.getRange() });
    } else {
      current.instructions.push(inst);
      applyInstruction(current, inst, keyword, raw, stages, globalArgs, index);
    }
  }
  const split = new Map<Instruction, readonly SimpleCommand[]>();
  const shellCommands = (inst: Instruction): readonly SimpleCommand[] => {
    const known = split.get(inst);
    if (known !== undefined) return known;
    const keyword = inst.getKeyword().toUpperCase();
    const raw = rawArgsOf(inst) ?? '';
    const range = argsRangeOf(inst);
    let commands: readonly SimpleCommand[] = [];
    if (range !== null && (keyword === 'CMD' || keyword === 'ENTRYPOINT' || keyword === 'HEALTHCHECK')) {
      const m = keyword === 'HEALTHCHECK' ? /^(\s*(?:--\S+\s+)*CMD\s+)/i.exec(raw) : /^\s*/.exec(raw);
      const body = m === null ? undefined : raw.slice(m[0].length);
      if (body !== undefined && body.trim() !== '' && !body.trimStart().startsWith('['))
        commands = readCommands(body, index.offsetAt(range.start) + (m?.[0].length ?? 0));
    }
    split.set(inst, commands);
    return commands;
  };
  return { stages, globalArgs, usesTargetArgs, shellCommands };
}
