// Extension tests for host checks over real ssh: the task runs in a terminal, the report opens, Problems appear.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { HostReportResult } from '../../../server/src/protocol';
import { startSshd, sshdPath, type TestSshd } from '../../support/sshd';
import { assertPreviewOpen, assertRuleLinkResolves, codeOf, ensureActive } from './helpers';

suite('host checks', () => {
  let sshd: TestSshd | undefined;
  suiteSetup(async function () {
    await ensureActive();
    if (sshdPath() === undefined) {
      if (process.env.GDL_REQUIRE_E2E === '1') throw new Error('sshd not installed (.ci/run installs openssh-server)');
      this.skip();
    }
    sshd = await startSshd();
  });
  suiteTeardown(async () => {
    await sshd?.stop();
  });

  test('Scan Host runs the go-deploy-lint task, opens the Host report and fills Problems', async () => {
    const s = sshd as TestSshd;
    const started: vscode.Task[] = [];
    const sub = vscode.tasks.onDidStartTask((e) => {
      if (e.execution.task.definition.type === 'go-deploy-lint') started.push(e.execution.task);
    });
    const results = await vscode.commands.executeCommand<HostReportResult[]>('goDeployLint.scanHost', {
      hosts: [s.alias],
      sshConfig: s.sshConfig,
    });
    sub.dispose();
    assert.deepEqual(
      started.map((t) => t.name),
      [`scan ${s.alias}`],
    );
    assert.equal(results.length, 1);
    const r = results[0] as HostReportResult;
    assert.equal(r.complete, true, r.markdown);
    assert.match(r.markdown, /^# Host report: gdl-test-host$/m);

    // The probe output is a document; its Problems carry rule codes.
    const outputUri = vscode.Uri.parse(r.uri);
    const output = await vscode.workspace.openTextDocument(outputUri);
    assert.match(output.getText(), /^GDLPROBE 1\n/);
    const onOutput = vscode.languages.getDiagnostics(outputUri);
    assert.equal(onOutput.length, r.files[0]?.diagnostics.length);
    assert.ok(onOutput.length > 0, 'this machine always has something to report (e.g. GDL519 or GDL501)');
    assert.ok(onOutput.every((d) => /^GDL5\d\d$/.test(codeOf(d))));
    // Findings about workspace files are on those files too.
    for (const f of r.files.slice(1)) {
      const d = vscode.languages.getDiagnostics(vscode.Uri.parse(f.uri));
      assert.ok(
        d.some((x) => x.message.startsWith(`${s.alias}: `)),
        f.uri,
      );
    }

    // Rule links in the report are relative and resolve to the shipped rule pages.
    await assertRuleLinkResolves(r.markdown);

    // The report opened as a Markdown preview.
    assertPreviewOpen('Host report');
  });

  test('a host that cannot be reached: the report says so and nothing is published for it', async () => {
    const s = sshd as TestSshd;
    const results = await vscode.commands.executeCommand<HostReportResult[]>('goDeployLint.scanHost', {
      hosts: ['gdl-no-such-host.invalid'],
      sshConfig: s.sshConfig,
    });
    assert.equal(results.length, 1);
    assert.equal(results[0]?.complete, false);
    assert.match(results[0]?.markdown ?? '', /holds no probe report/);
    assert.equal(vscode.languages.getDiagnostics(vscode.Uri.parse(results[0]?.uri ?? '')).length, 0);
  });

  test('terminating a running scan task stops ssh and publishes nothing for it', async () => {
    const s = sshd as TestSshd;
    // A host whose connection never completes (the proxy just sleeps): the scan runs until it is terminated.
    const cfg = `${s.dir}/slow_config`;
    fs.writeFileSync(
      cfg,
      'Host gdl-slow\n  ProxyCommand sleep 60\n  StrictHostKeyChecking no\n  UserKnownHostsFile /dev/null\n',
    );
    const sub = vscode.tasks.onDidStartTask((e) => {
      if (e.execution.task.name === 'scan gdl-slow') e.execution.terminate();
    });
    const t0 = Date.now();
    const results = await vscode.commands.executeCommand<HostReportResult[]>('goDeployLint.scanHost', {
      hosts: ['gdl-slow'],
      sshConfig: cfg,
    });
    sub.dispose();
    assert.deepEqual(results, []);
    assert.ok(Date.now() - t0 < 20_000, 'the scan did not stop when its task was terminated');
    assert.equal(
      vscode.languages.getDiagnostics(vscode.Uri.parse('go-deploy-lint-host-report:/gdl-slow.gdlprobe')).length,
      0,
    );
  });

  test('the task type resolves from a tasks.json-style definition', async () => {
    const tasks = await vscode.tasks.fetchTasks({ type: 'go-deploy-lint' });
    assert.ok(
      tasks.some((t) => t.name === 'scan this machine'),
      tasks.map((t) => t.name).join(' | '),
    );
  });
});
