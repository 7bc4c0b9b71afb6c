// Owns the Dockerfile surface (via dockerfile-ast): the stage model, Go values in ENV/ARG/RUN prefixes, embedded registrations.
import { append } from '../text/append';
import { parseDockerfile } from '../parsers/dockerfile/parser';
import type { LineIndex, Range } from '../text/line-index';
import { SourceToken, type Token } from '../text/token';
import { deleteLines, replace, type TextEdit } from '../text/edits';
import { readCommands } from '../parsers/shell/words';
import { embeddedRegistrations, type ShellFlavor } from '../parsers/binfmt/embedded';
import type { BinfmtFile, RegistrationNode } from '../parsers/binfmt/ast';
import { buildModel, type DockerModel } from '../parsers/dockerfile/model';
import type { BuildContext, DockerfileInput } from '../parsers/dockerfile/input';
import { dockerignoreMatcher } from '../parsers/dockerfile/dockerignore';
import * as path from 'node:path';
import { goVersionOfImage } from '../knowledge/base-images';
import { parseGoVersion } from '../knowledge/go-version';
import type { EnvBinding, GoValues } from '../rules/go-values/input';
import type { AnalysisContext, Prepared } from './prepared';
import type { SourceDocument } from './source-document';
import { binfmtInput } from './binfmt';
import { argsRangeOf, rawArgsOf } from '../parsers/dockerfile/instruction-cache';

