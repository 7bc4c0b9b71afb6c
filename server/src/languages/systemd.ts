// Owns the systemd-unit surface: parse once, merge drop-ins from disk, resolve EnvironmentFile=, build rule inputs.
import type { GoModule } from '../parsers/gomod/module';
import { append } from '../text/append';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LineIndex, Range } from '../text/line-index';
import { deleteLines, replace, type TextEdit } from '../text/edits';
import { parseUnitFile } from '../parsers/systemd/parse';
import type { UnitAssignment, UnitFile } from '../parsers/systemd/ast';
import { splitWords } from '../parsers/systemd/words';
import type { EnvironmentFileRef, MergedAssignment, SystemdInput } from '../parsers/systemd/input';
import { parseEnvFile } from '../parsers/dotenv/parse';
import { evaluateFile } from '../parsers/dotenv/dialects';
import { LineIndex as Index } from '../text/line-index';
import { isUserUnitPath, unitTypeOf } from '../knowledge/systemd-directives';
import type { EnvBinding, GoValues } from '../rules/go-values/input';
import { unitFamily } from '../workspace/unit-index';
import type { AnalysisContext, Prepared } from './prepared';
import type { SourceDocument } from './source-document';
import { embeddedRegistrations } from '../parsers/binfmt/embedded';
import { readCommands } from '../parsers/shell/words';
import type { BinfmtFile, RegistrationNode } from '../parsers/binfmt/ast';
import { binfmtInput } from './binfmt';

/**
 * The keys whose lines this surface reads together with other lines: `Environment=` and `EnvironmentFile=` make the
 * environment (every Go value rule, the Go evidence), `Exec*=` lines name the program (Go evidence, its module) and
 * carry binfmt registrations. The rules list theirs in `crossLineKeys`.
 */
export function surfaceReadsAcrossLines(key: string): boolean {
  return key.startsWith('Exec') || key === 'Environment' || key === 'EnvironmentFile';
}

function merge(doc: SourceDocument, own: UnitFile, ctx: AnalysisContext): MergedAssignment[] {
  const mine = (file: UnitFile, uri: string | undefined, fileName: string): MergedAssignment[] =>
    file.assignments
      .filter((a) => a.section !== undefined)
      .map((a) => ({
        assignment: a,
        section: a.section?.name.text ?? '',
        key: a.key.text,
        value: a.value.text,
        uri,
        fileName,
      }));
  const selfName = doc.path === undefined ? 'this file' : path.basename(doc.path);
  if (doc.path === undefined) return mine(own, undefined, selfName);
  const { unit, dropIns } = unitFamily(doc.path);
  const self = path.resolve(doc.path);
  const out: MergedAssignment[] = [];
  const files = [...(unit !== undefined ? [unit] : []), ...dropIns];
  if (!files.includes(self)) files.unshift(self);
  for (const f of files) {
    if (f === self) append(out, mine(own, undefined, selfName));
    else {
      const other = ctx.project.units.read(f);
      if (other !== undefined)
        append(out, mine(other, pathToFileURL(f).href, path.relative(path.dirname(self), f) || path.basename(f)));
    }
  }
  return out;
}

function environmentFiles(
  doc: SourceDocument,
  merged: readonly MergedAssignment[],
  ctx: AnalysisContext,
): EnvironmentFileRef[] {
  const out: EnvironmentFileRef[] = [];
  for (const m of merged) {
    if (m.key !== 'EnvironmentFile' || m.uri !== undefined) continue;
    const raw = m.value.trim();
    const optional = raw.startsWith('-');
    const hostPath = optional ? raw.slice(1) : raw;
    const candidates = hostPath.startsWith('/') ? ctx.project.hostPathCandidates(hostPath, doc.path, ctx.settings) : [];
    const resolved = candidates.find((c) => ctx.project.exists(c));
    const inExistingDirs = resolved === undefined ? candidates.filter((c) => ctx.project.exists(path.dirname(c))) : [];
    out.push({ assignment: m.assignment, hostPath, optional, resolved, candidates, inExistingDirs });
  }
  return out;
}

