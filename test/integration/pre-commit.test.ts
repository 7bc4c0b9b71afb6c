// The pre-commit hook, run as a user runs it: `pre-commit try-repo` of this repository in a scratch git repository.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../support/fixture-files';

const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;
// CI installs pre-commit (.ci/run) and requires this test; a developer's machine without it skips, saying why.
const required = process.env['GDL_REQUIRE_E2E'] === '1';

test(
  'pre-commit try-repo: the hook builds the CLI once, fails on an error and passes a clean file',
  {
    skip: !hasPreCommit && !required ? 'pre-commit is not installed (apt-get install pre-commit)' : false,
    timeout: 600_000,
  },
  () => {
    assert.ok(hasPreCommit, 'pre-commit is not installed (.ci/run installs it)');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-pre-commit-'));
    try {
      const repo = path.join(dir, 'repo');
      fs.mkdirSync(repo);
      const env = {
        ...process.env,
        PRE_COMMIT_HOME: path.join(dir, 'cache'),
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.invalid',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.invalid',
      };
      const git = (...args: string[]): void => {
        const r = spawnSync('git', args, { cwd: repo, env, encoding: 'utf8' });
        assert.equal(r.status, 0, r.stderr);
      };
      git('init', '-q');
      fs.writeFileSync(path.join(repo, 'app.env'), 'PORT=8080\nGOMEMLIMIT=512M\n');
      fs.writeFileSync(path.join(repo, 'ok.env'), 'PORT=8080\nGOMEMLIMIT=512MiB\n');
      fs.writeFileSync(path.join(repo, 'notes.txt'), 'not linted\n');
      git('add', '.');
      git('commit', '-q', '-m', 'init');
      const tryRepo = (...files: string[]): { status: number | null; out: string } => {
        const r = spawnSync('pre-commit', ['try-repo', ROOT, 'go-deploy-lint', '--files', ...files], {
          cwd: repo,
          env,
          encoding: 'utf8',
          timeout: 540_000,
        });
        return { status: r.status, out: `${r.stdout}${r.stderr}` };
      };
      const bad = tryRepo('app.env', 'notes.txt');
      assert.equal(bad.status, 1, bad.out);
      assert.match(bad.out, /app\.env:2:12: error GDL120/);
      assert.doesNotMatch(bad.out, /notes\.txt/);
      const good = tryRepo('ok.env');
      assert.equal(good.status, 0, good.out);
      assert.match(good.out, /go-deploy-lint\.+Passed/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
);
