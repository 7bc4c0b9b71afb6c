// Container surfaces: the quantity grammars of each format, Compose env_file dialect links, Helm templates skipped.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  parseComposeBytes,
  parseComposeCpus,
  parseK8sQuantity,
  parsePodmanBytes,
} from '../../server/src/parsers/containers/quantity';
import { FsProject } from '../../server/src/workspace/project';
import { lintText } from '../support/lint-text';
import picomatch from 'picomatch';
import { COMPOSE_FILE_PATTERNS, isComposeFileName } from '../../server/src/protocol';
import { completion } from '../../server/src/lsp/completion/index';
import { hover } from '../../server/src/lsp/hover/index';
import { documentLinks } from '../../server/src/lsp/document-links';

test('Kubernetes quantities: binary and decimal suffixes, exponents, millicores; no MB, no spaces', () => {
  const ok: [string, number][] = [
    ['512Mi', 512 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['1G', 1e9],
    ['500m', 0.5],
    ['2', 2],
    ['1e9', 1e9],
    ['1.5Gi', 1.5 * 2 ** 30],
    ['.5', 0.5],
    ['100k', 1e5],
  ];
  for (const [text, value] of ok) assert.equal(parseK8sQuantity(text)?.value, value, text);
  for (const bad of ['512MB', '1 core', 'Mi', '1gi', '1K', '', '0x10', '1.2.3'])
    assert.equal(parseK8sQuantity(bad), undefined, bad);
});

test('Compose byte values (docker/go-units RAMInBytes) and cpus', () => {
  assert.equal(parseComposeBytes('512m')?.value, 512 * 2 ** 20);
  assert.equal(parseComposeBytes('1gb')?.value, 2 ** 30);
  assert.equal(parseComposeBytes('1.5g')?.value, 1.5 * 2 ** 30);
  assert.equal(parseComposeBytes('2048k')?.value, 2 ** 21);
  assert.equal(parseComposeBytes('1073741824')?.value, 2 ** 30);
  assert.equal(parseComposeBytes('512 MiB')?.value, 512 * 2 ** 20);
  for (const bad of ['512MB5', 'lots', '-1m', '1x', 'ib']) assert.equal(parseComposeBytes(bad), undefined, bad);
  assert.equal(parseComposeCpus('1.5')?.value, 1.5);
  assert.equal(parseComposeCpus('one'), undefined);
  assert.equal(parsePodmanBytes('512m')?.value, 512 * 2 ** 20);
  assert.equal(parsePodmanBytes('512Mi'), undefined);
});

test('an env file named by a Compose env_file: is read in the compose dialect', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-compose-'));
  try {
    fs.writeFileSync(
      path.join(root, 'compose.yaml'),
      'services:\n  api:\n    image: x\n    env_file:\n      - app.env\n',
    );
    fs.writeFileSync(path.join(root, 'app.env'), 'A=1\n');
    const project = new FsProject([root]);
    assert.deepEqual(project.referencedDialect(path.join(root, 'app.env')), {
      dialect: 'compose',
      source: 'env_file: in compose.yaml',
    });
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('a Helm template is not linted: one information note at its first {{', () => {
  const a = lintText('apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\n', {
    file: 'templates/pod.yaml',
  });
  assert.deepEqual(
    a.findings.map((f) => [f.rule.id, f.severity, f.range.start.line]),
    [['GDL001', 'information', 3]],
  );
});

test("Compose file names: the client's patterns and the server's test agree", () => {
  const names = [
    'compose.yaml',
    'compose.yml',
    'compose.override.yaml',
    'docker-compose.yml',
    'docker-compose.prod.yaml',
    'docker-compose-dev.yml',
    'app.compose.yaml',
    'compose.json',
    'my-compose.yaml',
    'composer.yaml',
    'values.yaml',
  ];
  for (const n of names)
    assert.equal(
      isComposeFileName(n),
      COMPOSE_FILE_PATTERNS.some((p) => picomatch.isMatch(`a/b/${n}`, p)),
      n,
    );
});

test('YAML that is not a manifest or a Compose file is not analysed', () => {
  assert.equal(lintText('server:\n  mem_limit: 5x\n', { file: 'config.yaml' }).language, undefined);
});

test('completion: Go names in a manifest env list, GOMEMLIMIT at 90 % of the limit, Quadlet [Container] keys', () => {
  const k8s =
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n    - name: api\n      image: x\n' +
    '      resources:\n        limits:\n          memory: 1Gi\n      env:\n        - name: GOM\n        - name: GOMEMLIMIT\n          value: \n';
  const a = lintText(k8s, { file: 'pod.yaml' });
  assert.ok(completion(a, { line: 12, character: 21 }).some((c) => c.label === 'GOMEMLIMIT'));
  assert.deepEqual(
    completion(a, { line: 14, character: 17 }).map((c) => c.label),
    ['921MiB'],
  );
  const quadlet = lintText('[Container]\nImage=x\nEnvironment=GOMEMLIMIT=\nMemory=1g\nPod', { file: 'api.container' });
  assert.deepEqual(
    completion(quadlet, { line: 2, character: 23 }).map((c) => c.label),
    ['921MiB'],
  );
  assert.ok(completion(quadlet, { line: 4, character: 3 }).some((c) => c.label === 'PodmanArgs'));
});

test('document links: a Compose env_file that exists links to it; a missing one does not', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-links-'));
  try {
    fs.writeFileSync(path.join(root, 'app.env'), 'A=1\n');
    const file = path.join(root, 'compose.yaml');
    const text = 'services:\n  api:\n    image: x\n    env_file:\n      - app.env\n      - gone.env\n';
    const links = documentLinks(lintText(text, { file, project: new FsProject([root]) }));
    assert.deepEqual(
      links.map((l) => [l.range.start.line, l.target?.endsWith('/app.env')]),
      [[4, true]],
    );
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('hover on an entry names its value, except for a secret-looking name', () => {
  const text = 'services:\n  api:\n    image: x\n    environment:\n      GOGC: "100"\n      DB_PASSWORD: hunter2\n';
  const a = lintText(text, { file: 'compose.yaml' });
  assert.match(
    (hover(a, { line: 4, character: 7 })?.contents as { value: string } | undefined)?.value ?? '',
    /\*\*GOGC\*\* in api: `100`/,
  );
  const secret = (hover(a, { line: 5, character: 7 })?.contents as { value: string } | undefined)?.value ?? '';
  assert.match(secret, /the value of `DB_PASSWORD`/);
  assert.ok(!secret.includes('hunter2'));
});
