// esbuild plugin: `import * as fs from 'node:fs'` becomes a plain require of the builtin in the bundles, instead of
// esbuild's ESM-interop copy of the module object (a dozen copies of fs/path at every start of the CLI).
import { readFile } from 'node:fs/promises';

const NAMESPACE_IMPORT = /^import \* as (\w+) from '(node:[\w/]+)';$/gm;

/** The source with namespace imports of builtins as TypeScript's `import x = require()` (same binding). */
export function plainBuiltinImports(source) {
  return source.includes('import * as ') ? source.replace(NAMESPACE_IMPORT, "import $1 = require('$2');") : source;
}

export const plainBuiltins = {
  name: 'plain-builtins',
  setup(build) {
    build.onLoad({ filter: /[\\/](server|client)[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      // TypeScript's `import x = require()` keeps the same binding; esbuild emits `const x = require(...)`.
      return source.includes('import * as ') ? { contents: plainBuiltinImports(source), loader: 'ts' } : undefined;
    });
  },
};
