// The GitHub Action's own steps (action.yml), run here as the runner would run them: annotations, SARIF, exit code.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../support/fixture-files';

/**
 * The `run` script of the step named `name`, read from action.yml's text: the `run: |` block of that step (its
 * lines are indented deeper than the key). No YAML library: the file's block style is what the action uses.
 */
function stepScript(name: string): string {
  const lines = fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8').split('\n');
  const start = lines.findIndex((l) => l.trim() === `- name: ${name}`);
  assert.ok(start >= 0, `no step named ${name}`);
  const stepIndent = (lines[start] ?? '').indexOf('-');
  const end = lines.findIndex((l, i) => i > start && l.trim().startsWith('- ') && l.indexOf('-') === stepIndent);
  const step = lines.slice(start, end === -1 ? undefined : end);
  assert.ok(step.some((l) => l.trim() === 'shell: bash'));
  const run = step.findIndex((l) => /^\s*run: \|$/.test(l));
  assert.ok(run >= 0, `step ${name} has no run block`);
  const keyIndent = (step[run] ?? '').indexOf('run');
  const body: string[] = [];
  for (const l of step.slice(run + 1)) {
    if (l.trim() !== '' && l.search(/\S/) <= keyIndent) break;
    body.push(l.slice(keyIndent + 2));
  }
  return body.join('\n');
}

test('action.yml: the lint step writes annotations and SARIF, and passes the exit code to the last step', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-action-'));
  try {
    fs.mkdirSync(path.join(work, 'deploy'));
    fs.writeFileSync(path.join(work, 'deploy', 'app.env'), 'PORT=1\nPORT=2\nGOMEMLIMIT=512M\n');
    const output = path.join(work, 'github-output');
    fs.writeFileSync(output, '');
    // The step as the runner runs it: bash -e, the action's inputs as env, GITHUB_OUTPUT collecting its outputs.
    const lintStep = (baseline: string): ReturnType<typeof spawnSync> => {
      fs.writeFileSync(output, '');
      return spawnSync('bash', ['-e', '-c', stepScript('Lint (annotations on the diff)')], {
        cwd: work,
        encoding: 'utf8',
        env: {
          ...process.env,
          GITHUB_ACTION_PATH: ROOT,
          GITHUB_OUTPUT: output,
          GDL_PATHS: 'deploy',
          GDL_FAIL_ON: 'error',
          GDL_BASELINE: baseline,
        },
      });
    };
    const run = lintStep('');
    assert.equal(run.status, 0, String(run.stderr));
    assert.match(String(run.stdout), /^::error file=deploy\/app\.env,line=3,/m);
    assert.match(String(run.stdout), /^::warning file=deploy\/app\.env,line=2,/m);
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
    const again = lintStep('base.json');
    assert.equal(String(again.stdout).trim(), '');
    assert.match(fs.readFileSync(output, 'utf8'), /^exit-code=0$/m);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
