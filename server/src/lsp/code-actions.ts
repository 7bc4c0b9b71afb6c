// Owns code actions: quick fixes, fix-all per rule, source.fixAll, ignore-for-line and show-docs, from memoized findings.
import {
  CodeActionKind,
  type CodeAction,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { Analysis } from '../analysis/analyze';
import { selectFixes } from '../analysis/fixes';
import { rangesOverlap, comparePositions } from '../text/line-index';
import type { Finding } from '../rules/rule';
import { Commands, FIX_ALL_KIND } from '../protocol';
import { toDiagnostic } from './diagnostics';
import { docHref } from '../analysis/rule-docs';

export interface CodeActionRequest {
  readonly analysis: Analysis;
  readonly range: Range;
  /** `context.only`, when the client asks for specific kinds. */
  readonly only: readonly string[] | undefined;
}

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return only === undefined || only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

function edit(analysis: Analysis, edits: readonly TextEdit[]): WorkspaceEdit {
  // Versioned, so the client refuses the edit if the document changed since the analysis.
  return { documentChanges: [{ textDocument: { uri: analysis.uri, version: analysis.version }, edits: [...edits] }] };
}

function touches(f: Finding, range: Range): boolean {
  return (
    rangesOverlap(f.range, range) ||
    comparePositions(f.range.start, range.start) === 0 ||
    (comparePositions(f.range.start, range.start) <= 0 && comparePositions(range.end, f.range.end) <= 0)
  );
}

export function codeActions(req: CodeActionRequest): CodeAction[] {
  const { analysis } = req;
  const visible = analysis.findings;
  const out: CodeAction[] = [];
  if (wants(req.only, CodeActionKind.QuickFix)) {
    const here = visible.filter((f) => touches(f, req.range));
    const seenRules = new Set<string>();
    for (const f of here) {
      // The finding's own diagnostic (the editor's list may be reordered and cut at 1,000).
      const d = toDiagnostic(f, analysis.uri);
      for (const fix of f.fixes) {
        out.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          isPreferred: fix.safe && fix === f.fixes[0],
          diagnostics: [d],
          edit: edit(analysis, fix.edits),
        });
      }
      if (!seenRules.has(f.rule.id)) {
        seenRules.add(f.rule.id);
        const same = visible.filter((x) => x.rule.id === f.rule.id && x.fixes.length > 0);
        if (same.length > 1) {
          const sel = selectFixes(same, { unsafe: true });
          out.push({
            title: `Fix all ${f.rule.id} (${f.rule.name}) in this file`,
            kind: CodeActionKind.QuickFix,
            edit: edit(analysis, sel.edits),
          });
        }
      }
      const ignore = ignoreEdit(analysis, f);
      if (ignore !== undefined)
        out.push({
          title: `Ignore ${f.rule.id} for this line`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          edit: edit(analysis, [ignore]),
        });
      out.push({
        title: `Show documentation for ${f.rule.id} (${f.rule.name})`,
        kind: CodeActionKind.QuickFix,
        command: { title: 'Show documentation', command: Commands.showRuleDocumentation, arguments: [docHref(f.rule)] },
      });
    }
  }
  const fixAllRequested = req.only !== undefined && wants(req.only, FIX_ALL_KIND);
  if (fixAllRequested || req.only === undefined) {
    const action = fixAllAction(analysis, visible);
    if (fixAllRequested || editCount(action) > 0) out.push(action);
  }
  return out;
}

function editCount(action: CodeAction): number {
  const change = action.edit?.documentChanges?.[0];
  return change !== undefined && 'edits' in change ? change.edits.length : 0;
}

/** `source.fixAll.goDeployLint`: safe fixes only, overlapping edits skipped (editor.codeActionsOnSave runs it). */
export function fixAllAction(analysis: Analysis, findings: readonly Finding[]): CodeAction {
  const sel = selectFixes(findings, { unsafe: false });
  return { title: 'Fix all safe Go Deploy Lint problems', kind: FIX_ALL_KIND, edit: edit(analysis, sel.edits) };
}

/** Inserts `# go-deploy-lint ignore=CODE` above the finding's statement, or extends the suppression already there. */
function ignoreEdit(analysis: Analysis, f: Finding): TextEdit | undefined {
  const statements = analysis.prepared?.statements ?? [];
  const stmt = statements.find(
    (s) => comparePositions(s.start, f.range.start) <= 0 && comparePositions(f.range.start, s.end) <= 0,
  );
  const line = stmt?.start.line ?? f.range.start.line;
  const index = analysis.index;
  // A line suppression alone on the line above whose code list ends the line: the code is added to it.
  const existing = analysis.suppressions.find(
    (s) =>
      s.scope === 'line' &&
      s.line === line - 1 &&
      s.standsAlone &&
      s.listEnd.character === index.lineText(s.line).trimEnd().length,
  );
  if (existing !== undefined) {
    if (existing.codes.some((c) => c.code === f.rule.id)) return undefined;
    return {
      range: { start: existing.listEnd, end: existing.listEnd },
      newText: existing.codes.length === 0 ? f.rule.id : `,${f.rule.id}`,
    };
  }
  const indent = /^[ \t]*/.exec(index.lineText(line))?.[0] ?? '';
  const eol = index.text.includes('\r\n') ? '\r\n' : '\n';
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: `${indent}# go-deploy-lint ignore=${f.rule.id}${eol}` };
}
