// One mistake, one finding: when a root cause (inline comment kept, quotes kept, CR kept) explains a value, the value
// rules judge the value the author meant and stay silent when it is valid.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintText } from '../support/lint-text';

function codes(text: string, file: string): string[] {
  return lintText(text, { file })
    .findings.map((f) => f.rule.id)
    .sort();
}

const UNIT = 'one/etc/systemd/system/api.service';

test('Restart=always # keep it up: GDL207 only; an invalid meant value is still GDL211', () => {
  assert.deepEqual(
    codes('[Service]\nUser=api\nExecStart=/usr/local/bin/api\nRestart=always # keep it up\nRestartSec=2s\n', UNIT),
    ['GDL207'],
  );
  assert.deepEqual(
    codes('[Service]\nUser=api\nExecStart=/usr/local/bin/api\nRestart=allways # keep it up\nRestartSec=2s\n', UNIT),
    ['GDL207', 'GDL211'],
  );
});

test('GOMEMLIMIT=512MiB # soft in a dialect that keeps comments: GDL104 only; 512M # soft is also GDL120', () => {
  for (const d of ['systemd', 'docker', 'go-env']) {
    assert.deepEqual(
      codes(`# go-deploy-lint dialect=${d}\nGOMEMLIMIT=512MiB # soft limit\n`, 'one/.env'),
      ['GDL104'],
      d,
    );
    assert.deepEqual(codes(`# go-deploy-lint dialect=${d}\nGOMAXPROCS=4 # cores\n`, 'one/.env'), ['GDL104'], d);
  }
  assert.deepEqual(codes('# go-deploy-lint dialect=systemd\nGOMEMLIMIT=512M # soft limit\n', 'one/.env'), [
    'GDL104',
    'GDL120',
  ]);
  // systemd joins text after the quotes to the value: the comment still is the one mistake.
  assert.deepEqual(codes('# go-deploy-lint dialect=systemd\nGOMEMLIMIT="512MiB" # soft limit\n', 'one/.env'), [
    'GDL104',
  ]);
});

test('kept quotes: GDL108 only, not also an invalid GOPROXY or CGO_ENABLED', () => {
  assert.deepEqual(codes('# go-deploy-lint dialect=docker\nGOPROXY="https://proxy.example.com,direct"\n', 'one/.env'), [
    'GDL108',
  ]);
  assert.deepEqual(codes('# go-deploy-lint dialect=go-env\nCGO_ENABLED="0"\n', 'one/go.env'), ['GDL108']);
});

test('a kept CR: GDL110 only, not also an invalid GOTOOLCHAIN', () => {
  assert.deepEqual(codes('GOTOOLCHAIN=local\r\nGOFLAGS=-mod=mod\r\n', 'one/go.env'), ['GDL110', 'GDL110']);
});

test('Environment=GOMEMLIMIT=512MiB # soft: GDL207 only, not also invalid assignments for `#` and `soft`', () => {
  assert.deepEqual(
    codes('[Service]\nUser=api\nExecStart=/usr/local/bin/api\nEnvironment=GOMEMLIMIT=512MiB # soft\n', UNIT),
    ['GDL207'],
  );
});
