// The extension manifest agrees with the code: language patterns, commands, entry points, engine.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { detectLanguage, LANGUAGE_IDS } from '../../server/src/workspace/language-id';
import { Commands, SELECTED_FILE_PATTERNS } from '../../server/src/protocol';
import { ROOT } from '../support/fixture-files';

interface Lang {
  id: string;
  filenames?: string[];
  filenamePatterns?: string[];
  extensions?: string[];
}
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  displayName: string;
  main: string;
  bin: Record<string, string>;
  engines: { vscode: string };
  capabilities: { untrustedWorkspaces: { supported: unknown } };
  contributes: { languages: Lang[]; grammars: { language: string; path: string }[]; commands: { command: string }[] };
};

/** What VS Code would pick from the manifest for a path (dockerfile is VS Code's own). */
function manifestLanguage(p: string): string | undefined {
  const base = path.posix.basename(p);
  if (/^(Dockerfile|Containerfile)(\..+)?$/.test(base)) return 'dockerfile';
  for (const l of pkg.contributes.languages) {
    if (l.filenames?.includes(base)) return l.id;
    if (l.extensions?.some((e) => base.endsWith(e) && base.length > e.length)) return l.id;
    if (l.filenamePatterns?.some((g) => picomatch.isMatch(g.includes('/') ? p : base, g, { dot: true }))) return l.id;
  }
  if (/^(Dockerfile|Containerfile)(\..+)?$/.test(base) || /\.(dockerfile|Dockerfile|containerfile)$/.test(base))
    return 'dockerfile';
  if (/\.(sh|bash)$/.test(base)) return 'shellscript';
  if (/\.gdlprobe$/.test(base)) return 'host-report';
  return undefined;
}

const SAMPLES = [
  '/w/.env',
  '/w/.env.local',
  '/w/.env.production',
  '/w/app.env',
  '/w/go.env',
  '/home/u/.config/go/env',
  '/w/.envrc',
  '/w/env',
  '/w/api.service',
  '/w/db.socket',
  '/w/backup.timer',
  '/w/x.path',
  '/w/data.mount',
  '/w/data.automount',
  '/w/swapfile.swap',
  '/w/multi-user.target',
  '/w/app.slice',
  '/w/x.scope',
  '/w/etc/systemd/system/api.service.d/override.conf',
  '/w/etc/systemd/system/api@.service.d/10-env.conf',
  '/w/etc/nginx/conf.d/site.conf',
  '/w/usr/lib/binfmt.d/qemu-aarch64.conf',
  '/w/usr/share/binfmts/qemu-arm',
  '/w/etc/binfmt.d/README',
  '/w/usr/lib/binfmt.d/qemu-arm',
  '/w/scripts/register.sh',
  '/w/Dockerfile',
  '/w/Dockerfile.prod',
  '/w/Dockerfile.env',
  '/w/build.Dockerfile',
  '/w/Containerfile',
  '/w/readme.md',
];

/** What the editor hands the server: a document of the manifest's language, or one the selector's patterns take. */
function editorLanguage(p: string): string | undefined {
  const byManifest = manifestLanguage(p);
  if (byManifest !== undefined) return byManifest;
  return SELECTED_FILE_PATTERNS.some((g) => picomatch.isMatch(p, g, { dot: true })) ? detectLanguage(p) : undefined;
}

test('language detection in the CLI matches what the editor lints (manifest languages and selector patterns)', () => {
  for (const p of SAMPLES) assert.equal(detectLanguage(p), editorLanguage(p), p);
  // binfmt.d claims only *.conf as a language; other files there are linted by pattern (GDL3xx flags them).
  assert.equal(manifestLanguage('/w/etc/binfmt.d/README'), undefined);
});

test("VS Code's own dotenv language is not renamed and gets no second grammar: only file associations", () => {
  const dotenv = pkg.contributes.languages.find((l) => l.id === 'dotenv') as Lang & Record<string, unknown>;
  assert.deepEqual(Object.keys(dotenv).sort(), ['filenamePatterns', 'filenames', 'id']);
  assert.equal(
    pkg.contributes.grammars.find((g) => g.language === 'dotenv'),
    undefined,
  );
});

test("activation: no longer on every shell script; on our languages, other extensions' unit ids and workspace files", () => {
  const events = (
    JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { activationEvents: string[] }
  ).activationEvents;
  assert.ok(!events.includes('onLanguage:shellscript'));
  for (const e of [
    'onLanguage:dotenv',
    'onLanguage:systemd-conf',
    'workspaceContains:**/*.service',
    'workspaceContains:**/binfmt.d/*.conf',
  ])
    assert.ok(events.includes(e), e);
});

