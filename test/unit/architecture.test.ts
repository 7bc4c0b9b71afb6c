// Enforces the layering invariants of ARCHITECTURE.md by reading imports.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/fixture-files';

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import|require\()\s*'([^']+)'/g)].map((m) => m[1] ?? '');
}

const rel = (f: string): string => path.relative(ROOT, f);

test('server never imports vscode or the client', () => {
  for (const f of sources(path.join(ROOT, 'server', 'src'))) {
    for (const i of imports(f)) {
      assert.notEqual(i, 'vscode', `${rel(f)} imports vscode`);
      assert.ok(!path.resolve(path.dirname(f), i).startsWith(path.join(ROOT, 'client')), `${rel(f)} imports ${i}`);
    }
  }
});

// The scan runner is the one other shared piece: the client's task terminal and the CLI run probes the same way;
// and the client's terminal shows remote text with the same control-character set the CLI escapes.
const CLIENT_MAY_IMPORT = [path.join('server', 'src', 'protocol'), path.join('server', 'src', 'host', 'scan'), path.join('server', 'src', 'text', 'printable')];

test('client imports only server/src/protocol.ts (and the scan runner and terminal text) from the server', () => {
  for (const f of sources(path.join(ROOT, 'client', 'src'))) {
    for (const i of imports(f)) {
      if (!i.startsWith('.')) continue;
      const target = path.resolve(path.dirname(f), i);
      if (target.startsWith(path.join(ROOT, 'server'))) assert.ok(CLIENT_MAY_IMPORT.includes(rel(target)), `${rel(f)} imports ${i}`);
    }
  }
});

test('rules never touch the connection, build Diagnostics or parse text', () => {
  for (const f of sources(path.join(ROOT, 'server', 'src', 'rules'))) {
    const text = fs.readFileSync(f, 'utf8');
    for (const i of imports(f)) assert.ok(!/vscode-languageserver(\/node)?$|\/lsp\/|\/parsers\/[^/]+\/parse$/.test(i), `${rel(f)} imports ${i}`);
    assert.doesNotMatch(text, /Diagnostic\s*\{|connection\./, rel(f));
  }
});

test('every source file opens with a one-sentence comment', () => {
  for (const f of [...sources(path.join(ROOT, 'server', 'src')), ...sources(path.join(ROOT, 'client', 'src'))]) {
    assert.match(fs.readFileSync(f, 'utf8'), /^\/\/ \S/, `${rel(f)} needs an opening comment`);
  }
});
