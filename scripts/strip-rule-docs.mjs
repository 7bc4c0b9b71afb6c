// esbuild plugin for the language server bundle: rule modules keep their code, but their `docs` block (the prose
// of the doc pages, SARIF help and examples) is replaced by its summary alone; the server never shows the rest.
import { readFile } from 'node:fs/promises';
import ts from 'typescript';
import { plainBuiltinImports } from './node-builtins-plugin.mjs';

/** The rule module's source with `docs: { … }` cut down to `docs: { summary: … }`; unchanged when not found. */
export function stripDocs(source, fileName) {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits = [];
  const visit = (node) => {
    if (
      ts.isPropertyAssignment(node) &&
      node.name.getText(file) === 'docs' &&
      ts.isObjectLiteralExpression(node.initializer)
    ) {
      const summary = node.initializer.properties.find(
        (p) => ts.isPropertyAssignment(p) && p.name.getText(file) === 'summary',
      );
      const kept = summary === undefined ? '' : summary.getText(file);
      edits.push({
        start: node.initializer.getStart(file),
        end: node.initializer.getEnd(),
        text: `{ ${kept} } as never`,
      });
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = source;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

export const stripRuleDocs = {
  name: 'strip-rule-docs',
  setup(build) {
    build.onLoad({ filter: /[\\/]server[\\/]src[\\/]rules[\\/][^\\/]+[\\/][^\\/]+\.ts$/ }, async (args) => ({
      contents: plainBuiltinImports(stripDocs(await readFile(args.path, 'utf8'), args.path)),
      loader: 'ts',
    }));
  },
};
