// Source transforms for the bundles (one esbuild plugin applies them in order; tsc and the tests see the sources).
import { readFile } from 'node:fs/promises';
import ts from 'typescript';

const NAMESPACE_IMPORT = /^import \* as (\w+) from '(node:[\w/]+)';$/gm;

/**
 * `import * as fs from 'node:fs'` as TypeScript's `import fs = require('node:fs')` (the same binding): esbuild then
 * emits a plain require instead of its ESM-interop copy of the module object, a dozen of which the CLI paid for at
 * every start.
 */
export function plainBuiltinImports(source) {
  return source.includes('import * as ') ? source.replace(NAMESPACE_IMPORT, "import $1 = require('$2');") : source;
}

/** The rule module's source with `docs: { … }` cut down to `docs: { summary: … }`; unchanged when not found. */
function stripDocs(source, fileName) {
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

const RULE_MODULE = /[\\/]server[\\/]src[\\/]rules[\\/][^\\/]+[\\/][^\\/]+\.ts$/;

/**
 * For the language server bundle: rule modules keep their code, but their `docs` block (the prose of the doc
 * pages, SARIF help and examples) is cut to its summary; the server never shows the rest.
 */
export function ruleSummariesOnly(source, file) {
  return RULE_MODULE.test(file) ? stripDocs(source, file) : source;
}

/** An esbuild plugin applying `transforms` (`(source, file) => source`) to the TypeScript sources. */
export function sourceTransforms(...transforms) {
  return {
    name: 'source-transforms',
    setup(build) {
      build.onLoad({ filter: /[\\/](server|client)[\\/]src[\\/].*\.ts$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        const contents = transforms.reduce((text, t) => t(text, args.path), source);
        return contents === source ? undefined : { contents, loader: 'ts' };
      });
    },
  };
}
