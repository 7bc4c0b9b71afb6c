// Evidence of a Go program for the Go service rules: the workspace's main packages, and the merged unit (drop-ins).
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FsProject } from '../../server/src/workspace/project';
import { lintText } from '../support/lint-text';

let dir = '';
const write = (rel: string, text: string): string => {
  const f = path.join(dir, rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, text);
  return f;
};

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-go-evidence-'));
  write('src/go.mod', 'module example.com/shop\n\ngo 1.24\n');
  write('src/cmd/api/main.go', '// Command api serves the shop.\npackage main\n\nfunc main() {}\n');
  write('src/internal/store/store.go', 'package store\n');
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('GDL231 speaks for a unit whose ExecStart= runs a main package of the workspace (no go.mod above the unit)', () => {
  const unit = write(
    'deploy/etc/systemd/system/api.service',
    '[Service]\nUser=api\nExecStart=/usr/local/bin/api --listen :8080\nMemoryMax=512M\n',
  );
  const project = new FsProject([dir]);
  const f = lintText(fs.readFileSync(unit, 'utf8'), { file: unit, project }).findings.find(
    (x) => x.rule.id === 'GDL231',
  );
  assert.ok(f !== undefined);
  assert.match(f.message, /the workspace's Go code builds `api`/);
  const other = write(
    'deploy/etc/systemd/system/nginx.service',
    '[Service]\nUser=www\nExecStart=/usr/sbin/nginx\nMemoryMax=512M\n',
  );
  assert.equal(
    lintText(fs.readFileSync(other, 'utf8'), { file: other, project }).findings.filter((x) => x.rule.id === 'GDL231')
      .length,
    0,
  );
});

test('GDL231 judges the merged unit: MemoryMax= from a drop-in is reported once, where it is set', () => {
  const unit = write(
    'ops/etc/systemd/system/worker.service',
    '[Service]\nUser=w\nEnvironment=GOGC=100\nExecStart=/usr/local/bin/worker\n',
  );
  const dropIn = write('ops/etc/systemd/system/worker.service.d/limits.conf', '[Service]\nMemoryMax=1G\n');
  const project = new FsProject([dir]);
  const f = lintText(fs.readFileSync(dropIn, 'utf8'), { file: dropIn, project }).findings.find(
    (x) => x.rule.id === 'GDL231',
  );
  assert.ok(f !== undefined, 'the drop-in that sets the cap reports it (the Go evidence comes from the unit)');
  assert.match(f.message, /it sets GOGC/);
  assert.equal(
    lintText(fs.readFileSync(unit, 'utf8'), { file: unit, project }).findings.filter((x) => x.rule.id === 'GDL231')
      .length,
    0,
    'not again from the unit',
  );
});

test('a go build -o output in a Dockerfile of the workspace is evidence too', () => {
  write(
    'build/Dockerfile',
    'FROM golang:1.27 AS build\nRUN CGO_ENABLED=0 go build -trimpath -o /out/billing ./cmd/billing\n',
  );
  const unit = write(
    'deploy/etc/systemd/system/billing.service',
    '[Service]\nUser=b\nExecStart=/usr/local/bin/billing\nMemoryMax=256M\n',
  );
  const f = lintText(fs.readFileSync(unit, 'utf8'), { file: unit, project: new FsProject([dir]) }).findings.find(
    (x) => x.rule.id === 'GDL231',
  );
  assert.match(f?.message ?? '', /builds `billing`/);
});
