// UI test in Chromium against code-server with the packaged VSIX: squiggle, Problems count, Ctrl+. quick fix, Scan
// Host and Scan Inventory through the command palette, screenshots.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { freshWorkspace, launchChromium, missingTools, packageVsix, ROOT, startCodeServer } from './code-server.mjs';

const require = createRequire(import.meta.url);

const missing = missingTools();
if (missing !== undefined) {
  console.log(`SKIPPED UI test: ${missing}`);
  process.exit(process.env.GDL_REQUIRE_E2E === '1' ? 1 : 3);
}
const results = path.join(ROOT, 'test-results');
fs.mkdirSync(results, { recursive: true });
const vsix = path.join(results, 'go-deploy-lint.vsix');
// As npm run package: the user-facing details page.
packageVsix(ROOT, vsix, ['--readme-path', 'docs/marketplace.md', '--no-rewrite-relative-links']);

const t0 = Date.now();
/** Command palette → "Go Deploy Lint: <title>" → Enter, once the palette lists it. */
async function paletteCommand(page, title) {
  await page.keyboard.press('Control+Shift+P');
  await page.waitForSelector('.quick-input-widget .quick-input-box input', { timeout: 10_000 });
  await page.keyboard.type(`Go Deploy Lint: ${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}
const step = (m) => console.log(`[ui ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
const folder = freshWorkspace();
// A throwaway sshd on 127.0.0.1 for the Scan Host step; its ssh_config is the one the picker reads.
const { startSshd, sshdPath } = require(path.join(ROOT, 'out', 'test', 'support', 'sshd.js'));
if (sshdPath() === undefined && process.env.GDL_REQUIRE_E2E === '1') {
  console.log('UI TEST FAILED: sshd not installed (.ci/run installs openssh-server)');
  process.exit(1);
}
const sshd = sshdPath() === undefined ? undefined : await startSshd();
// An Ansible inventory for the Scan Inventory step: hosts that are this machine, hosts whose probe reads a prepared
// Alpine or CentOS 7 root, and one unreachable host (port 1). FLEET_HOSTS sets the size (the README's screenshot: 50).
const ansible = spawnSync('ansible', ['--version']).status === 0;
if (sshd !== undefined && !ansible && process.env.GDL_REQUIRE_E2E === '1') {
  console.log('UI TEST FAILED: ansible-core not installed (.ci/run installs it)');
  await sshd.stop();
  process.exit(1);
}
const inventory = path.join(folder, 'inventory', 'hosts.ini');
const fleetSize = Math.max(6, Number(process.env.FLEET_HOSTS ?? 6));
if (sshd !== undefined && ansible) {
  const { writeInventory } = require(path.join(ROOT, 'out', 'test', 'support', 'sshd.js'));
  const roots = path.join(ROOT, 'test', 'fixtures', 'host', 'roots');
  const n = (prefix, count) => Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(2, '0')}`);
  const edge = n('edge', Math.round(fleetSize * 0.2));
  const legacy = n('legacy', Math.round(fleetSize * 0.16));
  const down = n('batch', Math.max(1, Math.round(fleetSize * 0.04)));
  const web = n('web', fleetSize - edge.length - legacy.length - down.length);
  fs.mkdirSync(path.dirname(inventory), { recursive: true });
  writeInventory(
    inventory,
    sshd,
    { web, edge, legacy, batch: down },
    {
      ...Object.fromEntries(edge.map((h) => [h, { root: path.join(roots, 'alpine') }])),
      ...Object.fromEntries(legacy.map((h) => [h, { root: path.join(roots, 'centos7') }])),
      ...Object.fromEntries(down.map((h) => [h, { port: 1 }])),
    },
  );
}
const cs = await startCodeServer({
  userSettings: {
    'workbench.colorTheme': 'Default Dark Modern',
    'editor.fontSize': 15,
    'window.commandCenter': false,
    ...(sshd !== undefined ? { 'goDeployLint.hostChecks.sshConfig': sshd.sshConfig } : {}),
    ...(sshd !== undefined && ansible
      ? { 'goDeployLint.hostChecks.inventory': 'inventory/hosts.ini', 'goDeployLint.hostChecks.concurrency': 25 }
      : {}),
  },
});
let browser;
let ok = false;
try {
  await cs.installExtension(vsix);
  // Next to another systemd extension that claims unit files under its own language id.
  await cs.installOtherSystemdExtension();
  step('extension installed (and another systemd extension)');
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  await page.goto(`http://127.0.0.1:${cs.port}/?folder=${encodeURIComponent(folder)}`);
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 120_000 });
  step('workbench up');
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } });
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { timeout: 30_000 });
  await page.keyboard.type('ui/.env');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: '.env' }).first();
  await row.waitFor({ timeout: 30_000 });
  await row.click();
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30_000 });
  await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 60_000 });
  step('error squiggle visible');
  const problems = await page.locator('#status\\.problems').getAttribute('aria-label');
  step(`status bar: ${problems}`);
  if (!/Errors: [1-9]/.test(problems ?? '')) throw new Error(`expected errors in the status bar, got ${problems}`);
  await page.keyboard.press('Control+Shift+M');
  await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 30_000 });
  const markerText = (await page.locator('.markers-panel').innerText()).replace(/\u00a0/g, ' ');
  if (!markerText.includes('GDL120')) throw new Error(`Problems panel lacks GDL120: ${markerText.slice(0, 300)}`);
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  await page.waitForSelector('.monaco-hover:not(.hidden)', { timeout: 15_000 });
  const hoverText = (await page.locator('.monaco-hover').first().innerText()).replace(/\u00a0/g, ' ');
  if (!hoverText.includes('GDL120')) throw new Error(`hover lacks the diagnostic: ${hoverText.slice(0, 200)}`);
  step('hover shows the diagnostic with its code');
  await page.screenshot({ path: path.join(results, 'screenshot.png') });
  step('screenshot taken');
  await page.keyboard.press('Escape');
  await page
    .waitForSelector('.monaco-hover:not(.hidden)', { state: 'detached', timeout: 5_000 })
    .catch(() => undefined);
  await page.keyboard.press('Control+.');
  const opened = await page.waitForSelector('.action-widget .monaco-list-row', { timeout: 5_000 }).then(
    () => true,
    () => false,
  );
  if (!opened) {
    // Ctrl+. can be swallowed while the hover releases focus; the light bulb opens the same menu.
    step('Ctrl+. did not open the menu; clicking the light bulb');
    await page.locator('.lightBulbWidget, .codicon-light-bulb, .codicon-lightbulb').first().click();
    await page.waitForSelector('.action-widget .monaco-list-row', { timeout: 30_000 });
  }
  const menu = (await page.locator('.action-widget').first().innerText()).replace(/\u00a0/g, ' ');
  step(`quick-fix menu: ${menu.replace(/\s+/g, ' ').slice(0, 160)}`);
  if (!menu.includes('Change to `512MiB`') && !menu.includes('Change to 512MiB'))
    throw new Error('quick fix missing from the Ctrl+. menu');
  await page.locator('.action-widget .monaco-list-row', { hasText: '512MiB' }).first().click();
  await page.waitForFunction(
    () =>
      document
        .querySelector('.monaco-editor .view-lines')
        ?.textContent?.replace(/\u00a0/g, ' ')
        .includes('GOMEMLIMIT=512MiB'),
    null,
    { timeout: 30_000 },
  );
  step('quick fix applied in the editor');
  await page.screenshot({ path: path.join(results, 'screenshot-after-fix.png') });

  // A unit with both extensions installed: whichever language VS Code picks, our finding is there.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { timeout: 30_000 });
  await page.keyboard.type('api.service');
  const unitRow = page.locator('.quick-input-list .monaco-list-row', { hasText: 'api.service' }).first();
  await unitRow.waitFor({ timeout: 30_000 });
  await unitRow.click();
  await page.waitForSelector('.monaco-editor .squiggly-warning', { timeout: 60_000 });
  const mode = await page
    .locator('#status\\.editor\\.mode')
    .innerText()
    .catch(() => '?');
  step(`unit file with two systemd extensions: language "${mode.trim()}", warning squiggle visible`);
  await page.screenshot({ path: path.join(results, 'both-extensions.png') });

  if (sshd === undefined) step('Scan Host step skipped: no sshd');
  else {
    // Command palette → Scan Host… → the picker lists This machine and the ssh config's hosts → pick one.
    await paletteCommand(page, 'Scan Host');
    const hostRow = page.locator('.quick-input-list .monaco-list-row', { hasText: sshd.alias }).first();
    await hostRow.waitFor({ timeout: 15_000 });
    const pickerText = (await page.locator('.quick-input-list').innerText()).replace(/\u00a0/g, ' ');
    if (!pickerText.includes('This machine') || !pickerText.includes('Enter user@host'))
      throw new Error(`picker shows: ${pickerText}`);
    step(`host picker: ${pickerText.replace(/\s+/g, ' ').slice(0, 120)}`);
    await hostRow.click();
    await page.locator('.quick-input-widget', { hasText: '1 Selected' }).first().waitFor({ timeout: 5_000 });
    await page.locator('.quick-input-widget .monaco-button', { hasText: 'OK' }).first().click();
    // The task terminal runs the probe; the Host report opens; Problems gain the host's findings.
    await page.locator('.tab', { hasText: 'Host report' }).first().waitFor({ timeout: 60_000 });
    step('Host report opened');
    await page
      .locator('.terminal-tabs-entry, .single-terminal-tab, .terminal-tab', { hasText: sshd.alias })
      .first()
      .waitFor({ timeout: 10_000 })
      .catch(() => step('terminal tab label not found (panel layout); continuing'));
    await page.keyboard.press('Control+Shift+M');
    await page.waitForFunction(
      (alias) => document.querySelector('.markers-panel')?.textContent?.includes(`${alias}.gdlprobe`),
      sshd.alias,
      { timeout: 30_000 },
    );
    step('Problems list the probe output of the host');
    // The preview renders the report with rule links (relative links: previews refuse file: ones).
    const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await preview.locator('h1', { hasText: `Host report: ${sshd.alias}` }).waitFor({ timeout: 20_000 });
    const links = await preview.locator('a', { hasText: /^GDL5\d\d$/ }).count();
    if (links === 0) throw new Error('the Host report shows no rule links');
    step(`Host report rendered with ${links} rule links`);
    await page.screenshot({ path: path.join(results, 'host-report.png') });
  }
  if (sshd === undefined || !ansible) step('Scan Inventory step skipped: no sshd or no ansible');
  else {
    // Command palette → Scan Inventory… → the inventory comes from the setting → the picker lists All hosts, the
    // groups and the hosts → pick All hosts → the task runs Ansible → the Fleet report opens as a preview.
    await page.keyboard.press('Escape');
    await paletteCommand(page, 'Scan Inventory');
    const allRow = page.locator('.quick-input-list .monaco-list-row', { hasText: 'All hosts' }).first();
    await allRow.waitFor({ timeout: 30_000 });
    const picker = (await page.locator('.quick-input-list').innerText()).replace(/\u00a0/g, ' ');
    if (!picker.includes(`${fleetSize} hosts`) || !/\bweb\b/.test(picker) || !picker.includes('edge'))
      throw new Error(`inventory picker shows: ${picker.slice(0, 300)}`);
    step(`inventory picker: ${picker.replace(/\s+/g, ' ').slice(0, 120)}`);
    await allRow.click();
    await page.locator('.quick-input-widget', { hasText: '1 Selected' }).first().waitFor({ timeout: 5_000 });
    await page.locator('.quick-input-widget .monaco-button', { hasText: 'OK' }).first().click();
    const scanStart = Date.now();
    await page.locator('.tab', { hasText: 'Fleet report' }).first().waitFor({ timeout: 180_000 });
    step(`Fleet report opened (${fleetSize} hosts in ${((Date.now() - scanStart) / 1000).toFixed(1)} s)`);
    const fleet = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
    await fleet.locator('h1', { hasText: 'Fleet report' }).waitFor({ timeout: 20_000 });
    const summary = await fleet.locator('p', { hasText: 'hosts scanned' }).first().innerText();
    if (!summary.includes(`${fleetSize} hosts scanned`)) throw new Error(`fleet report says: ${summary}`);
    // The charts are images that rendered (data URIs the preview accepts), not broken ones.
    await fleet.locator('img[alt="Operating system"]').first().scrollIntoViewIfNeeded();
    const sizes = await fleet
      .locator('img')
      .evaluateAll((imgs) => imgs.map((i) => `${i.getAttribute('alt')}:${i.naturalWidth}`));
    if (sizes.length < 6 || sizes.some((x) => x.endsWith(':0'))) throw new Error(`charts not rendered: ${sizes}`);
    const hostLinks = await fleet.locator('a', { hasText: /^web-\d\d$/ }).count();
    if (hostLinks === 0) throw new Error('the Fleet report has no host links');
    step(`Fleet report: "${summary}", ${sizes.length} charts, ${hostLinks} host links`);
    // The report alone in the screenshots: the panel with the task terminal hidden.
    await page
      .locator('.part.panel .action-label[aria-label^="Hide Panel"], .part.panel .codicon-panel-close')
      .first()
      .click({ timeout: 5_000 })
      .catch(() => step('could not hide the panel; screenshot with it'));
    await fleet.locator('h1', { hasText: 'Fleet report' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(results, 'fleet-report.png') });
    await fleet.locator('h2', { hasText: 'Facts' }).scrollIntoViewIfNeeded();
    await fleet.locator('img[alt="C library"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(results, 'fleet-facts.png') });
    // A host link opens that host's report.
    await fleet
      .locator('a', { hasText: /^edge-01$/ })
      .first()
      .click();
    await page
      .frameLocator('iframe.webview.ready')
      .last()
      .frameLocator('#active-frame')
      .locator('h1', { hasText: 'Host report: edge-01' })
      .waitFor({ timeout: 20_000 });
    step('a host link opens the host report');
  }
  if (process.env.UPDATE_SCREENSHOT === '1') {
    fs.mkdirSync(path.join(ROOT, 'docs', 'images'), { recursive: true });
    fs.copyFileSync(path.join(results, 'screenshot.png'), path.join(ROOT, 'docs', 'images', 'screenshot.png'));
    fs.copyFileSync(
      path.join(results, 'both-extensions.png'),
      path.join(ROOT, 'docs', 'images', 'both-extensions.png'),
    );
    if (fs.existsSync(path.join(results, 'host-report.png')))
      fs.copyFileSync(path.join(results, 'host-report.png'), path.join(ROOT, 'docs', 'images', 'host-report.png'));
    for (const shot of ['fleet-report.png', 'fleet-facts.png'])
      if (fs.existsSync(path.join(results, shot)))
        fs.copyFileSync(path.join(results, shot), path.join(ROOT, 'docs', 'images', shot));
    step('docs/images/screenshot.png updated');
  }
  ok = true;
} catch (error) {
  console.log(`UI TEST FAILED: ${String(error).slice(0, 600)}`);
  const page = browser?.contexts()[0]?.pages()[0];
  await page?.screenshot({ path: path.join(results, 'ui-failure.png') }).catch(() => {});
} finally {
  await browser?.close().catch(() => {});
  cs.stop();
  await sshd?.stop();
  fs.rmSync(folder, { recursive: true, force: true });
}
console.log(`UI test: ${ok ? 'passed' : 'failed'} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
process.exit(ok ? 0 : 1);
