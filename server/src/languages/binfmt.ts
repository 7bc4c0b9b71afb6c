// Owns the binfmt surfaces: binfmt.d files and update-binfmts files, parsed once into BinfmtInput.
import * as path from 'node:path';
import type { LineIndex } from '../text/line-index';
import { parseBinfmtD } from '../parsers/binfmt/parse-binfmt-d';
import { parseUpdateBinfmts } from '../parsers/binfmt/parse-update-binfmts';
import type { BinfmtFile } from '../parsers/binfmt/ast';
import type { BinfmtInput } from '../parsers/binfmt/input';
import type { AnalysisContext, Prepared } from './prepared';
import type { SourceDocument } from './source-document';

export function isUpdateBinfmtsFile(filePath: string | undefined): boolean {
  return filePath !== undefined && path.basename(path.dirname(filePath)) === 'binfmts';
}

/** Builds the rule input for any surface that carries registrations. */
export function binfmtInput(
  doc: SourceDocument,
  file: BinfmtFile,
  index: LineIndex,
  ctx: AnalysisContext,
): BinfmtInput {
  const inBinfmtD = doc.path !== undefined && path.basename(path.dirname(doc.path)) === 'binfmt.d';
  return {
    file,
    index,
    path: doc.path,
    hostArch: ctx.settings.hostArch,
    inBinfmtD,
    order: inBinfmtD && doc.path !== undefined ? ctx.project.binfmtOrder(doc.path) : undefined,
    latestElsewhere: (name) => (inBinfmtD ? ctx.project.latestBinfmtDefinition(name, doc.path) : undefined),
  };
}

export function prepareBinfmt(doc: SourceDocument, index: LineIndex, ctx: AnalysisContext): Prepared {
  const { ast } = isUpdateBinfmtsFile(doc.path) ? parseUpdateBinfmts(index, doc.path) : parseBinfmtD(index);
  return {
    language: 'binfmt',
    comments: ast.comments,
    statements: ast.statements,
    inputs: { binfmt: binfmtInput(doc, ast, index, ctx) },
  };
}