function environment(
  merged: readonly MergedAssignment[],
  files: readonly EnvironmentFileRef[],
  ctx: AnalysisContext,
): Map<string, { value: string; where: string }> {
  const env = new Map<string, { value: string; where: string }>();
  for (const m of merged) {
    if (m.key !== 'Environment') continue;
    if (m.value.trim() === '') env.clear();
    // An unbalanced quote or an unknown escape makes systemd ignore the whole line ("Invalid syntax, ignoring").
    const split = splitWords(m.value);
    if (split.broken !== undefined || split.unknownEscapes.length > 0) continue;
    for (const w of split.words) {
      const eq = w.value.indexOf('=');
      if (eq > 0)
        env.set(w.value.slice(0, eq), { value: w.value.slice(eq + 1), where: `Environment= in ${m.fileName}` });
    }
  }
  for (const f of files) {
    if (f.resolved === undefined) continue;
    const text = ctx.project.readText(f.resolved);
    if (text === undefined) continue;
    for (const b of evaluateFile(parseEnvFile(text, new Index(text)).ast, 'systemd')) {
      if (b.effect.kind === 'set')
        env.set(b.entry.key.text, { value: b.effect.value, where: `EnvironmentFile=${f.hostPath}` });
    }
  }
  return env;
}

/** Environment= words of this document as EnvBindings, so every Go value rule runs on them. */
function envScope(file: UnitFile, index: LineIndex, input: Omit<SystemdInput, never>): GoValues {
  const bindings: EnvBinding[] = [];
  for (const a of file.assignments) {
    if (a.key.text !== 'Environment' || a.section?.name.text === undefined) continue;
    const { words, broken, unknownEscapes } = a.value.words();
    // A line systemd ignores sets nothing (GDL216 reports it).
    if (broken !== undefined || unknownEscapes.length > 0) continue;
    for (const w of words) {
      const eq = w.value.indexOf('=');
      if (eq <= 0) continue;
      const name = w.value.slice(0, eq);
      const value = w.value.slice(eq + 1);
      // Value offsets are exact when the word is unquoted and has no escapes.
      const verbatim = !w.quoted && a.value.text.slice(w.start, w.end) === w.value;
      const valueStart = w.start + eq + 1;
      const valueRange =
        verbatim && value !== '' ? a.value.rangeOf(valueStart, w.end) : a.value.rangeOf(w.start, w.end);
      bindings.push({
        name,
        value,
        literal: value,
        nameRange: a.value.rangeOf(w.start, w.start + eq),
        valueRange,
        exactOffset: verbatim ? a.value.offsetOf(valueStart) : undefined,
        statementRange: a.range,
        replaceValue: (newValue: string): TextEdit => {
          const needsQuotes = /\s/.test(newValue);
          if (verbatim && !needsQuotes)
            return replace(
              value === '' ? a.value.rangeOf(valueStart, valueStart) : a.value.rangeOf(valueStart, w.end),
              newValue.replace(/%/g, '%%'),
            );
          return replace(
            a.value.rangeOf(w.start, w.end),
            `"${name}=${newValue.replace(/(["\\])/g, '\\$1').replace(/%/g, '%%')}"`,
          );
        },
        remove: (): TextEdit =>
          words.length === 1
            ? deleteLines(index, a.range)
            : replace(a.value.rangeOf(w.start, Math.min(a.value.text.length, w.end + 1)), ''),
      });
    }
  }
  const service = file.sections.find((s) => s.name.text === 'Service');
  return {
    surface: 'systemd',
    expanding: false,
    bindings,
    goVersion: input.goVersion,
    index,
    appendBinding: (name, value) => {
      const anchor: Range | undefined = service?.assignments[service.assignments.length - 1]?.range ?? service?.header;
      const line = anchor === undefined ? index.lineCount : anchor.end.line + 1;
      const at = { line, character: 0 };
      return {
        range: { start: at, end: at },
        newText: `${anchor === undefined ? '[Service]\n' : ''}Environment=${name}=${value}\n`,
      };
    },
  };
}

/** The name of the binary ExecStart= runs (the last non-empty ExecStart= of the merged unit). */
function execBinary(merged: readonly MergedAssignment[]): string | undefined {
  const exec = [...merged].reverse().find((m) => m.key === 'ExecStart' && m.value.trim() !== '');
  return exec === undefined ? undefined : splitWords(exec.value.replace(/^[-@:+!]+/, '')).words[0]?.value;
}

function moduleBuilding(merged: readonly MergedAssignment[], ctx: AnalysisContext): GoModule | undefined {
  const binary = execBinary(merged);
  return binary === undefined ? undefined : ctx.project.goModuleBuilding(path.basename(binary));
}

