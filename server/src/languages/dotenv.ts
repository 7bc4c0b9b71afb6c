// Owns the env-file surface: parse once, resolve the dialect, and build the inputs for dotenv and Go value rules.
import { isGoEnvFile } from '../workspace/language-id';
import type { LineIndex, Range } from '../text/line-index';
import { replace, deleteLines, type TextEdit } from '../text/edits';
import type { Token } from '../text/token';
import type { EnvAssignment, EnvFile } from '../parsers/dotenv/ast';
import { parseEnvFile } from '../parsers/dotenv/parse';
import {
  EXPANDING_DIALECTS,
  evaluateFile,
  isEnvDialect,
  keepsQuotes,
  keptInlineComment,
  type EnvDialect,
} from '../parsers/dotenv/dialects';
import type { DotenvInput } from '../parsers/dotenv/input';
import type { EnvBinding, GoValues } from '../rules/go-values/input';
import { dialectFromSettings } from '../workspace/project';
import type { AnalysisContext, NotThisLanguage, Prepared } from './prepared';
import type { SourceDocument } from './source-document';

const DIALECT_COMMENT = /go-deploy-lint\s+dialect=([A-Za-z-]+)/;

export function resolveDialect(
  doc: SourceDocument,
  file: EnvFile,
  ctx: AnalysisContext,
): { dialect: EnvDialect; source: string } {
  for (const e of file.entries) {
    if (e.range.start.line >= 5) break;
    if (e.kind !== 'comment') continue;
    const m = DIALECT_COMMENT.exec(e.text.text);
    if (m?.[1] !== undefined && isEnvDialect(m[1]))
      return { dialect: m[1], source: `the dialect comment on line ${e.range.start.line + 1}` };
  }
  if (doc.path !== undefined) {
    const fromSetting = dialectFromSettings(doc.path, ctx.project.globPath(doc.path), ctx.settings);
    if (fromSetting !== undefined)
      return { dialect: fromSetting.dialect, source: `goDeployLint.envDialects "${fromSetting.glob}"` };
    const ref = ctx.project.referencedDialect(doc.path);
    if (ref !== undefined) return { dialect: ref.dialect, source: ref.source };
    if (isGoEnvFile(doc.path)) return { dialect: 'go-env', source: 'the file name (go env file)' };
  }
  return { dialect: 'dotenv', source: 'the default' };
}

export function prepareDotenv(doc: SourceDocument, index: LineIndex, ctx: AnalysisContext): Prepared | NotThisLanguage {
  const parsed = parseEnvFile(doc.text, index).ast;
  const { dialect, source } = resolveDialect(doc, parsed, ctx);
  // An INI file named `.env` (`[section]` headers) belongs to no env dialect; a dialect comment still forces one.
  const header = source.startsWith('the dialect comment')
    ? null
    : /^[ \t]*\[[^\s\][=][^\]\n=]*\][ \t]*\r?$/m.exec(doc.text);
  if (header !== null) {
    const line = index.positionAt(header.index).line;
    return {
      language: 'not-this-language',
      range: index.range(header.index, index.lineContentEnd(line)),
      reason: `This file is INI (\`${header[0].trim()}\` on line ${line + 1}), not an env file: it is not linted as one`,
    };
  }
  // docker --env-file and the go command read line by line: where a quote spans lines, read the file again so.
  const lineByLine =
    (dialect === 'docker' || dialect === 'go-env') &&
    parsed.entries.some((e) => e.range.start.line !== e.range.end.line);
  const ast = lineByLine ? parseEnvFile(doc.text, index, { lineByLine }).ast : parsed;
  const spanningQuotes = lineByLine
    ? parsed.entries.filter(
        (e): e is EnvAssignment => e.kind === 'assignment' && e.range.start.line !== e.range.end.line,
      )
    : [];
  const spilledLines = new Set(
    spanningQuotes.flatMap((e) =>
      Array.from({ length: e.range.end.line - e.range.start.line }, (_, i) => e.range.start.line + 1 + i),
    ),
  );
  const bindings = evaluateFile(ast, dialect);
  // One mistake, one finding: the entries a spanning quote spills into are reported once, by GDL107, not again
  // as invalid keys or bare keys; the Go value rules still see what the loader sees.
  const spilled = (e: { readonly range: Range }): boolean => spilledLines.has(e.range.start.line);
  const dotenv: DotenvInput =
    spilledLines.size === 0
      ? { file: ast, dialect, dialectSource: source, bindings, index, spilledLines, spanningQuotes }
      : {
          file: { ...ast, entries: ast.entries.filter((e) => !spilled(e)) },
          dialect,
          dialectSource: source,
          bindings: bindings.filter((b) => !spilled(b.entry)),
          index,
          spilledLines,
          spanningQuotes,
        };
  const comments: Token[] = [];
  for (const e of ast.entries) if (e.kind === 'comment') comments.push(e.text);
  let statements: Range[] | undefined;
  const envBindings: EnvBinding[] = [];
  for (const b of bindings) {
    if (b.entry.kind !== 'assignment' || b.effect.kind !== 'set') continue;
    const meant = meantValue(b.entry, b.effect.value, dialect);
    envBindings.push(
      new DotenvBinding(b.entry, meant ?? b.effect.value, meant ?? b.literal ?? b.effect.value, index, dialect),
    );
  }
  const scope: GoValues = {
    surface: 'env-file',
    expanding: EXPANDING_DIALECTS.has(dialect),
    bindings: envBindings,
    goVersion: ctx.project.goVersion(doc.path, ctx.settings),
    index,
    appendBinding: (name, value) => {
      const end = index.text.length;
      const eol = index.text.includes('\r\n') ? '\r\n' : '\n';
      const needsBreak = end > 0 && !index.text.endsWith('\n');
      return replace(index.range(end, end), `${needsBreak ? eol : ''}${name}=${value}${eol}`);
    },
  };
  return {
    language: 'dotenv',
    comments,
    lines: {
      spanning:
        spilledLines.size > 0 ||
        spanningQuotes.length > 0 ||
        ast.entries.some((e) => e.range.start.line !== e.range.end.line),
      dialectFromComment: source.startsWith('the dialect comment'),
    },
    // Computed on first use: only suppression comments and "ignore for this line" need statement ranges.
    get statements(): readonly Range[] {
      return (statements ??= ast.entries.filter((e) => e.kind !== 'comment').map((e) => e.range));
    },
    inputs: { dotenv, 'go-values': scope },
  };
}