test("every language id has a grammar except the editor's own (dockerfile, shellscript, dotenv, YAML) and host-report", () => {
  for (const id of LANGUAGE_IDS) {
    // Compose files and Kubernetes manifests are the editor's YAML: we never claim the yaml language.
    if (['dockerfile', 'shellscript', 'host-report', 'dotenv', 'compose', 'kubernetes'].includes(id)) continue;
    const g = pkg.contributes.grammars.find((x) => x.language === id);
    assert.ok(g !== undefined, id);
    assert.doesNotThrow(() => JSON.parse(fs.readFileSync(path.join(ROOT, g.path), 'utf8')));
  }
});

test('entry points, name and engine', () => {
  assert.equal(pkg.name, 'go-deploy-lint');
  assert.equal(pkg.displayName, 'Go Deploy Lint');
  assert.equal(pkg.main, './dist/extension.js');
  assert.deepEqual(pkg.bin, { 'go-deploy-lint': './dist/cli.js' });
  const m = /^\^1\.(\d+)\.\d+$/.exec(pkg.engines.vscode);
  assert.ok(m !== null && Number(m[1]) <= 139, `engines.vscode ${pkg.engines.vscode} must be at most ^1.139.0`);
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
});

test('contributed commands are the protocol commands that have a palette entry', () => {
  const declared = pkg.contributes.commands.map((c) => c.command).sort();
  for (const c of declared) assert.ok((Object.values(Commands) as string[]).includes(c), c);
});

test('.vscodeignore is an allowlist that ships dist, syntaxes and docs', () => {
  const lines = fs
    .readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim());
  assert.equal(lines[0], '**');
  for (const keep of [
    '!dist/extension.js',
    '!dist/server.js',
    '!dist/yaml.js',
    '!dist/dockerfile-ast.js',
    '!syntaxes/**',
    '!docs/rules/**',
    '!package.json',
  ])
    assert.ok(lines.includes(keep), keep);
});

test('host checks are off in untrusted workspaces: the command needs trust, their settings are restricted', () => {
  const raw = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    contributes: {
      commands: { command: string; enablement?: string }[];
      taskDefinitions: { type: string; properties: Record<string, unknown> }[];
    };
    capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
  };
  for (const command of [Commands.scanHost, Commands.scanInventory]) {
    const scan = raw.contributes.commands.find((c) => c.command === command);
    assert.equal(scan?.enablement, 'isWorkspaceTrusted', command);
  }
  assert.equal(raw.capabilities.untrustedWorkspaces.supported, 'limited');
  for (const k of [
    'goDeployLint.hostChecks.sshConfig',
    'goDeployLint.hostChecks.binaries',
    'goDeployLint.hostChecks.units',
    'goDeployLint.hostChecks.inventory',
  ])
    assert.ok(raw.capabilities.untrustedWorkspaces.restrictedConfigurations.includes(k), k);
  // The task type tasks.json may use.
  assert.deepEqual(
    Object.keys(raw.contributes.taskDefinitions.find((t) => t.type === 'go-deploy-lint')?.properties ?? {}).sort(),
    ['binaries', 'host', 'inventory', 'limit', 'sshConfig', 'units'],
  );
});

test('settings: every enum value is described, and text with Markdown is a markdownDescription', () => {
  const props = (
    JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, Record<string, unknown>> } };
    }
  ).contributes.configuration.properties;
  for (const [key, p] of Object.entries(props)) {
    assert.ok(
      typeof p['description'] !== 'string' || !p['description'].includes('`'),
      `${key}: backticks in description`,
    );
    for (const s of [p, p['additionalProperties'] as Record<string, unknown> | undefined]) {
      const values = s?.['enum'] as unknown[] | undefined;
      if (values === undefined) continue;
      const described = s?.['markdownEnumDescriptions'] as string[] | undefined;
      assert.equal(described?.length, values.length, `${key}: enum values without a description`);
      assert.ok(
        described.every((d) => d.trim() !== ''),
        key,
      );
    }
  }
});

test('the VSIX: icon, user README, no CLI bundle, categories, an engine as low as the client library allows', () => {
  const raw = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    icon: string;
    categories: string[];
    scripts: Record<string, string>;
    engines: { vscode: string };
  };
  const icon = fs.readFileSync(path.join(ROOT, raw.icon));
  // PNG signature, then IHDR width and height.
  assert.equal(icon.subarray(1, 4).toString(), 'PNG');
  assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128]);
  assert.ok(raw.categories.includes('Programming Languages'));
  assert.match(raw.scripts['package'] ?? '', /--readme-path docs\/marketplace\.md/);
  const client = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'node_modules', 'vscode-languageclient', 'package.json'), 'utf8'),
  ) as { engines: { vscode: string } };
  assert.equal(raw.engines.vscode, client.engines.vscode);
  const shipped = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n');
  for (const keep of ['!dist/extension.js', '!dist/server.js', `!${raw.icon}`, '!docs/marketplace.md'])
    assert.ok(shipped.includes(keep), keep);
  assert.ok(!shipped.some((l) => l === '!dist/**' || l.includes('cli.js')), 'the VSIX must not ship dist/cli.js');
});
