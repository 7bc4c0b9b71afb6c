// systemd's word splitter (extract_first_word() in src/basic/extract-word.c, with EXTRACT_UNQUOTE|EXTRACT_CUNESCAPE):
// quotes open anywhere, pieces join like in a shell, C escapes decode; each case says what systemd 252 does.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { splitWords } from '../../server/src/parsers/systemd/words';

/** Compact rendering: each word's value and span, then problems. */
function render(text: string): string {
  const r = splitWords(text);
  const words = r.words.map((w) => `${JSON.stringify(w.value)}@${w.start}-${w.end}${w.quoted ? 'q' : ''}`);
  const problems = [
    ...r.unknownEscapes.map((e) => `unknown-escape@${e.start}`),
    ...(r.broken !== undefined ? [`broken@${r.broken.start}: ${r.broken.reason}`] : []),
  ];
  return [...words, ...problems].join(' ');
}

test('a quote opens mid-word and the pieces join (one assignment, not four words)', () => {
  assert.equal(render('OPTS="--listen :8080"'), '"OPTS=--listen :8080"@0-21q');
  assert.equal(render('A=x"y z"w B=1'), '"A=xy zw"@0-9q "B=1"@10-13');
  assert.equal(render("'B=it''s'"), '"B=its"@0-9q');
});

test('escapes decode inside and outside quotes; unknown ones are reported, kept verbatim', () => {
  assert.equal(render('"A=a\\"b" C=\\x41\\101\\u00e9\\s'), '"A=a\\"b"@0-8q "C=AAé "@9-27');
  assert.equal(render('P=a\\d'), '"P=a\\\\d"@0-5 unknown-escape@3');
  assert.equal(render('N=\\x00 O=\\12'), '"N=\\\\x00"@0-6 "O=\\\\12"@7-12 unknown-escape@2 unknown-escape@9');
  assert.equal(render('U=\\U0010ffff'), '"U=\\\\U0010ffff"@0-12 unknown-escape@2');
});

test('an unbalanced quote breaks the line; a lone trailing backslash too', () => {
  assert.equal(render('A=1 "B=2'), '"A=1"@0-3 broken@4: the " quote never closes');
  assert.equal(render("X='a b"), "broken@2: the ' quote never closes");
  assert.equal(render('A=1\\'), 'broken@3: the value ends in a lone backslash');
});

test('whitespace separates words, runs of it coalesce, empty quotes make an empty word', () => {
  assert.equal(render('  a \t b  '), '"a"@2-3 "b"@6-7');
  assert.equal(render('""'), '""@0-2q');
});
