// Extension tests for "Scan Inventory…": Ansible runs the probe on an inventory's hosts (sshd on 127.0.0.1), the
// task terminal shows them, the fleet report opens as a preview with a page per host, Problems fill, cancel stops it.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FleetResult } from '../../../server/src/protocol';
import { startSshd, sshdPath, writeInventory, type TestSshd } from '../../support/sshd';
import { assertPreviewOpen, assertRuleLinkResolves, ensureActive } from './helpers';

suite('inventory scans', () => {
  let sshd: TestSshd | undefined;
  let dir = '';
  let inventory = '';
  suiteSetup(async function () {
    await ensureActive();
    const ansible = spawnSync('ansible', ['--version']).status === 0;
    if (sshdPath() === undefined || !ansible) {
      const why = 'sshd or ansible-core not installed (.ci/run installs openssh-server and ansible-core)';
      if (process.env.GDL_REQUIRE_E2E === '1') throw new Error(why);
      this.skip();
    }
    sshd = await startSshd();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-e2e-inventory-'));
    inventory = path.join(dir, 'hosts.ini');
    // A FIFO as /proc/1/comm: the slow host's probe blocks on it until its deadline or a cancel.
    const slow = path.join(dir, 'slow-root');
    fs.mkdirSync(path.join(slow, 'proc', '1'), { recursive: true });
    assert.equal(spawnSync('mkfifo', [path.join(slow, 'proc', '1', 'comm')]).status, 0);
    writeInventory(
      inventory,
      sshd,
      { web: ['web-01', 'web-02'], db: ['db-01'], slow: ['slow-01'] },
      // Port 1 on the loopback address: nothing listens, the connection is refused at once.
      { 'db-01': { port: 1 }, 'slow-01': { root: slow } },
    );
  });
  suiteTeardown(async () => {
    await sshd?.stop();
    if (dir !== '') fs.rmSync(dir, { recursive: true, force: true });
  });

  test('Scan Inventory runs one task through Ansible, opens the Fleet report and fills Problems', async () => {
    const started: string[] = [];
    const sub = vscode.tasks.onDidStartTask((e) => {
      if (e.execution.task.definition.type === 'go-deploy-lint') started.push(e.execution.task.name);
    });
    const r = await vscode.commands.executeCommand<FleetResult | undefined>('goDeployLint.scanInventory', {
      inventory,
      limit: 'web:db',
    });
    sub.dispose();
    assert.deepEqual(started, ['scan inventory hosts.ini (web:db)']);
    assert.ok(r !== undefined);
    assert.match(r.markdown, /^# Fleet report$/m);
    assert.match(r.markdown, /3 hosts scanned: 2 answered, 1 gave no report/);
    assert.deepEqual(
      r.hosts.map((h) => h.host),
      ['web-01', 'web-02'],
    );
    assert.deepEqual(
      r.failures.map((f) => f.host),
      ['db-01'],
    );
    assert.match(r.failures[0]?.problem ?? '', /^unreachable: .*Connection refused/);
    // Charts are data URIs (the preview shows no files from elsewhere); hosts link to their own page.
    assert.match(r.markdown, /<img alt="Hosts per finding" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+">/);
    assert.match(r.markdown, /\[web-01\]\(hosts\/web-01\.md\)/);

    // Each answering host's probe output carries its Problems, as with Scan Host.
    for (const h of r.hosts) {
      const d = vscode.languages.getDiagnostics(vscode.Uri.parse(h.uri));
      assert.ok(d.length > 0, h.host);
      assert.equal(d.length, h.files[0]?.diagnostics.length);
    }
    // The report's links resolve: the host's page, and a rule page linked from it.
    const page = await vscode.workspace.openTextDocument(vscode.Uri.parse('go-deploy-lint-report:/hosts/web-01.md'));
    assert.match(page.getText(), /^# Host report: web-01$/m);
    await assertRuleLinkResolves(page.getText(), 'hosts/');
    const fleet = await vscode.workspace.openTextDocument(vscode.Uri.parse('go-deploy-lint-report:/Fleet report.md'));
    assert.equal(fleet.getText(), r.markdown);
    assertPreviewOpen('Fleet report');
  });

  test('cancelling stops Ansible: the command resolves at once and publishes nothing for the host', async () => {
    const s = sshd as TestSshd;
    const sub = vscode.tasks.onDidStartTask((e) => {
      // Terminated once sshd has accepted the host's connection (its probe then blocks on the FIFO for a minute).
      if (e.execution.task.name.startsWith('scan inventory'))
        void s.logged(/Accepted publickey/).then(() => e.execution.terminate());
    });
    const t0 = Date.now();
    const r = await vscode.commands.executeCommand<FleetResult | undefined>('goDeployLint.scanInventory', {
      inventory,
      limit: 'slow',
    });
    sub.dispose();
    assert.equal(r, undefined);
    assert.ok(Date.now() - t0 < 20_000, `the scan did not stop when its task was terminated (${Date.now() - t0} ms)`);
    assert.equal(
      vscode.languages.getDiagnostics(vscode.Uri.parse('go-deploy-lint-host-report:/slow-01.gdlprobe')).length,
      0,
    );
    // No ssh or ansible process of the cancelled run is left.
    const ps = spawnSync('pgrep', ['-f', `ansible.*${path.basename(dir)}`], { encoding: 'utf8' });
    assert.equal(ps.error, undefined, 'pgrep (procps) is needed to check for processes left');
    // Exit 1: no process matched.
    assert.equal(ps.status, 1, `processes left: ${ps.stdout}`);
  });

  test('an inventory with no host that matches: an error, no task result', async () => {
    const r = await vscode.commands.executeCommand<FleetResult | undefined>('goDeployLint.scanInventory', {
      inventory,
      limit: 'no-such-group',
    });
    assert.equal(r, undefined);
  });
});
