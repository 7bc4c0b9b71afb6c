// Owns what each env-file consumer (dotenv, compose, docker, systemd, godotenv, go env) makes of an entry.
import { C_ESCAPES } from '../../knowledge/c-escapes';
import { QUOTE_AWARE_VARIABLES } from '../../knowledge/go-env';
import type { EnvAssignment, EnvBareKey, EnvEntry, EnvFile } from './ast';
import type { Token } from '../../text/token';

export const ENV_DIALECTS = ['dotenv', 'dotenv-expand', 'compose', 'docker', 'systemd', 'godotenv', 'go-env'] as const;
export type EnvDialect = (typeof ENV_DIALECTS)[number];

export function isEnvDialect(name: string): name is EnvDialect {
  return (ENV_DIALECTS as readonly string[]).includes(name);
}

/** Human name of the program that loads a dialect, for messages. */
export const DIALECT_LOADER: Record<EnvDialect, string> = {
  dotenv: 'dotenv',
  'dotenv-expand': 'dotenv-expand',
  compose: 'Docker Compose',
  docker: 'docker --env-file',
  systemd: 'systemd (EnvironmentFile=)',
  godotenv: 'godotenv',
  'go-env': 'the go command (go env file)',
};

export const EXPANDING_DIALECTS: ReadonlySet<EnvDialect> = new Set(['dotenv-expand', 'compose', 'godotenv']);

/** What one loader does with one entry. */
export type Effect =
  | { readonly kind: 'set'; readonly value: string }
  | { readonly kind: 'dropped'; readonly reason: string }
  | { readonly kind: 'inherit' }
  | { readonly kind: 'error'; readonly reason: string };

