// The CLI in CI pipelines: exit codes, SARIF for code scanning (schema-valid), GitLab, Checkstyle, GitHub, baselines.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import { ROOT } from '../support/fixture-files';
import { CLI, runCli, type CliRun } from '../support/cli';

let dir = '';

function run(args: string[]): CliRun {
  return runCli(args, { cwd: dir });
}

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-ci-'));
  // GDL101 (warning, duplicate key) and GDL120 (error, malformed GOMEMLIMIT); a message with `:` and `,` inside.
  fs.writeFileSync(path.join(dir, 'app.env'), 'PORT=1\nPORT=2\nGOMEMLIMIT=512M\n');
  fs.writeFileSync(path.join(dir, 'hint.env'), 'GOGC=100\n');
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

interface SarifLog {
  runs: {
    tool: { driver: { informationUri?: string; rules: { id: string; name?: string; helpUri?: string }[] } };
    results: { ruleId: string; partialFingerprints?: Record<string, string>; locations: unknown[] }[];
    originalUriBaseIds?: Record<string, { uri: string }>;
    invocations?: { exitCode: number; executionSuccessful: boolean }[];
  }[];
}

test('SARIF validates against the SARIF 2.1.0 schema, with helpUri, fingerprints, base ids and the exit code', () => {
  const schemaFile = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false });
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as object);
  const r = run(['lint', 'app.env', '--format', 'sarif']);
  assert.equal(r.code, 1);
  const log = JSON.parse(r.stdout) as SarifLog;
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
  const sarifRun = log.runs[0];
  assert.ok(sarifRun !== undefined);
  // The repository named in package.json, not a second copy of its address.
  const repository = (
    JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { repository: { url: string } }
  ).repository.url.replace(/\.git$/, '');
  assert.equal(sarifRun.tool.driver.informationUri, repository);
  for (const x of sarifRun.tool.driver.rules)
    assert.equal(x.helpUri, `${repository}/blob/main/docs/rules/${x.id}-${x.name ?? ''}.md`);
  assert.deepEqual(sarifRun.invocations, [{ executionSuccessful: true, exitCode: 1 }]);
  assert.match(sarifRun.originalUriBaseIds?.['%SRCROOT%']?.uri ?? '', /^file:\/\/.*\/$/);
  assert.deepEqual(
    sarifRun.results.map((x) => x.ruleId),
    ['GDL101', 'GDL120'],
  );
  // The validator is not a rubber stamp: a wrong level is refused.
  const broken = JSON.parse(r.stdout) as { runs: { results: { level: string }[] }[] };
  const first = broken.runs[0]?.results[0];
  if (first !== undefined) first.level = 'fatal';
  assert.equal(validate(broken), false);
});

test('fingerprints survive lines added above the findings (SARIF and --baseline)', () => {
  const prints = (): string[] =>
    (JSON.parse(run(['lint', 'app.env', '--format', 'sarif']).stdout) as SarifLog).runs[0]?.results.map(
      (x) => x.partialFingerprints?.['goDeployLint/v1'] ?? '',
    ) ?? [];
  const before = prints();
  assert.equal(before.length, 2);
  assert.ok(before.every((p) => /^[0-9a-f]{32}$/.test(p)));
  fs.writeFileSync(
    path.join(dir, 'app.env'),
    `# a comment\n\nAPP=1\n${fs.readFileSync(path.join(dir, 'app.env'), 'utf8')}`,
  );
  assert.deepEqual(prints(), before);
  fs.writeFileSync(path.join(dir, 'app.env'), 'PORT=1\nPORT=2\nGOMEMLIMIT=512M\n');
});

test('fingerprints do not depend on secret values (they go into SARIF uploads and committed baselines)', () => {
  const print = (a: string, b: string): string[] => {
    fs.writeFileSync(path.join(dir, 'secret.env'), `API_TOKEN=${a}\nAPI_TOKEN=${b}\nDB_URL=postgres://u:${a}@db/x\n`);
    const log = JSON.parse(run(['lint', 'secret.env', '--format', 'sarif', '--fail-on', 'none']).stdout) as SarifLog;
    return log.runs[0]?.results.map((x) => x.partialFingerprints?.['goDeployLint/v1'] ?? '') ?? [];
  };
  const first = print('s3cr3t-one', 's3cr3t-two');
  assert.ok(first.length > 0);
  assert.deepEqual(print('other-one', 'other-two'), first);
  fs.rmSync(path.join(dir, 'secret.env'));
});

test('--write-baseline records today; --baseline reports only new findings, also after lines moved', () => {
  const written = run(['lint', '.', '--write-baseline', 'baseline.json']);
  assert.equal(written.code, 0);
  assert.match(written.stderr, /recorded 2 finding\(s\) in baseline\.json/);
  assert.equal(run(['lint', '.', '--baseline', 'baseline.json']).code, 0);
  fs.writeFileSync(path.join(dir, 'app.env'), '# moved down\nPORT=1\nPORT=2\nGOMEMLIMIT=512M\nGOGC=often\n');
  const r = run(['lint', '.', '--baseline', 'baseline.json', '--format', 'json', '--fail-on', 'warning']);
  const codes = (JSON.parse(r.stdout) as { files: { diagnostics: { code: string }[] }[] }).files.flatMap((f) =>
    f.diagnostics.map((d) => d.code),
  );
  assert.deepEqual(codes, ['GDL121']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /2 finding\(s\) in the baseline are not reported/);
  assert.equal(run(['lint', '.', '--baseline', 'missing.json']).code, 2);
  fs.writeFileSync(path.join(dir, 'app.env'), 'PORT=1\nPORT=2\nGOMEMLIMIT=512M\n');
  fs.rmSync(path.join(dir, 'baseline.json'));
});

