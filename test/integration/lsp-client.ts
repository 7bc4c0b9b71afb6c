// Owns a minimal LSP client for tests: spawns dist/server.js --stdio and exposes typed requests and events.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type { ClientCapabilities, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ROOT } from '../support/fixture-files';

export interface TestServer {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  /** Resolves with the next diagnostics for the URI that satisfy the predicate. */
  diagnostics(uri: string, until?: (d: Diagnostic[], version: number | undefined) => boolean): Promise<Diagnostic[]>;
  settings: Record<string, unknown>;
  stderr: string[];
  /** How many times diagnostics were published for the URI. */
  publishes(uri: string): number;
  stop(): Promise<void>;
}

export function fileUri(...parts: string[]): string {
  return pathToFileURL(path.join(...parts)).href;
}

export async function startServer(opts: {
  capabilities?: ClientCapabilities;
  rootDir: string;
  settings?: Record<string, unknown>;
}): Promise<TestServer> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const stderr: string[] = [];
  child.stderr.on('data', (d: Buffer) => stderr.push(d.toString()));
  const latest = new Map<string, PublishDiagnosticsParams>();
  const counts = new Map<string, number>();
  const waiters: {
    uri: string;
    until: (d: Diagnostic[], v: number | undefined) => boolean;
    resolve: (d: Diagnostic[]) => void;
  }[] = [];
  const server: TestServer = {
    connection,
    process: child,
    settings: opts.settings ?? {},
    stderr,
    publishes: (uri) => counts.get(uri) ?? 0,
    diagnostics(uri, until = () => true) {
      const seen = latest.get(uri);
      if (seen !== undefined && until(seen.diagnostics, seen.version)) return Promise.resolve(seen.diagnostics);
      return new Promise((resolve) => waiters.push({ uri, until, resolve }));
    },
    async stop() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // the server may already be gone
      }
      connection.dispose();
      child.kill();
    },
  };
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    latest.set(p.uri, p);
    counts.set(p.uri, (counts.get(p.uri) ?? 0) + 1);
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i];
      if (w !== undefined && w.uri === p.uri && w.until(p.diagnostics, p.version)) {
        waiters.splice(i, 1);
        w.resolve(p.diagnostics);
      }
    }
  });
  connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
    p.items.map(() => server.settings),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('goDeployLint/showWarning', () => undefined);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: fileUri(opts.rootDir),
    workspaceFolders: [{ uri: fileUri(opts.rootDir), name: 'ws' }],
    capabilities: opts.capabilities ?? {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
    },
  });
  await connection.sendNotification('initialized', {});
  return server;
}
