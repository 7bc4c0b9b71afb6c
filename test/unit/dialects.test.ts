// Cross-check vectors (dotenv, dotenv-expand, compose-go, docker/cli opts/file.go, systemd, godotenv): what each loader makes of the same line.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseEnvFile } from '../../server/src/parsers/dotenv/parse';
import { evaluateFile, type Effect, type EnvDialect } from '../../server/src/parsers/dotenv/dialects';
import { lintText } from '../support/lint-text';

function seen(line: string, dialect: EnvDialect): string {
  const [b] = evaluateFile(parseEnvFile(`${line}\n`).ast, dialect);
  const e: Effect | undefined = b?.effect;
  if (e === undefined) return 'none';
  return e.kind === 'set' ? e.value : e.kind;
}

const VECTORS: [string, Partial<Record<EnvDialect, string>>][] = [
  [
    'export GOFLAGS=-mod=vendor',
    { dotenv: '-mod=vendor', compose: '-mod=vendor', docker: 'error', systemd: 'dropped', godotenv: '-mod=vendor' },
  ],
  [
    'GOMEMLIMIT=512MiB # soft limit',
    {
      dotenv: '512MiB',
      compose: '512MiB',
      docker: '512MiB # soft limit',
      systemd: '512MiB # soft limit',
      godotenv: '512MiB',
      'go-env': '512MiB # soft limit',
    },
  ],
  [
    'TZ="Europe/Paris"',
    {
      dotenv: 'Europe/Paris',
      compose: 'Europe/Paris',
      docker: '"Europe/Paris"',
      systemd: 'Europe/Paris',
      godotenv: 'Europe/Paris',
      'go-env': '"Europe/Paris"',
    },
  ],
  ['DB-URL=x', { dotenv: 'x', compose: 'x', docker: 'x', systemd: 'dropped' }],
  ['HTTP_PROXY', { dotenv: 'dropped', compose: 'inherit', docker: 'inherit', systemd: 'dropped', godotenv: 'error' }],
  ['B=bar#x', { dotenv: 'bar', compose: 'bar#x', godotenv: 'bar#x', systemd: 'bar#x' }],
  ['A="v" # x', { systemd: 'v# x', dotenv: 'v' }],
  ['L=${HOME}', { dotenv: '${HOME}', docker: '${HOME}', systemd: '${HOME}' }],
  ['N="a\\nb"', { dotenv: 'a\nb', systemd: 'a\\nb', compose: 'a\nb' }],
  ["S='a\\nb'", { dotenv: 'a\\nb', systemd: 'a\\nb' }],
  ['GOPRIVATE = x', { 'go-env': 'dropped', dotenv: 'x' }],
  ['lower=1', { 'go-env': 'dropped', systemd: '1' }],
];

for (const [line, expected] of VECTORS) {
  test(`vector ${line}`, () => {
    for (const [dialect, value] of Object.entries(expected))
      assert.equal(seen(line, dialect as EnvDialect), value, `${dialect}`);
  });
}

test('expansion: compose and dotenv-expand use earlier keys; godotenv only upper-case names', () => {
  const file = parseEnvFile('GOPATH=/go\nA=$GOPATH/bin\nB=${GOPATH:-/x}\nC=${MISSING:-dflt}\nlow=$home\n').ast;
  const v = (d: EnvDialect): string[] =>
    evaluateFile(file, d).map((b) => (b.effect.kind === 'set' ? b.effect.value : b.effect.kind));
  assert.deepEqual(v('compose'), ['/go', '/go/bin', '/go', 'dflt', '${home}']);
  assert.deepEqual(v('dotenv-expand'), ['/go', '/go/bin', '/go', 'dflt', '${home}']);
  assert.deepEqual(v('godotenv').slice(0, 2), ['/go', '/go/bin']);
  assert.equal(v('godotenv')[4], '$home');
});

test('an INI file named .env gets one information finding and nothing else; a dialect comment still forces a dialect', () => {
  const ini = '[database]\nhost = db\nGOMEMLIMIT=512M\nA=1\nA=2\n';
  const found = lintText(ini, { file: 'ini/.env' }).findings.map((f) => `${f.rule.id} ${f.severity}`);
  assert.deepEqual(found, ['GDL001 information']);
  const forced = lintText(`# go-deploy-lint dialect=dotenv\n${ini}`, { file: 'ini/.env' }).findings.map(
    (f) => f.rule.id,
  );
  assert.ok(forced.includes('GDL120') && !forced.includes('GDL001'), forced.join());
});

// docker --env-file has no loader to run here: docker/cli opts/file.go parseKeyValueFile, line by line.
test('docker --env-file as opts/file.go reads it', () => {
  const docker = (text: string): string[] =>
    evaluateFile(parseEnvFile(text, undefined, { lineByLine: true }).ast, 'docker').map(
      (b) => `${b.entry.key.text}=${b.effect.kind === 'set' ? b.effect.value : b.effect.kind}`,
    );
  // `strings.ContainsAny(variable, whiteSpaces)` → ErrBadKey for the whole file.
  assert.deepEqual(docker('MY KEY=1\n'), ['MY KEY=error']);
  assert.deepEqual(docker('KEY =1\n'), ['KEY=error']);
  // No `=`: `emptyFn(line)` takes the caller's environment (`docker run --env-file` passes it through).
  assert.deepEqual(docker('HTTP_PROXY\n'), ['HTTP_PROXY=inherit']);
  // `bufio.Scanner` reads lines: a quote does not continue onto the next line, and the value keeps it.
  assert.deepEqual(docker('A="x\ny"\n'), ['A="x', 'y"=inherit']);
  // The value is passed through untrimmed: leading spaces and a ` # comment` stay; ScanLines drops the `\r`.
  assert.deepEqual(docker('B= v # c\r\n'), ['B= v # c']);
});

// systemd's EnvironmentFile= has no loader to run here: src/basic/env-file.c parse_env_file_internal.
test('systemd EnvironmentFile= as env-file.c reads it', () => {
  const sd = (text: string): string[] =>
    evaluateFile(parseEnvFile(text).ast, 'systemd').map(
      (b) => `${b.entry.key.text}=${b.effect.kind === 'set' ? b.effect.value : b.effect.kind}`,
    );
  // Keys accumulate until `=`; `export FOO` is no valid name (env_assignment_is_valid) and the line is dropped.
  assert.deepEqual(sd('export FOO=bar\n'), ['FOO=dropped']);
  // Unquoted: trailing whitespace trimmed, no inline comments (the `#` stays), no `$VAR` expansion (load_env_file).
  assert.deepEqual(sd('A=b # c  \nL=${HOME}/x\n'), ['A=b # c', 'L=${HOME}/x']);
  // Double quotes unescape `\"`, `\\`, `` \` `` and `\$` only; single quotes are literal; text after a quote joins.
  assert.deepEqual(sd('D="a\\"b\\$c\\nd"\nS=\'x\\y\'\nJ="x"y\n'), ['D=a"b$c\\nd', 'S=x\\y', 'J=xy']);
  // A double-quoted value spans lines.
  assert.deepEqual(sd('M="one\ntwo"\n'), ['M=one\ntwo']);
});
