// The cross-check vectors of ground-truth §5: what each loader makes of the same line.
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
  ['export GOFLAGS=-mod=vendor', { dotenv: '-mod=vendor', compose: '-mod=vendor', docker: 'error', systemd: 'dropped', godotenv: '-mod=vendor' }],
  ['GOMEMLIMIT=512MiB # soft limit', { dotenv: '512MiB', compose: '512MiB', docker: '512MiB # soft limit', systemd: '512MiB # soft limit', godotenv: '512MiB', 'go-env': '512MiB # soft limit' }],
  ['TZ="Europe/Paris"', { dotenv: 'Europe/Paris', compose: 'Europe/Paris', docker: '"Europe/Paris"', systemd: 'Europe/Paris', godotenv: 'Europe/Paris', 'go-env': '"Europe/Paris"' }],
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
    for (const [dialect, value] of Object.entries(expected)) assert.equal(seen(line, dialect as EnvDialect), value, `${dialect}`);
  });
}

test('expansion: compose and dotenv-expand use earlier keys; godotenv only upper-case names', () => {
  const file = parseEnvFile('GOPATH=/go\nA=$GOPATH/bin\nB=${GOPATH:-/x}\nC=${MISSING:-dflt}\nlow=$home\n').ast;
  const v = (d: EnvDialect): string[] => evaluateFile(file, d).map((b) => (b.effect.kind === 'set' ? b.effect.value : b.effect.kind));
  assert.deepEqual(v('compose'), ['/go', '/go/bin', '/go', 'dflt', '${home}']);
  assert.deepEqual(v('dotenv-expand'), ['/go', '/go/bin', '/go', 'dflt', '${home}']);
  assert.deepEqual(v('godotenv').slice(0, 2), ['/go', '/go/bin']);
  assert.equal(v('godotenv')[4], '$home');
});

test('an INI file named .env gets one information finding and nothing else; a dialect comment still forces a dialect', () => {
  const ini = '[database]\nhost = db\nGOMEMLIMIT=512M\nA=1\nA=2\n';
  const found = lintText(ini, { file: 'ini/.env' }).findings.map((f) => `${f.rule.id} ${f.severity}`);
  assert.deepEqual(found, ['GDL001 information']);
  const forced = lintText(`# go-deploy-lint dialect=dotenv\n${ini}`, { file: 'ini/.env' }).findings.map((f) => f.rule.id);
  assert.ok(forced.includes('GDL120') && !forced.includes('GDL001'), forced.join());
});
