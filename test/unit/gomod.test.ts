// go.mod as the go command reads it (golang.org/x/mod/modfile): blocks, comments, quoted paths, `// indirect`.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseGoMod } from '../../server/src/parsers/gomod/parse';
import { sdNotifyRequire } from '../../server/src/parsers/gomod/module';
import { FsProject } from '../../server/src/workspace/project';

test('module, go and toolchain lines, single and block requires with indirect marks', () => {
  const mod = parseGoMod(
    [
      '// comment line',
      'module "example.com/app" // trailing',
      '',
      'go 1.27.1',
      'toolchain go1.28.0',
      'require golang.org/x/sync v0.10.0',
      'require (',
      '\tgithub.com/coreos/go-systemd/v22 v22.5.0 // indirect',
      '\t`github.com/raw/path` v1.0.0',
      '\t// a comment inside the block',
      ')',
      'replace example.com/old => example.com/new v1.0.0',
      'exclude (',
      '\texample.com/bad v1.0.0',
      ')',
    ].join('\n'),
  );
  assert.equal(mod.module, 'example.com/app');
  assert.deepEqual(mod.go, { text: '1.27.1', version: { major: 1, minor: 27, patch: 1 }, line: 3 });
  assert.equal(mod.toolchain?.text, 'go1.28.0');
  assert.deepEqual(
    mod.requires.map((r) => [r.path, r.version, r.indirect, r.line]),
    [
      ['golang.org/x/sync', 'v0.10.0', false, 5],
      ['github.com/coreos/go-systemd/v22', 'v22.5.0', true, 7],
      ['github.com/raw/path', 'v1.0.0', false, 8],
    ],
  );
  assert.equal(sdNotifyRequire(mod), 'github.com/coreos/go-systemd/v22');
});

test('broken go.mod text gives what can be read and never throws', () => {
  assert.deepEqual(parseGoMod(''), { module: undefined, go: undefined, toolchain: undefined, requires: [] });
  const mod = parseGoMod('go\nrequire (\nexample.com/a\n"unterminated v1\n');
  assert.equal(mod.go, undefined);
  assert.deepEqual(
    mod.requires.map((r) => r.path),
    [],
  );
  assert.equal(parseGoMod('go banana').go?.version, undefined);
});

test('the workspace ties a unit to the module that builds its binary, and finds hand-written sd_notify', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-gomod-'));
  try {
    fs.mkdirSync(path.join(root, 'svc', 'cmd', 'api'), { recursive: true });
    fs.writeFileSync(path.join(root, 'svc', 'go.mod'), 'module example.com/svc\n\ngo 1.26\n');
    fs.writeFileSync(path.join(root, 'svc', 'cmd', 'api', 'main.go'), 'package main\n\nfunc main() {}\n');
    const project = new FsProject([root]);
    const m = project.goModuleBuilding('api');
    assert.equal(m?.goModPath, path.join(root, 'svc', 'go.mod'));
    assert.equal(m?.mod.go?.text, '1.26');
    assert.equal(m?.sdNotify(), undefined);
    assert.equal(project.goModuleBuilding('other'), undefined);
    // The module's own code names NOTIFY_SOCKET: after the files change, it counts as notifying.
    fs.writeFileSync(
      path.join(root, 'svc', 'cmd', 'api', 'notify.go'),
      'package main\n\nimport "os"\n\nvar sock = os.Getenv("NOTIFY_SOCKET")\n',
    );
    assert.equal(project.goModuleBuilding('api')?.sdNotify(), undefined, 'cached until invalidated');
    project.invalidate();
    assert.match(project.goModuleBuilding('api')?.sdNotify() ?? '', /cmd\/api\/notify\.go uses NOTIFY_SOCKET/);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('a build context: .env files and .git are exposed unless .dockerignore excludes them (Docker rules)', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-context-'));
  try {
    fs.mkdirSync(path.join(root, '.git'));
    fs.mkdirSync(path.join(root, 'deploy'));
    for (const f of ['.env', '.env.example', 'deploy/.env.production', 'deploy/prod.env', 'Dockerfile.env'])
      fs.writeFileSync(path.join(root, f), 'X=1\n');
    const project = new FsProject([root]);
    assert.deepEqual(project.contextSecrets(root), ['.env', '.git', 'deploy/.env.production', 'deploy/prod.env']);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
