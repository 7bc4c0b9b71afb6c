// LineIndex positions (UTF-16, CRLF) and edit application.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/text/line-index';
import { applyEdits, deleteLines, editsOverlap, insertLinesBefore } from '../../server/src/text/edits';

test('positions count UTF-16 units and survive CRLF', () => {
  const ix = new LineIndex('a🚀b\r\nc\n');
  assert.deepEqual(ix.positionAt(3), { line: 0, character: 3 });
  assert.equal(ix.lineText(0), 'a🚀b');
  assert.equal(ix.lineContentEnd(0), 4);
  assert.deepEqual(ix.positionAt(6), { line: 1, character: 0 });
  assert.equal(ix.offsetAt({ line: 1, character: 99 }), 8);
  assert.equal(ix.lineCount, 3);
});

test('offsetAt and positionAt round-trip', () => {
  const text = 'x=1\r\n\r\ny="é"\n';
  const ix = new LineIndex(text);
  for (let o = 0; o <= text.length; o++) assert.equal(ix.offsetAt(ix.positionAt(o)), o);
});

test('deleteLines removes whole lines, including the last one', () => {
  const text = 'a\nb\nc';
  const ix = new LineIndex(text);
  assert.equal(applyEdits(text, [deleteLines(ix, ix.lineRange(1))]), 'a\nc');
  assert.equal(applyEdits(text, [deleteLines(ix, ix.lineRange(2))]), 'a\nb');
  assert.equal(applyEdits('only', [deleteLines(new LineIndex('only'), new LineIndex('only').lineRange(0))]), '');
});

test('insertLinesBefore keeps CRLF', () => {
  const text = 'a\r\nb\r\n';
  assert.equal(applyEdits(text, [insertLinesBefore(new LineIndex(text), 1, ['# x'])]), 'a\r\n# x\r\nb\r\n');
});

test('overlap detection and refusal', () => {
  const e1 = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, newText: 'x' };
  const e2 = { range: { start: { line: 0, character: 2 }, end: { line: 0, character: 4 } }, newText: 'y' };
  const e3 = { range: { start: { line: 0, character: 3 }, end: { line: 0, character: 4 } }, newText: 'z' };
  assert.equal(editsOverlap([e1], [e2]), true);
  assert.equal(editsOverlap([e1], [e3]), false);
  assert.throws(() => applyEdits('abcdef', [e1, e2]));
  assert.equal(applyEdits('abcdef', [e3, e1]), 'xzef');
});
