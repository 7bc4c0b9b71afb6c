// `npm run pack:cli`: the CLI as its own npm package (the bundles it runs, nothing else) → dist/go-deploy-lint-cli-<v>.tgz.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const out = process.argv[2] ? path.resolve(process.argv[2]) : path.join(ROOT, 'dist');
for (const f of ['cli.js', 'cli-main.js', 'cli-main.cache', 'server.js', 'yaml.js', 'dockerfile-ast.js'])
  if (!fs.existsSync(path.join(ROOT, 'dist', f))) throw new Error(`dist/${f} is missing: run npm run build first`);

const stage = fs.mkdtempSync(path.join(out, '.cli-package-'));
try {
  // cli-main.js runs lint, scan and rules; server.js is loaded only by `lsp --stdio`. No dependencies: bundles.
  // cli.js is the launcher: it compiles cli-main.js with V8's code cache (cli-main.cache, made by the build).
  for (const f of ['cli.js', 'cli-main.js', 'cli-main.cache'])
    fs.copyFileSync(path.join(ROOT, 'dist', f), path.join(stage, f));
  fs.chmodSync(path.join(stage, 'cli.js'), 0o755);
  fs.copyFileSync(path.join(ROOT, 'dist', 'server.js'), path.join(stage, 'server.js'));
  // Libraries required by cli-main.js and server.js on first use: YAML (Compose, manifests), dockerfile-ast.
  for (const f of ['yaml.js', 'dockerfile-ast.js']) fs.copyFileSync(path.join(ROOT, 'dist', f), path.join(stage, f));
  fs.copyFileSync(path.join(ROOT, 'LICENSE'), path.join(stage, 'LICENSE'));
  fs.writeFileSync(
    path.join(stage, 'README.md'),
    `# go-deploy-lint (CLI)\n\nCatches the mistakes that break Go programs on minimal Linux: env files, systemd units, binfmt_misc\nregistrations, Dockerfiles, Compose files, Kubernetes manifests and Podman Quadlet units. The same engine as the Go Deploy Lint VS Code extension.\n\n\`\`\`sh\nnpx go-deploy-lint lint .                      # text; --format json|sarif|gitlab|checkstyle|github\nnpx go-deploy-lint lint . --fix                # safe fixes in place\nnpx go-deploy-lint scan --ssh deploy@web-1     # read-only host checks over ssh\nnpx go-deploy-lint lsp --stdio                 # the language server, for other editors\n\`\`\`\n\nRules: ${pkg.repository?.url?.replace(/\.git$/, '') ?? ''}/tree/main/docs/rules\n`,
  );
  const manifest = {
    name: `${pkg.name}-cli`,
    version: pkg.version,
    description: pkg.description,
    license: pkg.license,
    repository: pkg.repository,
    keywords: pkg.keywords,
    bin: { 'go-deploy-lint': 'cli.js' },
    files: ['cli.js', 'cli-main.js', 'cli-main.cache', 'server.js', 'yaml.js', 'dockerfile-ast.js'],
    engines: { node: pkg.engines.node },
  };
  fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', out], { cwd: stage, encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop();
  console.log(path.join(out, name));
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