function quoteForDockerfile(value: string): string {
  // An empty value is written `""`: the legacy form `ENV KEY ` has no value at all and Docker rejects it.
  return value === '' || /[\s"'\\$]/.test(value) ? `"${value.replace(/(["\\])/g, '\\$1')}"` : value;
}

interface DockerProperty {
  getName(): string;
  getValue(): string | null;
  getValueRange(): Range | null;
  getNameRange(): Range;
  getRange(): Range;
}

/** Deletes item i of a list of ranges with one adjacent separator: the following one, or the preceding one for the last item. */
function removeItem(ranges: readonly Range[], i: number): TextEdit {
  const item = ranges[i];
  const next = ranges[i + 1];
  const prev = ranges[i - 1];
  if (item === undefined)
    return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '' };
  if (next !== undefined) return { range: { start: item.start, end: next.start }, newText: '' };
  if (prev !== undefined) return { range: { start: prev.end, end: item.end }, newText: '' };
  return replace(item, '');
}

/** ENV values, ARG defaults and VAR=value prefixes of go commands, as EnvBindings (Dockerfile ENV expands variables). */
function envScope(model: DockerModel, index: LineIndex, goVersion: DockerfileInput['goVersion']): GoValues {
  const bindings: EnvBinding[] = [];
  interface Where {
    readonly nameRange: Range;
    readonly valueRange: Range;
    readonly statement: Range;
    readonly exact: boolean;
    readonly remove: () => TextEdit;
    readonly windows: boolean;
  }
  const add = (name: string, value: string, w: Where): void => {
    bindings.push({
      ...(w.windows ? { windows: true } : {}),
      name,
      value,
      literal: value,
      nameRange: w.nameRange,
      valueRange: w.valueRange,
      exactOffset: w.exact ? index.offsetAt(w.valueRange.start) : undefined,
      statementRange: w.statement,
      replaceValue: (v: string): TextEdit => replace(w.valueRange, quoteForDockerfile(v)),
      remove: w.remove,
    });
  };
  for (const stage of model.stages) {
    for (const inst of stage.instructions) {
      const kw = inst.getKeyword().toUpperCase();
      if (kw !== 'ENV' && kw !== 'ARG') continue;
      const props = (inst as unknown as { getProperties(): DockerProperty[] }).getProperties();
      const propRanges = props.map((p) => p.getRange());
      const instRange = inst.getRange();
      props.forEach((p, i) => {
        const value = p.getValue();
        const vr = p.getValueRange();
        if (value === null || vr === null) return;
        const rawText = index.text.slice(index.offsetAt(vr.start), index.offsetAt(vr.end));
        add(p.getName(), value, {
          nameRange: p.getNameRange(),
          valueRange: vr,
          statement: p.getRange(),
          exact: rawText === value,
          // The only variable of the instruction takes the instruction with it (`ENV KEY` alone is an error);
          // otherwise only its `key=value` pair goes.
          remove: () =>
            props.length === 1 || instRange === null
              ? deleteLines(index, instRange ?? p.getRange())
              : removeItem(propRanges, i),
          windows: stage.facts?.windows === true,
        });
      });
    }
    for (const build of stage.goBuilds) {
      for (const [name, s] of build.prefix) {
        if (s.range === undefined) continue;
        const wordStart = index.offsetAt(s.range.start);
        const start = wordStart + name.length + 1;
        const valueRange = index.range(start, index.offsetAt(s.range.end));
        // A prefix goes with the blanks after it, so the command keeps its place.
        const after = /^[ \t]*/.exec(index.text.slice(index.offsetAt(s.range.end)))?.[0].length ?? 0;
        add(name, s.value, {
          nameRange: index.range(wordStart, start - 1),
          valueRange,
          statement: build.range,
          exact: index.text.slice(start, index.offsetAt(s.range.end)) === s.value,
          remove: () => ({
            range: index.range(wordStart, index.offsetAt(s.range?.end ?? valueRange.end) + after),
            newText: '',
          }),
          windows: stage.facts?.windows === true,
        });
      }
    }
  }
  return {
    surface: 'dockerfile',
    expanding: true,
    bindings,
    goVersion,
    index,
    appendBinding: (name, value) => {
      const end = index.positionAt(index.text.length);
      return {
        range: { start: end, end },
        newText: `${index.text.endsWith('\n') ? '' : '\n'}ENV ${name}=${quoteForDockerfile(value)}\n`,
      };
    },
  };
}

/** The Dockerfile's folder as the build context, with the ignore file BuildKit would use for it. */
function buildContext(dockerfilePath: string, ctx: AnalysisContext): BuildContext {
  const dir = path.dirname(dockerfilePath);
  const own = `${dockerfilePath}.dockerignore`;
  const shared = path.join(dir, '.dockerignore');
  const ignorePath = ctx.project.exists(own) ? own : ctx.project.exists(shared) ? shared : undefined;
  let exposed: readonly string[] | undefined;
  return {
    dockerignore: ignorePath === undefined ? undefined : path.basename(ignorePath),
    exposed: () => {
      if (exposed !== undefined) return exposed;
      const ignored = dockerignoreMatcher(ignorePath === undefined ? '' : (ctx.project.readText(ignorePath) ?? ''));
      exposed = ctx.project.contextSecrets(dir).filter((p) => !ignored(p));
      return exposed;
    },
  };
}

export function prepareDockerfile(doc: SourceDocument, index: LineIndex, ctx: AnalysisContext): Prepared {
  // Docker (like our line index) breaks lines at \n only; dockerfile-ast also breaks at a lone \r. A space of the
  // same length keeps both on the same lines and offsets.
  const dockerfile = parseDockerfile(doc.text.includes('\r') ? doc.text.replace(/\r(?!\n)/g, ' ') : doc.text);
  const model = buildModel(dockerfile, index);
  const fromMod = ctx.project.goVersion(doc.path, ctx.settings);
  const imageVersion = model.stages.map((s) => goVersionOfImage(s.image)).find((v) => v !== undefined);
  const parsedImage = imageVersion === undefined ? undefined : parseGoVersion(imageVersion);
  const goVersion =
    fromMod.source.startsWith('go.mod') || parsedImage === undefined
      ? fromMod
      : { version: parsedImage, source: `the golang:${imageVersion} image` };
  const registrations: RegistrationNode[] = [];
  const statements: Range[] = [];
  for (const stage of model.stages) {
    let flavor: ShellFlavor =
      stage.facts?.family.includes('lpine') || stage.facts?.family.includes('busybox') ? 'busybox' : 'dash';
    for (const inst of [stage.from, ...stage.instructions]) {
      const range = inst.getRange();
      if (range !== null) statements.push(range);
      const keyword = inst.getKeyword().toUpperCase();
      if (keyword === 'SHELL' && /bash/.test(rawArgsOf(inst) ?? '')) flavor = 'bash';
      if (keyword !== 'RUN') continue;
      const argsRange = argsRangeOf(inst);
      const raw = rawArgsOf(inst);
      if (argsRange === null || raw === null || raw.trimStart().startsWith('[')) continue;
      append(
        registrations,
        embeddedRegistrations(readCommands(raw, index.offsetAt(argsRange.start)), index, {
          surface: 'dockerfile',
          flavor,
        }),
      );
    }
  }
  const comments: Token[] = dockerfile.getComments().flatMap((c) => {
    const r = c.getRange();
    return r === null ? [] : [new SourceToken(index, index.offsetAt(r.start), index.offsetAt(r.end))];
  });
  const file: BinfmtFile = { kind: 'binfmt-file', registrations, comments, commentedRegistrations: [], statements };
  const input: DockerfileInput = {
    dockerfile,
    model,
    index,
    goVersion,
    goModule: ctx.project.goModuleOf(doc.path),
    context: doc.path === undefined ? undefined : buildContext(doc.path, ctx),
  };
  return {
    language: 'dockerfile',
    comments,
    statements,
    inputs: {
      binfmt: binfmtInput(doc, file, index, ctx),
      dockerfile: input,
      'go-values': envScope(model, index, goVersion),
    },
  };
}
