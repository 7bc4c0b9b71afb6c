// Owns what each env-file consumer (dotenv, compose, docker, systemd, godotenv, go env) makes of an entry.
import type { EnvAssignment, EnvBareKey, EnvEntry, EnvFile } from './ast';

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
      const map: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', $: '$' };
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
      if (entry.spaceBefore !== undefined) return { kind: 'dropped', reason: `the key is \`${key}${entry.spaceBefore.text}\` with the space, which the go command never reads` };
      return { kind: 'set', value: (entry.spaceAfter?.text ?? '') + (v?.raw.text ?? '') + (entry.crlf ? '\r' : '') };
    }
    case 'docker': {
      // docker/cli opts/file.go: a key holding a space or tab fails the whole file ("variable … contains whitespaces").
      if (entry.exportKeyword !== undefined) return { kind: 'error', reason: `docker rejects the whole file: the key \`export ${key}\` contains whitespace` };
      if (entry.spaceBefore !== undefined) return { kind: 'error', reason: `docker rejects the whole file: the key \`${key}${entry.spaceBefore.text}\` contains whitespace` };
      if (/[ \t]/.test(key)) return { kind: 'error', reason: `docker rejects the whole file: the key \`${key}\` contains whitespace` };
      if (key === '') return { kind: 'error', reason: 'docker rejects the whole file: no variable name before `=`' };
      return { kind: 'set', value: (entry.spaceAfter?.text ?? '') + (v?.raw.text ?? '') };
    }
    case 'systemd': {
      if (entry.exportKeyword !== undefined) return { kind: 'dropped', reason: 'systemd drops `export KEY=…` lines (invalid name `export KEY`)' };
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
      if (v === undefined) return { kind: 'set', value: '' };
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
      if (v.quote === '`' && (dialect === 'compose' || dialect === 'godotenv')) return { kind: 'set', value: v.raw.text.trim() };
      if (v.quote === "'" && dialect === 'compose') return { kind: 'set', value: v.body.text.replace(/\\'/g, "'") };
      return { kind: 'set', value: v.body.text };
    }
  }
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
  /** Names of earlier assignments in this file whose value the expansion read. */
  readonly reads: readonly string[];
}

/** Evaluates a whole file as the dialect's loader does, with variable expansion where the loader expands. */
export function evaluateFile(file: EnvFile, dialect: EnvDialect): ResolvedBinding[] {
  const seen = new Map<string, string>();
  const out: ResolvedBinding[] = [];
  for (const entry of file.entries) {
    if (entry.kind !== 'assignment' && entry.kind !== 'bare-key') continue;
    let effect = rawEffect(entry, dialect);
    const literal = effect.kind === 'set' ? effect.value : undefined;
    const reads = new Set<string>();
    if (effect.kind === 'set' && entry.kind === 'assignment' && EXPANDING_DIALECTS.has(dialect) && entry.value?.quote !== "'") {
      effect = { kind: 'set', value: expand(effect.value, dialect, seen, reads) };
    }
    if (effect.kind === 'set') seen.set(entry.key.text, effect.value);
    out.push({ entry, effect, literal, reads: [...reads] });
  }
  return out;
}

function expand(value: string, dialect: EnvDialect, seen: ReadonlyMap<string, string>, reads: Set<string>): string {
  const lookup = (name: string): string => {
    if (seen.has(name)) reads.add(name);
    return seen.get(name) ?? `\${${name}}`;
  };
  if (dialect === 'godotenv') {
    return value.replace(/(\\)?\$(\{([A-Z0-9_]+)\}|([A-Z0-9_]+))/g, (m, esc: string | undefined, _b, braced: string | undefined, plain: string | undefined) =>
      esc !== undefined ? m.slice(1) : lookup(braced ?? plain ?? ''),
    );
  }
  return value.replace(/\$\$|\\\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, name: string | undefined, op: string | undefined, arg: string | undefined, plain: string | undefined) => {
    if (m === '$$' || m === '\\$') return '$';
    const n = name ?? plain ?? '';
    const known = seen.get(n);
    if (known !== undefined) reads.add(n);
    switch (op) {
      case ':-':
      case '-':
        return known !== undefined && known !== '' ? known : (arg ?? '');
      case ':+':
      case '+':
        return known !== undefined && known !== '' ? (arg ?? '') : '';
      default:
        return known ?? (op === undefined ? lookup(n) : '');
    }
  });
}

export function isBinding(entry: EnvEntry): entry is EnvAssignment | EnvBareKey {
  return entry.kind === 'assignment' || entry.kind === 'bare-key';
}
