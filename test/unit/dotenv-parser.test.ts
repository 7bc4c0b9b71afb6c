// Parser tests for env files: compact renderings of entries and their ranges.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseEnvFile } from '../../server/src/parsers/dotenv/parse';
import type { EnvEntry } from '../../server/src/parsers/dotenv/ast';
import type { Token } from '../../server/src/text/token';

const r = (t: Token | undefined): string =>
  t === undefined
    ? '-'
    : `${JSON.stringify(t.text)} ${t.range.start.line}:${t.range.start.character}-${t.range.end.line}:${t.range.end.character}`;

function render(e: EnvEntry): string {
  switch (e.kind) {
    case 'comment':
      return `comment ${r(e.text)}`;
    case 'invalid':
      return `invalid ${r(e.text)}`;
    case 'bare-key':
      return `bare ${e.exportKeyword ? 'export ' : ''}key ${r(e.key)}`;
    case 'assignment': {
      const v = e.value;
      const value =
        v === undefined
          ? 'no value'
          : `value ${r(v.raw)}${v.quote ? ` quote ${v.quote}${v.closed ? '' : ' unclosed'} body ${r(v.body)}` : ''}${v.after ? ` after ${r(v.after)}` : ''}`;
      return `${e.exportKeyword ? 'export ' : ''}key ${r(e.key)}${e.spaceBefore ? ' sp-before' : ''}${e.spaceAfter ? ' sp-after' : ''} ${value}${e.crlf ? ' crlf' : ''}`;
    }
  }
}

const parse = (text: string): string[] => parseEnvFile(text).ast.entries.map(render);

test('plain, exported and commented lines', () => {
  assert.deepEqual(parse('# c\nPORT=8080\nexport  HOST=x\n'), [
    'comment "# c" 0:0-0:3',
    'key "PORT" 1:0-1:4 value "8080" 1:5-1:9',
    'export key "HOST" 2:8-2:12 value "x" 2:13-2:14',
  ]);
});

test('spaces around = and empty values', () => {
  assert.deepEqual(parse('A = b\nB=\nC =\n'), [
    'key "A" 0:0-0:1 sp-before sp-after value "b" 0:4-0:5',
    'key "B" 1:0-1:1 no value',
    'key "C" 2:0-2:1 sp-before no value',
  ]);
});

test('quotes, trailing text and multi-line values', () => {
  assert.deepEqual(parse(`A="x y" # c\nB='z'\nC="l1\nl2"\nD=\`t\``), [
    'key "A" 0:0-0:1 value "\\"x y\\" # c" 0:2-0:11 quote " body "x y" 0:3-0:6 after " # c" 0:7-0:11',
    'key "B" 1:0-1:1 value "\'z\'" 1:2-1:5 quote \' body "z" 1:3-1:4',
    'key "C" 2:0-2:1 value "\\"l1\\nl2\\"" 2:2-3:3 quote " body "l1\\nl2" 2:3-3:2',
    'key "D" 4:0-4:1 value "`t`" 4:2-4:5 quote ` body "t" 4:3-4:4',
  ]);
});

test('escaped quote does not close a double-quoted value', () => {
  assert.deepEqual(parse('A="a\\"b"\n'), [
    'key "A" 0:0-0:1 value "\\"a\\\\\\"b\\"" 0:2-0:8 quote " body "a\\\\\\"b" 0:3-0:7',
  ]);
});

test('unterminated quote stays on its line', () => {
  assert.deepEqual(parse('A="open\nB=1\n'), [
    'key "A" 0:0-0:1 value "\\"open" 0:2-0:7 quote " unclosed body "open" 0:3-0:7',
    'key "B" 1:0-1:1 value "1" 1:2-1:3',
  ]);
});

test('bare keys, export without value, and lines that are not assignments', () => {
  assert.deepEqual(parse('HTTP_PROXY\nexport NO_PROXY\nFOO BAR\n=x\n'), [
    'bare key "HTTP_PROXY" 0:0-0:10',
    'bare export key "NO_PROXY" 1:7-1:15',
    'invalid "FOO BAR" 2:0-2:7',
    'key "" 3:0-3:0 value "x" 3:1-3:2',
  ]);
});

test('BOM, CRLF and UTF-16 columns', () => {
  const { ast } = parseEnvFile('\ufeffA=é🚀\r\nB=2\r\n');
  assert.equal(ast.hasBom, true);
  assert.deepEqual(ast.entries.map(render), [
    'key "A" 0:1-0:2 value "é🚀" 0:3-0:6 crlf',
    'key "B" 1:0-1:1 value "2" 1:2-1:3 crlf',
  ]);
  assert.deepEqual(ast.crlfLines, [0, 1]);
});

test('empty input and whitespace only', () => {
  assert.deepEqual(parse(''), []);
  assert.deepEqual(parse('\n  \n\t\n'), []);
});
