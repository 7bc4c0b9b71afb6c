// A host scan is evidence too: once the editor's scan finds a Go binary (its build ID note), the units that run it
// get the Go service rules (GDL231 here), without a go.mod or GO* variables in sight.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ANALYZE_HOST_REPORT } from '../../server/src/protocol';
import { fileUri, startServer, type TestServer } from './lsp-client';

let dir = '';
let server: TestServer;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-host-evidence-'));
  server = await startServer({ rootDir: dir });
});
after(async () => {
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const hex = (s: string | Buffer): string => Buffer.from(s).toString('hex');

/** The first bytes of a Go ELF binary: header, then the `.note.go.buildid` note (namesz 4, type 4, "Go\0\0"). */
function goHead(): Buffer {
  const head = Buffer.alloc(256);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]).copy(head, 0);
  Buffer.from([4, 0, 0, 0, 0x10, 0, 0, 0, 4, 0, 0, 0, 0x47, 0x6f, 0, 0]).copy(head, 0xa0);
  Buffer.from('abcdefghij/klmnop').copy(head, 0xb0);
  return head;
}

test('after a scan finds a Go binary at the ExecStart= path, GDL231 speaks for the unit', async () => {
  const unitPath = path.join(dir, 'etc', 'systemd', 'system', 'api.service');
  fs.mkdirSync(path.dirname(unitPath), { recursive: true });
  const text = '[Service]\nUser=api\nExecStart=/opt/api/server --listen :8080\nMemoryMax=512M\n';
  fs.writeFileSync(unitPath, text);
  const uri = fileUri(unitPath);
  void server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'systemd-unit', version: 1, text },
  });
  const before = await server.diagnostics(uri, () => true);
  assert.ok(!before.some((d) => d.code === 'GDL231'), 'no evidence of Go yet');
  const output = [
    'GDLPROBE 1',
    `binary ${hex('/opt/api/server')}`,
    `binary_head ${hex('/opt/api/server')} ${goHead().toString('hex')}`,
    'GDLPROBE-END',
    '',
  ].join('\n');
  await server.connection.sendRequest(ANALYZE_HOST_REPORT, { host: 'web-1', output });
  const after = await server.diagnostics(uri, (d) => d.some((x) => x.code === 'GDL231'));
  assert.match(
    String(after.find((d) => d.code === 'GDL231')?.message),
    /a scan of web-1 found a Go binary at \/opt\/api\/server/,
  );
});
