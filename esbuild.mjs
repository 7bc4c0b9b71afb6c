// Bundles the shipping artifacts: dist/extension.js, dist/server.js and dist/cli.js.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { plainBuiltinImports, ruleSummariesOnly, sourceTransforms } from './scripts/bundle-transforms.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: !process.argv.includes('--no-minify'),
  sourcemap: false,
  legalComments: 'none',
  define: {
    GDL_VERSION: JSON.stringify(pkg.version),
    GDL_REPOSITORY: JSON.stringify(pkg.repository.url.replace(/\.git$/, '')),
    GDL_PROBE_SCRIPT: JSON.stringify(readFileSync(new URL('./server/src/host/probe.sh', import.meta.url), 'utf8')),
  },
  logLevel: 'warning',
  metafile: true,
  plugins: [sourceTransforms(plainBuiltinImports)],
};
// The YAML library (Compose files, Kubernetes manifests) and dockerfile-ast are files of their own, required on the
// first document that needs them: the server and CLI bundles stay small and start fast for everything else.
const APART = { yaml: './yaml.js', 'dockerfile-ast': './dockerfile-ast.js' };
const yamlApart = {
  name: 'libraries-apart',
  setup(build) {
    build.onResolve({ filter: /^(yaml|dockerfile-ast)$/ }, (args) => ({ path: APART[args.path], external: true }));
  },
};
const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The server never shows rule prose (doc pages are shipped as files): only each rule's summary is bundled.
  {
    ...common,
    entryPoints: ['server/src/main.ts'],
    outfile: 'dist/server.js',
    plugins: [sourceTransforms(ruleSummariesOnly, plainBuiltinImports), yamlApart],
  },
  { ...common, entryPoints: ['node_modules/yaml/dist/index.js'], outfile: 'dist/yaml.js', plugins: [] },
  {
    ...common,
    entryPoints: ['node_modules/dockerfile-ast/lib/main.js'],
    outfile: 'dist/dockerfile-ast.js',
    plugins: [],
  },
  // The CLI: a small launcher (dist/cli.js) that compiles the real bundle with a V8 code cache (see launcher.ts).
  {
    ...common,
    entryPoints: ['server/src/cli/entry.ts'],
    outfile: 'dist/cli-main.js',
    plugins: [...common.plugins, yamlApart],
  },
  {
    ...common,
    entryPoints: ['server/src/cli/launcher.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  },
];
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  const results = await Promise.all(builds.map((b) => esbuild.build(b)));
  // The code cache: one run over the bundled examples, V8's code for what ran saved next to the bundle.
  const cache = new URL('./dist/cli-main.cache', import.meta.url).pathname;
  rmSync(cache, { force: true });
  const warm = spawnSync(
    process.execPath,
    [
      new URL('./dist/cli.js', import.meta.url).pathname,
      'lint',
      new URL('./examples', import.meta.url).pathname,
      '--format',
      'json',
      '--fail-on',
      'none',
    ],
    { env: { ...process.env, GDL_WRITE_CODE_CACHE: cache }, stdio: 'ignore' },
  );
  if (warm.status !== 0) console.error('esbuild.mjs: the code-cache run failed; the CLI compiles without a cache');
  // --quiet (npm's prepare): nothing on stdout, where `npm pack` prints the tarball's name for tools to read.
  if (!process.argv.includes('--quiet')) {
    for (const [i, r] of results.entries()) {
      const out = Object.entries(r.metafile.outputs)[0];
      console.log(`${builds[i].outfile}: ${(out[1].bytes / 1024).toFixed(1)} KB`);
    }
  }
}