const SYSTEMD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function unescapeDouble(body: string, dialect: EnvDialect): string {
  switch (dialect) {
    case 'dotenv':
    case 'dotenv-expand':
      return body.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
    case 'godotenv':
      return body.replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c === '$' ? '\\$' : c));
    case 'compose': {
      const map: Record<string, string> = { ...C_ESCAPES, '"': '"', $: '$' };
      return body.replace(/\\(.)/g, (m, c: string) => map[c] ?? m);
    }
    case 'systemd':
      return body.replace(/\\(["\\`$])/g, '$1').replace(/\\\r?\n/g, '');
    case 'docker':
    case 'go-env':
      return body;
  }
}

/** The literal value before any variable expansion. */
export function rawEffect(entry: EnvAssignment | EnvBareKey, dialect: EnvDialect): Effect {
  if (entry.kind === 'bare-key') {
    switch (dialect) {
      case 'docker':
      case 'compose':
        return { kind: 'inherit' };
      case 'godotenv':
        return { kind: 'error', reason: 'godotenv fails to parse a key without `=`' };
      case 'dotenv':
      case 'dotenv-expand':
      case 'systemd':
      case 'go-env':
        return { kind: 'dropped', reason: `${DIALECT_LOADER[dialect]} ignores a key without \`=\`` };
    }
  }
  const key = entry.key.text;
  const v = entry.value;
  switch (dialect) {
    case 'go-env': {
      if (entry.exportKeyword !== undefined || entry.range.start.character !== 0 || !/^[A-Z]/.test(key)) {
        return { kind: 'dropped', reason: 'the go command skips lines that do not start with `A`–`Z`' };
      }
      if (entry.spaceBefore !== undefined)
        return {
          kind: 'dropped',
          reason: `the key is \`${key}${entry.spaceBefore.text}\` with the space, which the go command never reads`,
        };
      return { kind: 'set', value: (entry.spaceAfter?.text ?? '') + (v?.raw.text ?? '') + (entry.crlf ? '\r' : '') };
    }
    case 'docker': {
      // docker/cli opts/file.go: a key holding a space or tab fails the whole file ("variable … contains whitespaces").
      if (entry.exportKeyword !== undefined)
        return {
          kind: 'error',
          reason: `docker rejects the whole file: the key \`export ${key}\` contains whitespace`,
        };
      if (entry.spaceBefore !== undefined)
        return {
          kind: 'error',
          reason: `docker rejects the whole file: the key \`${key}${entry.spaceBefore.text}\` contains whitespace`,
        };
      if (/[ \t]/.test(key))
        return { kind: 'error', reason: `docker rejects the whole file: the key \`${key}\` contains whitespace` };
      if (key === '') return { kind: 'error', reason: 'docker rejects the whole file: no variable name before `=`' };
      return { kind: 'set', value: (entry.spaceAfter?.text ?? '') + (v?.raw.text ?? '') };
    }
    case 'systemd': {
      if (entry.exportKeyword !== undefined)
        return { kind: 'dropped', reason: 'systemd drops `export KEY=…` lines (invalid name `export KEY`)' };
      if (!SYSTEMD_NAME.test(key)) return { kind: 'dropped', reason: `systemd drops the invalid name \`${key}\`` };
      if (v === undefined) return { kind: 'set', value: '' };
      if (v.quote === undefined) return { kind: 'set', value: v.raw.text.replace(/[ \t\r]+$/, '') };
      if (!v.closed) return { kind: 'set', value: v.body.text };
      const inner = v.quote === '"' ? unescapeDouble(v.body.text, 'systemd') : v.body.text;
      return { kind: 'set', value: inner + (v.after?.text.replace(/^[ \t]+/, '').replace(/[ \t]+$/, '') ?? '') };
    }
    case 'dotenv':
    case 'dotenv-expand':
    case 'compose':
    case 'godotenv': {
      // dotenv's LINE regex (lib/main.js) takes keys of letters, digits, `_`, `.` and `-` only; other lines are skipped.
      if ((dialect === 'dotenv' || dialect === 'dotenv-expand') && !/^[\w.-]+$/.test(key))
        return { kind: 'dropped', reason: `dotenv skips the line: \`${key}\` is not a key it reads` };
      // godotenv (parser.go) reads keys of ASCII letters, digits, `_` and `.`; any other character fails the file.
      if (dialect === 'godotenv' && !/^[A-Za-z0-9_.]+$/.test(key))
        return { kind: 'error', reason: `godotenv fails to load the file: unexpected character in \`${key}\`` };
      if (
        dialect === 'godotenv' &&
        v !== undefined &&
        v.quote !== undefined &&
        v.closed &&
        v.after !== undefined &&
        !/^[ \t]*(#|$)/.test(v.after.text)
      ) {
        return { kind: 'error', reason: 'godotenv fails to load the file: text after the closing quote' };
      }
      if (v === undefined) return { kind: 'set', value: '' };
      // Text after the closing quote (`'a b' -c`): dotenv's value regex falls back to the unquoted form, so the
      // quotes stay, up to a `#`.
      if (
        (dialect === 'dotenv' || dialect === 'dotenv-expand') &&
        v.quote !== undefined &&
        v.closed &&
        v.after !== undefined &&
        !/^[ \t]*(#|$)/.test(v.after.text)
      ) {
        return { kind: 'set', value: (v.raw.text.split('#')[0] ?? '').trim() };
      }
      if (v.quote === undefined) {
        const cut = cutInlineComment(v.raw.text, dialect);
        return { kind: 'set', value: cut.trim() };
      }
      if (!v.closed) {
        if (dialect === 'compose') return { kind: 'error', reason: 'Compose fails: unterminated quoted value' };
        if (dialect === 'godotenv') return { kind: 'error', reason: 'godotenv fails: unterminated quoted value' };
        return { kind: 'set', value: v.raw.text.trim() };
      }
      if (v.quote === '"') return { kind: 'set', value: unescapeDouble(v.body.text, dialect) };
      if (v.quote === '`' && (dialect === 'compose' || dialect === 'godotenv'))
        return { kind: 'set', value: v.raw.text.trim() };
      if (v.quote === "'" && dialect === 'compose') return { kind: 'set', value: v.body.text.replace(/\\'/g, "'") };
      return { kind: 'set', value: v.body.text };
    }
  }
}

/**
 * The ` # comment` a loader without inline comments keeps in the value (systemd, docker, go-env): the text that
 * holds it (the unquoted value, or for systemd the text after the quotes), and where the blanks before `#` start.
 */
export function keptInlineComment(
  entry: EnvAssignment,
  dialect: EnvDialect,
): { readonly host: Token; readonly cut: number; readonly comment: string } | undefined {
  const v = entry.value;
  if (v === undefined || !keepsInlineComment(dialect)) return undefined;
  const host = v.quote === undefined ? v.raw : dialect === 'systemd' ? v.after : undefined;
  const m = host === undefined ? null : /[ \t]+(#.*)$/.exec(host.text);
  if (host === undefined || m === null || m[1] === undefined) return undefined;
  return { host, cut: m.index, comment: m[1].replace(/[ \t]+$/, '') };
}

/** Quotes a loader keeps around the whole value (docker, go-env), except where the go command splits it itself. */
export function keepsQuotes(entry: EnvAssignment, dialect: EnvDialect): boolean {
  const v = entry.value;
  return (
    (dialect === 'docker' || dialect === 'go-env') &&
    v?.quote !== undefined &&
    v.closed &&
    v.after === undefined &&
    !QUOTE_AWARE_VARIABLES.test(entry.key.text)
  );
}

/** Where an unquoted value ends for loaders with inline comments; returns the kept text. */
export function cutInlineComment(raw: string, dialect: EnvDialect): string {
  switch (dialect) {
    case 'dotenv':
    case 'dotenv-expand': {
      const i = raw.indexOf('#');
      return i === -1 ? raw : raw.slice(0, i);
    }
    case 'compose': {
      const i = raw.indexOf(' #');
      return i === -1 ? raw : raw.slice(0, i);
    }
    case 'godotenv': {
      const m = /[ \t]#/.exec(raw);
      return m === null ? raw : raw.slice(0, m.index);
    }
    case 'docker':
    case 'systemd':
    case 'go-env':
      return raw;
  }
}

/** True when the dialect keeps `#…` after an unquoted value as part of the value. */
export function keepsInlineComment(dialect: EnvDialect): boolean {
  return dialect === 'docker' || dialect === 'systemd' || dialect === 'go-env';
}

export interface ResolvedBinding {
  readonly entry: EnvAssignment | EnvBareKey;
  readonly effect: Effect;
  /** The value before variable expansion (equal to the effect's value where nothing expands). */
  readonly literal: string | undefined;
  /** Indexes (in the evaluated list) of the assignments whose value this one's expansion read. */
  readonly readsFrom: readonly number[];
}

/**
 * Evaluates a whole file as the dialect's loader does, with variable expansion where the loader expands:
 * - compose and godotenv expand in file order, from the values set so far (godotenv: nothing else, so an unknown
 *   name is empty; compose: the environment, which is unknown here and kept as written);
 * - dotenv-expand (lib/main.js) expands the object dotenv.parse built: one value per key, the last one, in the
 *   order of each key's first line, with the process environment winning (unknown here, kept as written).
 */
export function evaluateFile(file: EnvFile, dialect: EnvDialect): ResolvedBinding[] {
  const out: ResolvedBinding[] = [];
  const raw: { entry: EnvAssignment | EnvBareKey; effect: Effect; literal: string | undefined }[] = [];
  for (const entry of file.entries) {
    if (entry.kind !== 'assignment' && entry.kind !== 'bare-key') continue;
    // godotenv does not skip a UTF-8 byte order mark: the first key then starts with it and the file fails.
    const effect: Effect =
      dialect === 'godotenv' && file.hasBom && raw.length === 0
        ? { kind: 'error', reason: 'godotenv fails to load the file: it starts with a byte order mark' }
        : rawEffect(entry, dialect);
    raw.push({ entry, effect, literal: effect.kind === 'set' ? effect.value : undefined });
  }
  // Single quotes keep `$` literal in compose and godotenv; dotenv-expand never sees the quotes (dotenv.parse removed
  // them), so it expands single-quoted values too.
  const expands = (e: EnvAssignment | EnvBareKey): boolean =>
    EXPANDING_DIALECTS.has(dialect) &&
    e.kind === 'assignment' &&
    (dialect === 'dotenv-expand' || e.value?.quote !== "'");
  if (dialect === 'dotenv-expand') {
    // The last assignment of each key is the one dotenv.parse keeps; keys are expanded in first-appearance order.
    const last = new Map<string, number>();
    raw.forEach((r, i) => {
      if (r.effect.kind === 'set') last.set(r.entry.key.text, i);
    });
    const running = new Map<string, { value: string; at: number }>();
    const resolved = new Map<number, { value: string; reads: number[] }>();
    for (const [name, i] of last) {
      const r = raw[i];
      if (r === undefined || r.effect.kind !== 'set') continue;
      const reads = new Set<number>();
      // A name refers to the process environment first: itself (`PATH=${PATH}:/x`) always does.
      const value = expands(r.entry)
        ? expand(r.effect.value, dialect, (n) => (n === name ? undefined : running.get(n)), reads)
        : r.effect.value;
      resolved.set(i, { value, reads: [...reads] });
      running.set(name, { value, at: i });
    }
    raw.forEach((r, i) => {
      const x = resolved.get(i);
      out.push({
        entry: r.entry,
        effect: x !== undefined ? { kind: 'set', value: x.value } : r.effect,
        literal: r.literal,
        readsFrom: x?.reads ?? [],
      });
    });
    return out;
  }
  const seen = new Map<string, { value: string; at: number }>();
  raw.forEach((r, i) => {
    let effect = r.effect;
    const reads = new Set<number>();
    if (effect.kind === 'set' && expands(r.entry))
      effect = { kind: 'set', value: expand(effect.value, dialect, (n) => seen.get(n), reads) };
    if (effect.kind === 'set') seen.set(r.entry.key.text, { value: effect.value, at: i });
    out.push({ entry: r.entry, effect, literal: r.literal, readsFrom: [...reads] });
  });
  return out;
}

type Lookup = (name: string) => { value: string; at: number } | undefined;

function expand(value: string, dialect: EnvDialect, lookup: Lookup, reads: Set<number>): string {
  const get = (name: string): string | undefined => {
    const hit = lookup(name);
    if (hit !== undefined) reads.add(hit.at);
    return hit?.value;
  };
  if (dialect === 'godotenv') {
    // godotenv 1.5 parser.go expandVariables: `(\\)?(\$)(\()?\{?([A-Z0-9_]+)?\}?`, braces optional on both sides
    // (`${A:-x}` reads A and leaves `:-x}`), only the file's earlier values (an unknown name is empty).
    return value.replace(
      /(\\)?(\$)(\()?\{?([A-Z0-9_]+)?\}?/g,
      (m, esc: string | undefined, _d, _p, name: string | undefined) =>
        esc !== undefined ? m.slice(1) : name !== undefined && name !== '' ? (get(name) ?? '') : m,
    );
  }
  if (dialect === 'dotenv-expand') {
    // dotenv-expand 13 lib/main.js: `${NAME[op]default}` and `$NAME`, not after a backslash; `$$` is not an escape.
    return value
      .replace(
        /(?<!\\)\$\{([^{}]+)\}|(?<!\\)\$([A-Za-z_][A-Za-z0-9_]*)/g,
        (_m, braced: string | undefined, plain: string | undefined) => {
          const expr = braced ?? plain ?? '';
          const op = /(:\+|\+|:-|-)/.exec(expr)?.[0];
          const [key = '', ...rest] = op === undefined ? [expr] : expr.split(op);
          const arg = rest.join(op ?? '');
          const known = get(key);
          if (op === ':+' || op === '+') return known !== undefined && known !== '' ? arg : '';
          if (known !== undefined && known !== '') return known;
          return op !== undefined ? arg : (known ?? `\${${key}}`);
        },
      )
      .replace(/\\\$/g, '$');
  }
  return value.replace(
    /\$\$|\\\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (m, name: string | undefined, op: string | undefined, arg: string | undefined, plain: string | undefined) => {
      if (m === '$$' || m === '\\$') return '$';
      const n = name ?? plain ?? '';
      const known = get(n);
      switch (op) {
        case ':-':
        case '-':
          return known !== undefined && known !== '' ? known : (arg ?? '');
        case ':+':
        case '+':
          return known !== undefined && known !== '' ? (arg ?? '') : '';
        default:
          return known ?? (op === undefined ? `\${${n}}` : '');
      }
    },
  );
}

export function isBinding(entry: EnvEntry): entry is EnvAssignment | EnvBareKey {
  return entry.kind === 'assignment' || entry.kind === 'bare-key';
}