test('GitLab Code Quality: an array of issues with description, check_name, fingerprint, severity, location', () => {
  const issues = JSON.parse(run(['lint', 'app.env', '--format', 'gitlab']).stdout) as Record<string, unknown>[];
  assert.equal(issues.length, 2);
  for (const i of issues) {
    assert.deepEqual(Object.keys(i).sort(), ['check_name', 'description', 'fingerprint', 'location', 'severity']);
    assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(String(i['severity'])));
    const loc = i['location'] as { path: string; lines: { begin: number } };
    assert.equal(loc.path, 'app.env');
    assert.ok(loc.lines.begin >= 1);
  }
});

test('Checkstyle XML is well-formed and names each finding', () => {
  const xml = run(['lint', 'app.env', '--format', 'checkstyle']).stdout;
  // Python's XML parser as the oracle for well-formedness (python3 is on every CI machine of this project).
  const parsed = spawnSync(
    'python3',
    [
      '-c',
      'import sys,xml.dom.minidom as m; d=m.parseString(sys.stdin.read()); print(len(d.getElementsByTagName("error")))',
    ],
    { input: xml, encoding: 'utf8' },
  );
  assert.equal(parsed.status, 0, parsed.stderr);
  assert.equal(parsed.stdout.trim(), '2');
  assert.match(xml, /<error line="2" column="1" severity="warning" message="[^"]+" source="go-deploy-lint\.GDL101"\/>/);
});

test('GitHub workflow commands: one escaped annotation per finding', () => {
  const lines = run(['lint', 'app.env', '--format', 'github']).stdout.trim().split('\n');
  assert.equal(lines.length, 2);
  assert.match(
    lines[0] ?? '',
    /^::warning file=app\.env,line=2,col=1,endLine=2,endColumn=5,title=GDL101 duplicate-key::/,
  );
  assert.match(lines[1] ?? '', /^::error file=app\.env,line=3,/);
  for (const l of lines) assert.doesNotMatch(l.split('::')[2] ?? '', /[\r\n]/);
});

test('exit codes in pipelines: --fail-on hint, unreadable paths after the readable ones, no path means .', () => {
  // A duplicate key set to `hint`: only --fail-on hint makes it fail the run.
  fs.writeFileSync(path.join(dir, 'hint.json'), JSON.stringify({ rules: { GDL101: 'hint' } }));
  fs.writeFileSync(path.join(dir, 'hint.env'), 'PORT=1\nPORT=2\n');
  const hint = (failOn: string): number | null =>
    run(['lint', 'hint.env', '--config', 'hint.json', '--fail-on', failOn]).code;
  assert.equal(hint('information'), 0);
  assert.equal(hint('hint'), 1);
  fs.writeFileSync(path.join(dir, 'hint.env'), 'GOGC=100\n');
  const mixed = run(['lint', 'app.env', 'nope.env', '--format', 'json']);
  assert.equal(mixed.code, 2);
  assert.equal((JSON.parse(mixed.stdout) as { files: { path: string }[] }).files[0]?.path, 'app.env');
  assert.match(mixed.stderr, /cannot read nope\.env: no such file or directory/);
  assert.equal(run(['lint']).stdout, run(['lint', '.']).stdout);
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'hello\n');
  assert.match(run(['lint', 'notes.txt']).stderr, /skipped notes\.txt: unknown file type \(use --language\)/);
  fs.rmSync(path.join(dir, 'notes.txt'));
});

test('usage errors suggest the nearest flag or command; --version is in the help', () => {
  assert.match(run(['lint', '--fromat', 'json']).stderr, /unknown option --fromat; did you mean --format\?/);
  assert.match(run(['scan', '--jbos', '2']).stderr, /did you mean --jobs\?/);
  assert.match(run(['lnit']).stderr, /did you mean lint\?/);
  assert.doesNotMatch(run(['lint', '--zzzzzzzz']).stderr, /did you mean/);
  assert.match(run(['--help']).stdout, /--version\s+Print the version/);
});

test('output is written whole through a pipe, and a reader that goes away early ends it quietly', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-pipe-'));
  try {
    for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(dir, `a${i}.env`), 'GOMAXPROCS=0\nGOGC=off\n');
    const whole = run(['lint', dir, '--format', 'json', '--fail-on', 'none']);
    assert.equal(whole.code, 0, whole.stderr);
    assert.equal((JSON.parse(whole.stdout) as { files: unknown[] }).files.length, 300);
    // A slow reader: the pipe fills while it sleeps and the CLI's writes wait for it; everything arrives, in order.
    // (A non-blocking pipe, where writes fail with EAGAIN, is tested on the writer itself in cli-output.test.ts:
    // Node clears O_NONBLOCK on the stdio it hands a child, so a shell pipeline does not produce one.)
    const slow = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" "${CLI}" lint "${dir}" --format json --fail-on none | (sleep 1; cat)`],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    assert.ok(whole.stdout.length > 65_536, 'more than a pipe holds');
    assert.equal(slow.stdout, whole.stdout);
    assert.equal(slow.stderr, '');
    // head exits after 10 bytes: no EPIPE error or stack trace from the CLI.
    const early = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" "${CLI}" lint "${dir}" --format json --fail-on none | head -c 10`],
      { encoding: 'utf8' },
    );
    assert.equal(early.stdout, whole.stdout.slice(0, 10));
    assert.equal(early.stderr, '');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
