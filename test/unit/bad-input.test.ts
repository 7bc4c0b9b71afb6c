// Bad input never crashes anything: binary, invalid UTF-8, huge files, CRLF, BOM, unterminated quotes, empty files.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { lintText, decodeLikeCli } from '../support/lint-text';
import { comparePositions, LineIndex } from '../../server/src/text/line-index';
import { parseEnvFile } from '../../server/src/parsers/dotenv/parse';
import { ROOT } from '../support/fixture-files';

const FILE = path.join(ROOT, 'test', 'bad-input', '.env');

function assertSane(text: string): void {
  const a = lintText(text, { file: FILE });
  const ix = new LineIndex(text);
  const end = ix.positionAt(text.length);
  for (const f of a.findings) {
    assert.ok(comparePositions(f.range.start, f.range.end) <= 0, `${f.rule.id} range reversed`);
    assert.ok(comparePositions(f.range.end, end) <= 0, `${f.rule.id} range past the end`);
    for (const fix of f.fixes)
      for (const e of fix.edits) assert.ok(comparePositions(e.range.end, end) <= 0, `${f.rule.id} edit past the end`);
  }
}

test('binary content gives exactly one GDL001', () => {
  const a = lintText(decodeLikeCli(fs.readFileSync(process.execPath).subarray(0, 4096)), { file: FILE });
  assert.deepEqual(
    a.findings.map((f) => f.rule.id),
    ['GDL001'],
  );
});

test('empty, whitespace, lone quotes, CR-only and BOM-only files', () => {
  for (const t of [
    '',
    '\n',
    '\ufeff',
    '"',
    "A='",
    'A="\\',
    '\r\r\r',
    '=',
    'export',
    'export =',
    '#',
    'A=`',
    '\ufeff\r\n',
    'A=\\',
  ])
    assertSane(t);
});

test('a 10 MB file parses without error', () => {
  const line = 'GOMEMLIMIT=512M # comment with text\n';
  const text = line.repeat(Math.ceil((10 * 1024 * 1024) / line.length));
  const { ast } = parseEnvFile(text);
  assert.ok(ast.entries.length > 250_000);
  assertSane(text.slice(0, 200_000));
});

test('random text never throws and ranges stay inside the document', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => assertSane(s)),
    { numRuns: 300 },
  );
});

test('env-shaped random lines never throw', () => {
  const key = fc.constantFrom(
    'GOMEMLIMIT',
    'GOGC',
    'GODEBUG',
    'GOFLAGS',
    'PATH',
    'GOPATH',
    'GOROOT',
    'GOPROXY',
    'GOTOOLCHAIN',
    'CGO_ENABLED',
    'export GOOS',
    'X',
    '',
  );
  const value = fc.stringMatching(/^[ -~\t"'`$#=\\]{0,30}$/);
  const line = fc.tuple(key, fc.constantFrom('=', ' = ', '', ':'), value).map(([k, op, v]) => `${k}${op}${v}`);
  fc.assert(
    fc.property(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), (lines, eol) =>
      assertSane(lines.join(eol)),
    ),
    { numRuns: 400 },
  );
});
