// Code actions name the diagnostic they fix, also when the editor gets the first 1,000 diagnostics by severity.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { codeActions } from '../../server/src/lsp/code-actions';
import { lintText } from '../support/lint-text';

test('a quick fix carries the diagnostic of its own finding when more than 1,000 are reordered by severity', () => {
  // 1,100 duplicate-key warnings first, one malformed GOMEMLIMIT error last: the editor's list starts with the error.
  const text = `${'PORT=1\n'.repeat(1101)}GOMEMLIMIT=512M\n`;
  const analysis = lintText(text, { file: '/w/app.env' });
  assert.ok(analysis.findings.length > 1000);
  const actions = codeActions({
    analysis,
    range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
    only: undefined,
  });
  const quickFixes = actions.filter((a) => a.diagnostics !== undefined && a.diagnostics.length > 0);
  assert.ok(quickFixes.length > 0);
  for (const a of quickFixes) {
    const d = a.diagnostics?.[0];
    assert.equal(d?.code, 'GDL101', a.title);
    assert.equal(d?.range.start.line, 1, a.title);
  }
});