function goSignal(
  doc: SourceDocument,
  env: ReadonlyMap<string, unknown>,
  ctx: AnalysisContext,
  merged: readonly MergedAssignment[],
): string | undefined {
  // Go-specific advice (GOMEMLIMIT, syscall filters…) only applies where there is evidence of a Go program.
  const v = ctx.project.goVersion(doc.path, ctx.settings);
  if (v.source.startsWith('go.mod')) return 'a go.mod above the unit';
  const goVar = [...env.keys()].find((k) => /^GO[A-Z0-9_]*$/.test(k) && k !== 'GOPATH');
  if (goVar !== undefined) return `it sets ${goVar}`;
  // The binary ExecStart= runs is one the workspace's Go modules build (a main package of that name).
  const binary = execBinary(merged);
  const name = binary === undefined ? undefined : path.basename(binary);
  if (name !== undefined && ctx.project.goPrograms().has(name)) return `the workspace's Go code builds \`${name}\``;
  // A host scan read this very binary and found Go's build ID note in it.
  const scanned = binary === undefined ? undefined : ctx.project.hostGoBinaries().get(binary);
  if (scanned !== undefined) return `a scan of ${scanned} found a Go binary at ${binary}`;
  return merged.some((m) => m.key === 'Environment' && /\bGO[A-Z]+=/.test(m.value))
    ? 'a drop-in sets GO* variables'
    : undefined;
}

export function prepareSystemd(doc: SourceDocument, index: LineIndex, ctx: AnalysisContext): Prepared {
  const { ast } = parseUnitFile(index);
  const fileName = doc.path === undefined ? doc.uri : doc.path;
  const isDropIn = /\.d[\\/][^\\/]*\.conf$/.test(fileName);
  const unitName = isDropIn ? path.basename(path.dirname(fileName)).slice(0, -2) : path.basename(fileName);
  const merged = merge(doc, ast, ctx);
  const envFiles = environmentFiles(doc, merged, ctx);
  const env = environment(merged, envFiles, ctx);
  const goVersion = ctx.project.goVersion(doc.path, ctx.settings);
  const input: SystemdInput = {
    file: ast,
    index,
    path: doc.path,
    unitType: unitTypeOf(fileName),
    unitName,
    isDropIn,
    userUnit: isUserUnitPath(fileName),
    systemdVersion: ctx.settings.systemdVersion,
    goVersion,
    merged,
    environmentFiles: envFiles,
    environment: env,
    goSignal: goSignal(doc, env, ctx, merged),
    goModule: ctx.project.goModuleOf(doc.path) ?? moduleBuilding(merged, ctx),
  };
  // binfmt registrations written by Exec*= lines (usually through sh -c).
  const registrations: RegistrationNode[] = [];
  for (const a of ast.assignments) {
    if (!/^Exec/.test(a.key.text)) continue;
    const sh = /(?:^|\s)(?:\/usr)?\/bin\/(?:ba)?sh\s+-c\s+(['"])(.*)\1\s*$/.exec(a.value.text);
    if (sh?.[2] === undefined) continue;
    const innerStart = a.value.text.indexOf(sh[2], sh.index);
    const base = a.value.offsetOf(innerStart);
    if (a.value.offsetOf(innerStart + sh[2].length - 1) - base !== sh[2].length - 1) continue;
    append(
      registrations,
      embeddedRegistrations(readCommands(sh[2], base), index, {
        surface: 'systemd-unit',
        flavor: /bash/.test(sh[0]) ? 'bash' : 'dash',
      }),
    );
  }
  const statements: Range[] = [
    ...ast.sections.map((s) => s.header),
    ...ast.assignments.map((a: UnitAssignment) => a.range),
  ].sort((x, y) => x.start.line - y.start.line);
  const binfmt: BinfmtFile = {
    kind: 'binfmt-file',
    registrations,
    comments: ast.comments,
    commentedRegistrations: [],
    statements,
  };
  return {
    language: 'systemd-unit',
    comments: ast.comments,
    statements,
    lines: { spanning: statements.some((r) => r.start.line !== r.end.line), dialectFromComment: false },
    inputs: { systemd: input, 'go-values': envScope(ast, index, input), binfmt: binfmtInput(doc, binfmt, index, ctx) },
  };
}
