// The GitHub Action's own steps (action.yml), run here as the runner would run them: annotations, SARIF, exit code.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../support/fixture-files';

/** The `run` script of the step named `name` (YAML read by Python's yaml, the reader this machine has). */
function stepScript(name: string): string {
  const r = spawnSync(
    'python3',
    [
      '-c',
      'import sys,yaml,json; a=yaml.safe_load(open(sys.argv[1])); print(json.dumps(a["runs"]["steps"]))',
      path.join(ROOT, 'action.yml'),
    ],
    { encoding: 'utf8' },
  );
  assert.equal(r.status, 0, r.stderr);
  const steps = JSON.parse(r.stdout) as { name?: string; run?: string; shell?: string }[];
  const step = steps.find((s) => s.name === name);
  assert.equal(step?.shell, 'bash');
  return step?.run ?? '';
}

test('action.yml: the lint step writes annotations and SARIF, and passes the exit code to the last step', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-action-'));
  try {
    fs.mkdirSync(path.join(work, 'deploy'));
    fs.writeFileSync(path.join(work, 'deploy', 'app.env'), 'PORT=1\nPORT=2\nGOMEMLIMIT=512M\n');
    const output = path.join(work, 'github-output');
    fs.writeFileSync(output, '');
    const run = spawnSync('bash', ['-e', '-c', stepScript('Lint (annotations on the diff)')], {
      cwd: work,
      encoding: 'utf8',
      env: {
        ...process.env,
        GITHUB_ACTION_PATH: ROOT,
        GITHUB_OUTPUT: output,
        GDL_PATHS: 'deploy',
        GDL_FAIL_ON: 'error',
        GDL_BASELINE: '',
      },
    });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^::error file=deploy\/app\.env,line=3,/m);
    assert.match(run.stdout, /^::warning file=deploy\/app\.env,line=2,/m);
    assert.match(fs.readFileSync(output, 'utf8'), /^exit-code=1$/m);
    const sarif = JSON.parse(fs.readFileSync(path.join(work, 'go-deploy-lint.sarif'), 'utf8')) as {
      version: string;
      runs: { results: unknown[] }[];
    };
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0]?.results.length, 2);
    // With a baseline that records both findings, the step reports nothing and succeeds.
    spawnSync(
      process.execPath,
      [path.join(ROOT, 'dist', 'cli.js'), 'lint', 'deploy', '--write-baseline', 'base.json'],
      { cwd: work },
    );
    fs.writeFileSync(output, '');
    const again = spawnSync('bash', ['-e', '-c', stepScript('Lint (annotations on the diff)')], {
      cwd: work,
      encoding: 'utf8',
      env: {
        ...process.env,
        GITHUB_ACTION_PATH: ROOT,
        GITHUB_OUTPUT: output,
        GDL_PATHS: 'deploy',
        GDL_FAIL_ON: 'error',
        GDL_BASELINE: 'base.json',
      },
    });
    assert.equal(again.stdout.trim(), '');
    assert.match(fs.readFileSync(output, 'utf8'), /^exit-code=0$/m);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
