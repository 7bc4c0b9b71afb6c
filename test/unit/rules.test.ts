// Runs every rule fixture: markers must match findings exactly, and `.fixed` files must equal the fixed text.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits } from '../../server/src/text/edits';
import { selectFixes } from '../../server/src/analysis/fixes';
import { ruleById } from '../../server/src/rules/index';
import { parseMarkers } from '../support/markers';
import { decodeLikeCli, lintText } from '../support/lint-text';
import { fixtureFiles, fixedPathOf, FIXTURES } from '../support/fixture-files';
import { FsProject } from '../../server/src/workspace/project';

const SETTINGS_LINE = /^# go-deploy-lint-test (\{.*\})\s*$/m;

function span(
  analysisText: string,
  f: { range: { start: { line: number; character: number }; end: { line: number; character: number } } },
): { line: number; start: number; end: number } {
  const lineText = analysisText.split('\n')[f.range.start.line]?.replace(/\r$/, '') ?? '';
  const end = f.range.end.line === f.range.start.line ? f.range.end.character : lineText.length;
  return { line: f.range.start.line, start: f.range.start.character, end };
}

for (const file of fixtureFiles()) {
  const rel = path.relative(FIXTURES, file);
  const code = /^(GDL\d{3})-/.exec(path.basename(file))?.[1] ?? '';
  test(`fixture ${rel}`, () => {
    const text = decodeLikeCli(fs.readFileSync(file));
    const settings = SETTINGS_LINE.exec(text)?.[1];
    // Host reports are compared with a workspace: host fixtures get the units next to them.
    const project = rel.startsWith('host-report')
      ? new FsProject([path.join(FIXTURES, 'host-report', 'workspace')])
      : undefined;
    const opts = {
      file,
      ...(settings !== undefined ? { settings: JSON.parse(settings) as Record<string, unknown> } : {}),
      ...(project !== undefined ? { project } : {}),
    };
    const analysis = lintText(text, opts);
    const markers = parseMarkers(text);
    assert.ok(ruleById(code) !== undefined, `${rel}: no rule ${code}`);
    const codes = new Set([code, ...markers.map((m) => m.code)]);
    const findings = analysis.findings.filter((f) => codes.has(f.rule.id));
    const unmatched = [...findings];
    for (const m of markers) {
      const i = unmatched.findIndex((f) => {
        const s = span(text, f);
        return (
          f.rule.id === m.code &&
          s.line === m.line &&
          s.start === m.start &&
          s.end === m.end &&
          f.message.includes(m.text)
        );
      });
      if (i === -1) {
        const near = findings
          .filter((f) => f.range.start.line === m.line)
          .map((f) => `${f.rule.id} ${JSON.stringify(span(text, f))} ${f.message}`);
        assert.fail(
          `${rel}:${m.markerLine + 1}: expected ${m.code} at ${m.line + 1}:${m.start}-${m.end} "${m.text}"; on that line: ${near.join(' | ') || 'nothing'}`,
        );
      }
      unmatched.splice(i, 1);
    }
    assert.deepEqual(
      unmatched.map(
        (f) => `${f.rule.id} ${f.range.start.line + 1}:${f.range.start.character}-${span(text, f).end} ${f.message}`,
      ),
      [],
      `${rel}: findings without a marker`,
    );

    // A fixture proves something only with a marker, except the `-ok` files that hold negative cases alone.
    if (!/-ok(\.|$)/.test(path.basename(file)))
      assert.ok(markers.length > 0, `${rel}: no markers (name it *-ok.* if it only holds negative cases)`);
    else
      assert.deepEqual(
        findings.map((f) => f.message),
        [],
        `${rel}: a negative fixture must be clean`,
      );
    const fixedPath = fixedPathOf(file);
    if (!fs.existsSync(fixedPath) && process.env['BLESS'] !== '1') return;
    let fixed = text;
    for (let pass = 0; pass < 10; pass++) {
      const a = lintText(fixed, opts);
      const sel = selectFixes(a.findings, { unsafe: true, filter: (f) => f.rule.id === code });
      if (sel.edits.length === 0) break;
      fixed = applyEdits(fixed, sel.edits);
    }
    if (process.env['BLESS'] === '1') {
      if (fixed !== text) fs.writeFileSync(fixedPath, fixed);
      return;
    }
    assert.equal(
      fixed,
      fs.readFileSync(fixedPath, 'utf8'),
      `${rel}: fixes do not reproduce ${path.basename(fixedPath)} (BLESS=1 regenerates)`,
    );
    const after = lintText(fixed, opts).findings.filter((f) => f.rule.id === code && f.fixes.length > 0);
    assert.deepEqual(
      after.map((f) => f.message),
      [],
      `${rel}: fixable ${code} findings remain after fixing`,
    );
  });
}