/**
 * The value the author meant where a dialect rule already explains the difference (GDL104 kept comment, GDL108 kept
 * quotes, GDL110 kept CR): the Go value rules judge that, so one mistake gives one finding. Undefined: as loaded.
 */
function meantValue(entry: EnvAssignment, loaded: string, dialect: EnvDialect): string | undefined {
  const v = entry.value;
  if (v === undefined) return undefined;
  let meant = loaded;
  if (dialect === 'go-env' && entry.crlf) meant = meant.replace(/\r$/, '');
  const comment = keptInlineComment(entry, dialect);
  // The loaders keep the comment at the end of the value (systemd trims the blanks around text after quotes).
  const at = comment === undefined ? -1 : meant.lastIndexOf(comment.comment);
  if (at >= 0) meant = meant.slice(0, at).replace(/[ \t]+$/, '');
  if (
    keepsQuotes(entry, dialect) &&
    v.quote !== undefined &&
    meant.startsWith(v.quote) &&
    meant.endsWith(v.quote) &&
    meant.length >= 2
  )
    meant = meant.slice(1, -1);
  return meant === loaded ? undefined : meant;
}

/** One env-file assignment seen as an EnvBinding; ranges are computed only when a rule reports. */
class DotenvBinding implements EnvBinding {
  readonly name: string;
  readonly exactOffset: number | undefined;

  constructor(
    private readonly entry: EnvAssignment,
    readonly value: string,
    readonly literal: string,
    private readonly index: LineIndex,
    private readonly dialect: EnvDialect,
  ) {
    this.name = entry.key.text;
    const v = entry.value;
    // docker and go env files keep quotes and leading spaces, so their value starts right after `=`.
    const verbatim = dialect === 'docker' || dialect === 'go-env';
    const candidate =
      v === undefined || verbatim ? entry.equals.offset + 1 : v.quote === undefined ? v.raw.offset : v.body.offset;
    this.exactOffset = index.text.startsWith(literal, candidate) ? candidate : undefined;
  }

  get nameRange(): Range {
    return this.entry.key.range;
  }

  /** Exactly the value the loader sees when it is verbatim (not a trailing comment); else what was written. */
  get valueRange(): Range {
    if (this.exactOffset !== undefined && this.literal !== '')
      return this.index.range(this.exactOffset, this.exactOffset + this.literal.length);
    return this.entry.value?.raw.range ?? this.entry.key.range;
  }

  get statementRange(): Range {
    return this.entry.range;
  }

  replaceValue(newValue: string): TextEdit {
    const v = this.entry.value;
    if (this.exactOffset !== undefined && v !== undefined)
      return replace(
        this.index.range(this.exactOffset, this.exactOffset + this.literal.length),
        escapeFor(newValue, v.quote),
      );
    if (v === undefined)
      return replace(
        { start: this.entry.equals.range.end, end: this.entry.equals.range.end },
        quoteIfNeeded(newValue, this.dialect),
      );
    // Inside the quotes only when the quotes are the whole value (text glued after them is part of what loaders see).
    const quotedWhole =
      v.quote !== undefined && v.closed && v.raw.offset + v.raw.text.length === v.body.offset + v.body.text.length + 1;
    if (quotedWhole) return replace(v.body.range, escapeFor(newValue, v.quote));
    return replace(v.raw.range, quoteIfNeeded(newValue, this.dialect));
  }

  remove(): TextEdit {
    return deleteLines(this.index, this.entry.range);
  }
}

function escapeFor(value: string, quote: string | undefined): string {
  return quote === '"' ? value.replace(/(["\\])/g, '\\$1') : value;
}

function quoteIfNeeded(value: string, dialect: EnvDialect): string {
  if (!/[\s#"'`$\\]/.test(value) || dialect === 'docker' || dialect === 'go-env') return value;
  return `"${value.replace(/(["\\])/g, '\\$1')}"`;
}
