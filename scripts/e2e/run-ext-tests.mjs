// Runs the extension test suite inside code-server's real extension host, driven by Chromium; exit 0 = all passed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { freshWorkspace, launchChromium, missingTools, ROOT, startCodeServer } from './code-server.mjs';

const missing = missingTools();
if (missing !== undefined) {
  console.log(`SKIPPED extension tests: ${missing}`);
  process.exit(process.env.GDL_REQUIRE_E2E === '1' ? 1 : 3);
}
const tests = path.join(ROOT, 'out', 'test', 'e2e', 'suite', 'index.js');
if (!fs.existsSync(tests) || !fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) {
  console.error('build first: npm run build && npm run compile-tests');
  process.exit(1);
}
const t0 = Date.now();
const folder = freshWorkspace();
const cs = await startCodeServer({ extraArgs: ['--vscode-option', 'enable-smoke-test-driver'] });
// Another extension that claims unit files under its own language id, as the popular systemd extensions do.
await cs.installOtherSystemdExtension();
let browser;
let code;
try {
  browser = await launchChromium();
  const page = await browser.newPage();
  let exit;
  const exited = new Promise((r) => (exit = r));
  const noise = /open-vsx\.org|AccountPolicyGate|AgentHost|Service Worker|Creating a socket|authentication provider/;
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = format(...(args ?? []).map(String));
    if (type !== 'trace' && type !== 'debug' && !noise.test(text)) console.log(text);
  });
  await page.exposeFunction('codeAutomationExit', (c) => exit(c));
  const auth = `127.0.0.1:${cs.port}`;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${auth}${ROOT}`],
    ['extensionTestsPath', `vscode-remote://${auth}${tests}`],
  ];
  await page.goto(
    `http://${auth}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
  );
  const timeout = Number(process.env.EXT_TEST_TIMEOUT_MS ?? 240_000);
  code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), timeout))]);
} finally {
  await browser?.close().catch(() => {});
  cs.stop();
  fs.rmSync(folder, { recursive: true, force: true });
}
console.log(
  `extension tests: exit=${code} in ${((Date.now() - t0) / 1000).toFixed(1)}s (code-server log: ${cs.tmp}/code-server.log)`,
);
process.exit(code === 0 ? 0 : 1);
