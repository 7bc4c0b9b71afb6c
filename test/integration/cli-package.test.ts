// The CLI as its own npm package: packed, installed from the tarball in an empty folder, run through npx.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../support/fixture-files';

test(
  'npm pack → npm install in an empty folder → npx go-deploy-lint lint, --version and lsp --stdio work',
  { timeout: 300_000 },
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-cli-package-'));
    try {
      const packed = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'pack-cli.mjs'), dir], {
        encoding: 'utf8',
      });
      assert.equal(packed.status, 0, packed.stderr);
      const tarball = packed.stdout.trim().split('\n').pop() ?? '';
      const listing = spawnSync('tar', ['tzf', tarball], { encoding: 'utf8' }).stdout.trim().split('\n').sort();
      // Only what the CLI runs: no extension, no sources, no docs, no dependencies to fetch.
      assert.deepEqual(listing, [
        'package/LICENSE',
        'package/README.md',
        'package/cli-main.cache',
        'package/cli-main.js',
        'package/cli.js',
        'package/dockerfile-ast.js',
        'package/package.json',
        'package/server.js',
        'package/yaml.js',
      ]);
      const project = path.join(dir, 'project');
      fs.mkdirSync(project);
      fs.writeFileSync(path.join(project, 'package.json'), '{"name":"p","private":true}\n');
      const npm = (...args: string[]): ReturnType<typeof spawnSync> =>
        spawnSync('npm', args, {
          cwd: project,
          encoding: 'utf8',
          env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' },
        });
      const installed = npm('install', '--offline', '--no-save', tarball);
      assert.equal(installed.status, 0, String(installed.stderr));
      fs.writeFileSync(path.join(project, 'app.env'), 'GOMEMLIMIT=512M\n');
      const lint = npm('exec', '--offline', '--', 'go-deploy-lint', 'lint', 'app.env');
      assert.equal(lint.status, 1, String(lint.stderr));
      assert.match(String(lint.stdout), /app\.env:1:12: error GDL120/);
      // YAML surfaces load dist/yaml.js from next to the bundle.
      fs.writeFileSync(path.join(project, 'compose.yaml'), 'services:\n  api:\n    image: x\n    mem_limit: 1 GB5\n');
      const compose = npm('exec', '--offline', '--', 'go-deploy-lint', 'lint', 'compose.yaml');
      assert.match(String(compose.stdout), /compose\.yaml:4:16: error GDL601/, String(compose.stderr));
      // Dockerfiles load dist/dockerfile-ast.js the same way.
      fs.writeFileSync(path.join(project, 'Dockerfile'), 'FROM scratch\nCMD /app\n');
      const docker = npm('exec', '--offline', '--', 'go-deploy-lint', 'lint', 'Dockerfile');
      assert.match(String(docker.stdout), /Dockerfile:2:1: error GDL402/, String(docker.stderr));
      const version = npm('exec', '--offline', '--', 'go-deploy-lint', '--version');
      assert.equal(
        String(version.stdout).trim(),
        (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version,
      );
      // The language server starts from the package (server.js next to cli.js) and answers initialize.
      const init = JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { processId: null, rootUri: null, capabilities: {} },
      });
      const child = spawn(path.join(project, 'node_modules', '.bin', 'go-deploy-lint'), ['lsp', '--stdio'], {
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      let out = '';
      const answered = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), 10_000);
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('"capabilities"')) {
            clearTimeout(timer);
            resolve(true);
          }
        });
        child.stdin.write(`Content-Length: ${Buffer.byteLength(init)}\r\n\r\n${init}`);
      });
      child.kill();
      assert.ok(answered, out);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
);
