// The CLI's output writer: direct writes to a descriptor, and on a full non-blocking pipe (EAGAIN) the rest through
// the stream, nothing lost, nothing twice, in order.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { directWriter } from '../../server/src/cli/main';

test('a full non-blocking pipe: what the descriptor refused goes through the stream, in order', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-writer-'));
  const fifo = path.join(dir, 'pipe');
  try {
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo');
    // Non-blocking ends: nobody reads until the end, so the pipe fills and the writer meets EAGAIN.
    const reader = fs.openSync(fifo, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const writer = fs.openSync(fifo, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK);
    const streamed: string[] = [];
    const write = directWriter(writer, () => ({
      write: (s: string | Uint8Array) => (streamed.push(Buffer.from(s).toString()), true),
    }));
    const chunks = Array.from({ length: 40 }, (_, i) => `${String(i).padStart(2, '0')}:${'x'.repeat(8190)}\n`);
    for (const c of chunks) write(c);
    // What went straight into the pipe, then what the stream got: together the chunks, each byte once.
    let direct = '';
    const buf = Buffer.alloc(1 << 16);
    for (;;) {
      let n = 0;
      try {
        n = fs.readSync(reader, buf);
      } catch {
        break;
      }
      if (n === 0) break;
      direct += buf.subarray(0, n).toString();
    }
    fs.closeSync(writer);
    fs.closeSync(reader);
    assert.ok(direct.length > 0 && streamed.length > 0, `direct ${direct.length} bytes, ${streamed.length} streamed`);
    assert.equal(direct + streamed.join(''), chunks.join(''));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
