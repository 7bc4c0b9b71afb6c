// Owns the CLI's start: compiles dist/cli-main.js with the V8 code cache made at build time, then runs it.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

/**
 * Node 20 has no compile cache of its own, and compiling the bundle is a third of a short run. The build runs
 * the CLI once over the examples and stores V8's code for what ran (dist/cli-main.cache); V8 checks that the cache
 * matches this source, V8 version and flags, and compiles normally when it does not. Nothing is written at run
 * time, except by the build (GDL_WRITE_CODE_CACHE).
 */
function launch(): void {
  const file = path.join(__dirname, 'cli-main.js');
  const source = fs.readFileSync(file, 'utf8');
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(path.join(__dirname, 'cli-main.cache'));
  } catch {
    cachedData = undefined;
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: file, ...(cachedData !== undefined ? { cachedData } : {}) });
  // For the test that guards the speed-up: whether V8 took the cache (a rejected cache silently costs ~20 ms).
  if (process.env['GDL_CODE_CACHE_REPORT'] === '1')
    process.stderr.write(
      `go-deploy-lint: code cache ${cachedData === undefined ? 'absent' : script.cachedDataRejected === true ? 'rejected' : 'accepted'}\n`,
    );
  const out = process.env['GDL_WRITE_CODE_CACHE'];
  if (out !== undefined && out !== '') process.once('exit', () => fs.writeFileSync(out, script.createCachedData()));
  const run = script.runInThisContext() as (
    exports: object,
    require: NodeRequire,
    module: { exports: object },
    filename: string,
    dirname: string,
  ) => void;
  const module = { exports: {} };
  run(module.exports, createRequire(file), module, file, __dirname);
}

launch();
