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
const CLIENT_MAY_IMPORT = [
  path.join('server', 'src', 'protocol'),
  path.join('server', 'src', 'host', 'scan'),
  path.join('server', 'src', 'host', 'ansible'),
  path.join('server', 'src', 'text', 'printable'),
];

test('client imports only server/src/protocol.ts (and the scan runners and terminal text) from the server', () => {
  for (const f of sources(path.join(ROOT, 'client', 'src'))) {
    for (const i of imports(f)) {
      if (!i.startsWith('.')) continue;
      const target = path.resolve(path.dirname(f), i);
      if (target.startsWith(path.join(ROOT, 'server')))
        assert.ok(CLIENT_MAY_IMPORT.includes(rel(target)), `${rel(f)} imports ${i}`);
    }
  }
});

/**
 * The layers of server/src, lowest first: a file may import from its own layer or a lower one, never a higher one.
 * parse → knowledge → rules → surfaces → analysis → front ends; host/ renders scans above the analysis.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['protocol.ts'],
  ['text'],
  ['knowledge'],
  ['parsers'],
  ['settings.ts'],
  ['workspace'],
  ['rules'],
  ['languages'],
  ['analysis'],
  ['host'],
  ['lsp'],
  ['server.ts'],
  ['cli'],
  ['main.ts'],
];
const SERVER = path.join(ROOT, 'server', 'src');

function layerOf(file: string): number {
  const top = path.relative(SERVER, file).split(path.sep)[0] ?? '';
  const i = LAYERS.findIndex((l) => l.includes(top));
  assert.notEqual(i, -1, `${rel(file)}: ${top} has no layer in the architecture test`);
  return i;
}

/** Relative imports of a file, resolved, with whether they import values (not `import type`). */
function resolvedImports(file: string): { target: string; spec: string; names: string[]; typeOnly: boolean }[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: { target: string; spec: string; names: string[]; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(
    /^(import|export)\s+(type\s+)?(?:\{([^}]*)\}|\*\s+as\s+\w+|\w+)?\s*(?:from\s+)?'([^']+)'/gm,
  )) {
    const spec = m[4] ?? '';
    if (!spec.startsWith('.')) continue;
    const names = (m[3] ?? '')
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n !== '' && !n.startsWith('type '));
    out.push({
      target: path.resolve(path.dirname(file), spec),
      spec,
      names,
      typeOnly: m[2] !== undefined || (m[3] !== undefined && names.length === 0),
    });
  }
  return out;
}

test('server folders import only from their own layer or lower ones', () => {
  const bad: string[] = [];
  for (const f of sources(SERVER)) {
    const mine = layerOf(f);
    for (const i of resolvedImports(f)) {
      if (!i.target.startsWith(SERVER)) continue;
      const theirs = layerOf(`${i.target}.ts`);
      // lsp/ and cli/ are both front ends: neither imports the other.
      const sideways =
        (LAYERS[mine]?.[0] === 'cli' && LAYERS[theirs]?.[0] === 'lsp') ||
        (LAYERS[mine]?.[0] === 'lsp' && LAYERS[theirs]?.[0] === 'cli');
      if (theirs > mine || sideways) bad.push(`${rel(f)} imports ${i.spec}`);
    }
  }
  assert.deepEqual(bad, []);
});

/** Parser entry points: rules receive what they produce and never call them. */
const PARSE_CALLS = /^(parse[A-Z]\w*|splitWords|readCommands|evaluateFile|embeddedRegistrations|rawEffect)$/;

test('rules never parse, touch the file system or the workspace, the connection, or build Diagnostics', () => {
  for (const f of sources(path.join(SERVER, 'rules'))) {
    const text = fs.readFileSync(f, 'utf8');
    for (const i of imports(f))
      assert.ok(!/vscode-languageserver(\/node)?$|^(node:)?(fs|child_process|net)$/.test(i), `${rel(f)} imports ${i}`);
    for (const i of resolvedImports(f)) {
      assert.ok(
        !i.target.startsWith(path.join(SERVER, 'workspace')),
        `${rel(f)} imports ${i.spec}: the surface hands workspace facts over in the rule's input`,
      );
      assert.ok(!i.target.startsWith(path.join(SERVER, 'lsp')), `${rel(f)} imports ${i.spec}`);
      if (i.target.startsWith(path.join(SERVER, 'parsers')) && !i.typeOnly) {
        for (const n of i.names)
          assert.doesNotMatch(n.replace(/\s+as\s+\w+$/, ''), PARSE_CALLS, `${rel(f)} calls the parser ${n}`);
      }
    }
    assert.doesNotMatch(text, /Diagnostic\s*\{|connection\.|existsSync|readFileSync|statSync/, rel(f));
  }
});

test('every source file opens with a one-sentence comment', () => {
  for (const f of [...sources(path.join(ROOT, 'server', 'src')), ...sources(path.join(ROOT, 'client', 'src'))]) {
    assert.match(fs.readFileSync(f, 'utf8'), /^\/\/ \S/, `${rel(f)} needs an opening comment`);
  }
});

test('ARCHITECTURE.md lists the folders of server/src in the order of the layers', () => {
  const doc = fs.readFileSync(path.join(ROOT, 'ARCHITECTURE.md'), 'utf8');
  const block = /```\nserver\/src\/[^\n]*\n([\s\S]*?)\nclient\/src\//.exec(doc)?.[1] ?? '';
  const listed = [...block.matchAll(/^ {2}([a-z-]+(?:\/|\.ts))/gm)].map((m) => (m[1] ?? '').replace(/\/$/, ''));
  const layers = LAYERS.flat().filter((l) => l !== 'main.ts');
  assert.deepEqual(listed, layers);
  const present = fs.readdirSync(SERVER).filter((n) => n !== 'main.ts');
  assert.deepEqual([...present].sort(), [...layers].sort());
});
