// Owns the fuzz model: per-surface input generators (random, grammar-shaped, mutated fixtures) and the properties
// every document must satisfy (no exception, sane ranges, fixes inside their lines, fixes converge).
import { RECORD_KEYS } from '../../server/src/parsers/host-report/keys';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { DockerfileParser } from 'dockerfile-ast';
import { selectFixes } from '../../server/src/analysis/fixes';
import { parseHostReport } from '../../server/src/parsers/host-report/parse';
import { parseBinfmtD } from '../../server/src/parsers/binfmt/parse-binfmt-d';
import { parseUpdateBinfmts } from '../../server/src/parsers/binfmt/parse-update-binfmts';
import { parseRegistration } from '../../server/src/parsers/binfmt/registration';
import { buildModel } from '../../server/src/parsers/dockerfile/model';
import { parseEnvFile } from '../../server/src/parsers/dotenv/parse';
import { readCommands } from '../../server/src/parsers/shell/words';
import { parseUnitFile } from '../../server/src/parsers/systemd/parse';
import { parseGoMod } from '../../server/src/parsers/gomod/parse';
import { parseYamlDocuments } from '../../server/src/parsers/yaml/yaml';
import { splitWords } from '../../server/src/parsers/systemd/words';
import { applyEdits } from '../../server/src/text/edits';
import { comparePositions, LineIndex } from '../../server/src/text/line-index';
import { filesBelow, ROOT } from './fixture-files';
import { lintText } from './lint-text';

export interface Surface {
  readonly name: string;
  /** File the text is linted as (language detection). */
  readonly file: string;
  /** Grammar-shaped lines: fragments of the language, glued, with random noise mixed in. */
  readonly line: fc.Arbitrary<string>;
  /** Folders of in-repo files whose mutations are fuzzed. */
  readonly seeds: readonly string[];
}

const noise = fc.string({ unit: 'binary', maxLength: 6 });
const glue = (...parts: fc.Arbitrary<string>[]): fc.Arbitrary<string> => fc.tuple(...parts).map((p) => p.join(''));
const pick = (...xs: string[]): fc.Arbitrary<string> => fc.constantFrom(...xs);
const maybe = (a: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.oneof(fc.constant(''), a);

const GO_KEYS = pick(
  'GOMEMLIMIT',
  'GOGC',
  'GOMAXPROCS',
  'CGO_ENABLED',
  'GOROOT',
  'GOPATH',
  'GOBIN',
  'PATH',
  'GODEBUG',
  'GOFLAGS',
  'GOPROXY',
  'GOTOOLCHAIN',
  'GOOS',
  'GOARCH',
  'GOAMD64',
  'APP_PORT',
  'A B',
  '1X',
  'export FOO',
);
const GO_VALUES = pick(
  '512MiB',
  '1GiB',
  '512M',
  'off',
  '100',
  '-1',
  'false',
  '0',
  '1',
  '/usr/local/go',
  '$HOME/go',
  '${GOPATH}/bin:$PATH',
  'http2client=0,netdns=go',
  '-tags netgo',
  'direct',
  'local',
  'linux',
  'arm64',
  'v3',
  '"quoted',
  "'single'",
  '"a # b"',
  ' # comment',
  '\\',
  '$(cmd)',
  '%h',
  '',
);

const envLine = fc.oneof(
  glue(
    maybe(pick('export ', ' ', '\t')),
    GO_KEYS,
    pick('=', ' = ', '=', ':'),
    GO_VALUES,
    maybe(noise),
    maybe(GO_VALUES),
  ),
  glue(
    pick(
      '#',
      '# go-deploy-lint ignore=GDL120',
      '# go-deploy-lint dialect=systemd',
      '# go-deploy-lint ignore-file=GDL101',
    ),
    maybe(noise),
  ),
  noise,
);

const unitLine = fc.oneof(
  glue(pick('[Service]', '[Unit]', '[Install]', '[Socket]', '[X-Custom]', '[Service', '[]'), maybe(noise)),
  glue(
    pick(
      'ExecStart',
      'ExecStartPre',
      'Type',
      'MemoryMax',
      'MemoryHigh',
      'Environment',
      'EnvironmentFile',
      'Restart',
      'RestartSec',
      'LimitNOFILE',
      'CPUQuota',
      'SystemCallFilter',
      'User',
      'WantedBy',
      'NoNewPrivileges',
      'AmbientCapabilities',
      'ReadWriteDirectories',
      'Unknown',
      ' ExecStart ',
    ),
    pick('=', ' = ', ''),
    pick(
      '/usr/local/bin/app',
      'app --flag',
      '-/etc/default/app',
      '"GOMEMLIMIT=1GiB" GOGC=50',
      'GOMEMLIMIT=2GiB',
      '512M',
      'infinity',
      'forking',
      'simple',
      'always',
      '50%',
      '150%',
      '@system-service',
      '~@clock',
      'multi-user',
      '%i',
      '%Z',
      '%',
      '1024:4096',
      '100ms',
      'yes',
      '',
      ' # c',
    ),
    maybe(pick('\\', ' \\', '"', "'", ';', '%n')),
    maybe(noise),
  ),
  glue(pick('#', ';'), maybe(noise)),
  noise,
);

const hexByte = fc.integer({ min: 0, max: 255 }).map((b) => `\\x${b.toString(16).padStart(2, '0')}`);
const bytes = fc
  .array(fc.oneof(hexByte, pick('\\x7fELF', 'ELF', '\\x02\\x01\\x01', '\\xb7\\x00', ':', '\\')), { maxLength: 8 })
  .map((x) => x.join(''));
const binfmtLine = fc.oneof(
  glue(
    pick(':', '|', ',', ''),
    pick('qemu-aarch64', 'go-bin', '.', '..', 'a/b', ''),
    pick(':'),
    pick('M', 'E', 'X', ''),
    pick(':'),
    pick('', '0', '12', '-1', '999'),
    pick(':'),
    bytes,
    pick(':'),
    bytes,
    pick(':'),
    pick('/usr/bin/qemu-aarch64-static', '/usr/local/bin/go-runner', 'relative', ''),
    pick(':', ''),
    pick('', 'F', 'OCF', 'POCF', 'Z'),
    maybe(noise),
  ),
  glue(pick('#', ';'), maybe(noise)),
  noise,
);

const dockerLine = fc.oneof(
  glue(
    pick(
      'FROM golang:1.22 AS build',
      'FROM golang:1.22-alpine AS b',
      'FROM alpine:3.20',
      'FROM scratch',
      'FROM gcr.io/distroless/static',
      'FROM debian:12',
      'FROM build',
      'FROM --platform=$BUILDPLATFORM golang AS x',
      'FROM ${BASE}',
    ),
    maybe(noise),
  ),
  glue(
    pick('RUN ', 'RUN CGO_ENABLED=0 ', 'RUN GOOS=linux GOARCH=arm64 ', 'ENV ', 'ARG ', 'RUN export CGO_ENABLED=1 && '),
    pick(
      'go build -o /out/app .',
      'go build -ldflags "-s -w -extldflags -static" -o /app',
      'go install ./...',
      'GOMEMLIMIT=1GiB',
      'TARGETARCH',
      'apk add ca-certificates',
      "echo ':x:M::\\x7fELF::/bin/y:' > /proc/sys/fs/binfmt_misc/register",
      'cd /src && go build',
      '<<EOF',
    ),
    maybe(pick(' \\', ' && ls', '"')),
    maybe(noise),
  ),
  pick(
    'COPY --from=build /out/app /app',
    'COPY --from=0 /app /app',
    'COPY --from=nope /x /x',
    'USER app',
    'USER 65532',
    'CMD ["/app"]',
    'CMD /app serve',
    'ENTRYPOINT ["/app"',
    'EOF',
    'WORKDIR /src',
    'SHELL ["/bin/sh", "-c"]',
    '# syntax=docker/dockerfile:1',
    '\\',
    '',
  ),
  noise,
);

const shellLine = fc.oneof(
  glue(
    pick('echo ', 'echo -e ', 'echo -n ', 'printf ', 'printf %b ', 'export '),
    pick(
      "':qemu-arm:M::\\x7fELF\\x01:\\xff\\xff:/usr/bin/qemu-arm:F'",
      '":go:E::go::/usr/local/bin/go-run:"',
      'GOMEMLIMIT=1GiB',
      'CGO_ENABLED=false',
      '"$X"',
      "'unterminated",
    ),
    maybe(
      pick(
        ' > /proc/sys/fs/binfmt_misc/register',
        ' >/proc/sys/fs/binfmt_misc/register',
        ' | tee /proc/sys/fs/binfmt_misc/register',
        ' >> /tmp/x',
      ),
    ),
    maybe(pick(' && ', ' ; ', ' \\', ' |')),
    maybe(noise),
  ),
  glue(pick('#!/bin/sh', '#', 'if [ -x x ]; then', 'fi', 'cat <<EOF', 'EOF'), maybe(noise)),
  noise,
);

const hexOf = (s: string): string => Buffer.from(s, 'latin1').toString('hex');
const hostLine = fc.oneof(
  fc
    .tuple(
      pick(...RECORD_KEYS),
      fc.array(
        fc.oneof(
          pick(
            'Linux',
            'Darwin',
            'systemd',
            'systemd 219',
            'v1',
            'v2',
            '/usr/local/go/bin/go',
            'go1.23.4',
            '/lib/ld-musl-x86_64.so.1',
            'glibc 2.17',
            'missing',
            'yes',
            '128',
            '1024',
            '1',
            '\x7fELF\x02\x01\x01\x00',
            'enabled\ninterpreter /x\nflags: OC\noffset 0\nmagic 7f454c46\n',
            '8080/tcp',
          ),
          fc.string({ unit: 'binary', maxLength: 8 }),
        ),
        { minLength: 1, maxLength: 2 },
      ),
    )
    .map(([k, vs]) => `${k} ${vs.map(hexOf).join(' ')}`),
  pick('GDLPROBE 1', 'GDLPROBE-END', 'GDLPROBE 2', '\x1b[0m'),
  noise,
);

const modPath = pick('example.com/app', 'github.com/coreos/go-systemd/v22', '"quoted/path"', '`raw`', '', 'x y');
const goModLine = fc.oneof(
  glue(pick('module ', 'module\t', 'module'), modPath, maybe(pick(' // c', '//'))),
  glue(pick('go ', 'toolchain ', 'go\t'), pick('1.27', '1.27.4', 'go1.28.1', '1', 'x', '', '1.2.3.4')),
  glue(pick('require ', 'replace ', 'exclude ', 'retract ', 'tool ', 'godebug '), pick('(', ')', '( )', '')),
  glue(maybe(pick('\t', ' ')), modPath, pick(' v1.2.3', ' v0.0.0-2024', ''), maybe(pick(' // indirect', '// x'))),
  pick(')', '(', '//', '"', '`', 'require (', 'require "a\\"b" v1'),
  noise,
);

const indent = pick('', '  ', '    ', '      ', '        ', '\t', ' ');
const yamlValue = pick(
  '512m',
  '1g',
  '512Mi',
  '1.5',
  '500m',
  '"8"',
  'off',
  '"off"',
  '512MiB',
  '~',
  '',
  '[a, b]',
  '{x: 1}',
  '|',
  '>-',
  '&a x',
  '*a',
  '"unterminated',
  "'q'",
  '1e9',
  '-1',
  'true',
);
const composeLine = fc.oneof(
  pick('services:', 'version: "3"', '---', '...', '# c', 'x-anchor: &a', '<<: *a'),
  glue(
    indent,
    pick(
      'api:',
      'worker:',
      'environment:',
      'env_file:',
      'deploy:',
      'resources:',
      'limits:',
      'healthcheck:',
      'build:',
      'image: alpine:3.20',
      'image: gcr.io/distroless/static',
      'build: .',
    ),
  ),
  glue(
    indent,
    pick(
      'mem_limit: ',
      'cpus: ',
      'memory: ',
      'GOMEMLIMIT: ',
      'GOGC: ',
      'GOMAXPROCS: ',
      'GODEBUG: ',
      'test: ',
      'path: ',
      'required: ',
    ),
    yamlValue,
  ),
  glue(
    indent,
    pick('- ', '-'),
    pick(
      'GOMEMLIMIT=512MiB',
      'GOGC=off',
      'KEY',
      'CMD',
      'curl',
      'missing.env',
      '"A=b"',
      'name: GOMEMLIMIT',
      'value: 1GiB',
    ),
  ),
  glue(indent, pick('test: ["CMD", "curl", "-f", "x"]', 'test: curl -f x || exit 1', 'test: ["CMD-SHELL", "wget x"]')),
  noise,
);
const k8sLine = fc.oneof(
  pick(
    'apiVersion: v1',
    'apiVersion: apps/v1',
    'kind: Pod',
    'kind: Deployment',
    'kind: CronJob',
    '---',
    'spec:',
    'metadata:',
    '{{ .Values.x }}',
  ),
  glue(
    indent,
    pick(
      'template:',
      'spec:',
      'containers:',
      'jobTemplate:',
      'env:',
      'resources:',
      'limits:',
      'requests:',
      'valueFrom:',
      'resourceFieldRef:',
    ),
  ),
  glue(
    indent,
    pick('- name: ', 'name: ', 'value: ', 'memory: ', 'cpu: ', 'resource: ', 'divisor: ', 'image: '),
    pick(
      'api',
      'GOMEMLIMIT',
      'GOMAXPROCS',
      'limits.memory',
      '512Mi',
      '1Gi',
      '500m',
      '2',
      '512MB',
      '1 core',
      'alpine:3.20',
    ),
  ),
  noise,
);
const quadletLine = fc.oneof(
  pick('[Container]', '[Service]', '[Unit]', '[Install]', '[Pod]', '# c'),
  glue(
    pick(
      'Image=',
      'Environment=',
      'EnvironmentFile=',
      'PodmanArgs=',
      'Memory=',
      'HealthCmd=',
      'MemoryMax=',
      'CPUQuota=',
    ),
    pick(
      'gcr.io/distroless/static',
      'GOMEMLIMIT=500MiB GOGC=off',
      '"A=b c"',
      '--memory=512m --cpus 1',
      '-m 1g',
      '512m',
      'curl -f x',
      '["curl","x"]',
      '150%',
      'x.env',
      '',
      '--cpus',
    ),
  ),
  noise,
);

const F = (...p: string[]): string => path.join(ROOT, ...p);
export const SURFACES: readonly Surface[] = [
  {
    name: 'env',
    file: F('test', 'fuzz', '.env'),
    line: envLine,
    seeds: [
      F('test', 'fixtures', 'rules', 'dotenv'),
      F('test', 'fixtures', 'rules', 'go-values'),
      F('examples', 'env'),
    ],
  },
  {
    name: 'systemd',
    file: F('test', 'fuzz', 'etc', 'systemd', 'system', 'app.service'),
    line: unitLine,
    seeds: [F('test', 'fixtures', 'rules', 'systemd'), F('examples', 'systemd')],
  },
  {
    name: 'binfmt',
    file: F('test', 'fuzz', 'etc', 'binfmt.d', 'x.conf'),
    line: binfmtLine,
    seeds: [F('test', 'fixtures', 'rules', 'binfmt'), F('examples', 'binfmt')],
  },
  {
    name: 'dockerfile',
    file: F('test', 'fuzz', 'Dockerfile'),
    line: dockerLine,
    seeds: [F('test', 'fixtures', 'rules', 'dockerfile'), F('examples', 'docker')],
  },
  {
    name: 'shell',
    file: F('test', 'fuzz', 'setup.sh'),
    line: shellLine,
    seeds: [F('test', 'fixtures', 'rules', 'binfmt')],
  },
  {
    name: 'compose',
    file: F('test', 'fuzz', 'compose.yaml'),
    line: composeLine,
    seeds: [F('test', 'fixtures', 'rules', 'containers')],
  },
  {
    name: 'kubernetes',
    file: F('test', 'fuzz', 'deploy.yaml'),
    line: k8sLine,
    seeds: [F('test', 'fixtures', 'rules', 'containers')],
  },
  {
    name: 'quadlet',
    file: F('test', 'fuzz', 'app.container'),
    line: quadletLine,
    seeds: [F('test', 'fixtures', 'rules', 'containers')],
  },
  {
    // go.mod is context, not a linted file: its parser is fuzzed, and its invariants checked in parseOnly.
    name: 'gomod',
    file: F('test', 'fuzz', 'go.mod'),
    line: goModLine,
    seeds: [F('test', 'fixtures', 'rules', 'dockerfile', 'module-go1.27'), F('test', 'fixtures', 'rules', 'systemd')],
  },
  {
    name: 'host',
    file: F('test', 'fuzz', 'host.gdlprobe'),
    line: hostLine,
    seeds: [F('test', 'fixtures', 'rules', 'host-report'), F('test', 'fixtures', 'host', 'captured')],
  },
];

function filesUnder(dir: string): string[] {
  return filesBelow(dir).filter((p) => !p.endsWith('.fixed') && fs.statSync(p).size < 200_000);
}

/** Seed texts for mutation (fixture markers included: they are just more text). */
export function seedTexts(surface: Surface): string[] {
  return surface.seeds.flatMap((d) => filesUnder(d)).map((f) => fs.readFileSync(f, 'latin1'));
}

type Mutation = { kind: 'delete' | 'dup' | 'insert' | 'swap'; at: number; len: number; text: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'dup', 'insert', 'swap'),
  at: fc.nat(),
  len: fc.nat({ max: 40 }),
  text: fc.string({ unit: 'binary', maxLength: 8 }),
});

function mutate(seed: string, ms: readonly Mutation[]): string {
  let s = seed;
  for (const m of ms) {
    const at = s.length === 0 ? 0 : m.at % s.length;
    if (m.kind === 'delete') s = s.slice(0, at) + s.slice(at + m.len);
    else if (m.kind === 'dup') s = s.slice(0, at) + s.slice(at, at + m.len) + s.slice(at);
    else if (m.kind === 'insert') s = s.slice(0, at) + m.text + s.slice(at);
    else {
      const lines = s.split('\n');
      const i = at % Math.max(1, lines.length);
      const j = (at + m.len) % Math.max(1, lines.length);
      [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
      s = lines.join('\n');
    }
  }
  return s;
}

/** Documents of a surface: random text, grammar-shaped lines, mutated fixtures (when the surface has seeds). */
export function documents(surface: Surface, seeds: readonly string[]): fc.Arbitrary<string> {
  const shaped = fc
    .tuple(fc.array(surface.line, { maxLength: 14 }), fc.constantFrom('\n', '\r\n', '\n', '\r'))
    .map(([ls, eol]) => ls.join(eol));
  const arbs: fc.Arbitrary<string>[] = [fc.string({ unit: 'binary', maxLength: 200 }), shaped, shaped];
  if (seeds.length > 0)
    arbs.push(
      fc
        .tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 4 }))
        .map(([s, ms]) => mutate(s, ms)),
    );
  return fc.oneof(...arbs);
}

/** Runs one surface's parsers directly (the fast loop of `npm run fuzz`): none may throw. */
export function parseOnly(surface: Surface, text: string): void {
  const index = new LineIndex(text);
  switch (surface.name) {
    case 'env':
      parseEnvFile(text, index);
      break;
    case 'systemd':
      parseUnitFile(index);
      for (const l of text.split('\n').slice(0, 20)) splitWords(l);
      break;
    case 'binfmt':
      parseBinfmtD(index);
      parseUpdateBinfmts(index, '/usr/share/binfmts/x');
      for (const l of text.split('\n').slice(0, 20)) parseRegistration(l);
      break;
    case 'dockerfile':
      buildModel(DockerfileParser.parse(text), index);
      break;
    case 'shell':
      readCommands(text);
      break;
    case 'host':
      parseHostReport(index);
      break;
    case 'compose':
    case 'kubernetes':
      parseYamlDocuments(text);
      break;
    case 'quadlet':
      parseUnitFile(index);
      break;
    case 'gomod': {
      const mod = parseGoMod(text);
      const lines = text.split('\n').length;
      for (const l of [mod.go, mod.toolchain, ...mod.requires])
        if (l !== undefined && (l.line < 0 || l.line >= lines)) throw new Error(`go.mod line ${l.line} out of range`);
      for (const r of mod.requires) if (r.path === '' && r.version === '') throw new Error('empty require');
      break;
    }
  }
}

const MAX_FIX_PASSES = 100;
/** Rules about the file's syntax: a fix never causes one. */
const SYNTAX_RULES = /^GDL(001|10[2-9]|110|20[1-4]|30\d|31[0-3])$/;

/** Applies safe fixes until nothing changes; returns the text and how many passes it took. */
export function fixToFixpoint(text: string, file: string): { text: string; passes: number } {
  let current = text;
  for (let pass = 1; pass <= MAX_FIX_PASSES; pass++) {
    const { edits } = selectFixes(lintText(current, { file }).findings, { unsafe: false });
    if (edits.length === 0) return { text: current, passes: pass - 1 };
    current = applyEdits(current, edits);
  }
  return { text: current, passes: MAX_FIX_PASSES + 1 };
}

/** Every property a linted document must have. Throws (assert) with the reason. */
export function checkDocument(surface: Surface, text: string): void {
  const analysis = lintText(text, { file: surface.file });
  const ix = new LineIndex(text);
  const end = ix.positionAt(text.length);
  let prev: { line: number; character: number } | undefined;
  // A statement's own lines include a multi-line quoted value or continuation lines.
  const statements = analysis.prepared?.statements ?? [];
  for (const f of analysis.findings) {
    const id = f.rule.id;
    assert.ok(comparePositions(f.range.start, f.range.end) <= 0, `${id}: range reversed`);
    assert.ok(comparePositions(f.range.end, end) <= 0, `${id}: range past the end`);
    if (prev !== undefined) assert.ok(comparePositions(prev, f.range.start) <= 0, `${id}: findings out of order`);
    prev = f.range.start;
    // The lines a finding may touch: its own and those of its related information in this document.
    const lines = new Set<number>();
    const addLines = (r: { start: { line: number }; end: { line: number } }): void => {
      for (let l = r.start.line; l <= r.end.line + 1; l++) lines.add(l);
    };
    addLines(f.range);
    for (const r of f.related) if (r.uri === undefined) addLines(r.range);
    for (const s of statements) if (s.start.line <= f.range.start.line && f.range.start.line <= s.end.line) addLines(s);
    for (const fix of f.fixes) {
      const sorted = [...fix.edits].sort((a, b) => comparePositions(a.range.start, b.range.start));
      for (const [i, e] of sorted.entries()) {
        assert.ok(comparePositions(e.range.start, e.range.end) <= 0, `${id}: edit range reversed`);
        assert.ok(comparePositions(e.range.end, end) <= 0, `${id}: edit past the end`);
        const next = sorted[i + 1];
        if (next !== undefined)
          assert.ok(
            comparePositions(e.range.end, next.range.start) <= 0,
            `${id}: "${fix.title}" has overlapping edits`,
          );
        // Deleting or replacing text is only allowed on the finding's own lines; elsewhere only line breaks may go.
        const from = ix.offsetAt(e.range.start);
        const to = ix.offsetAt(e.range.end);
        for (let o = from; o < to; o++) {
          const l = ix.positionAt(o).line;
          if (!lines.has(l))
            assert.ok(
              text[o] === '\n' || text[o] === '\r',
              `${id}: "${fix.title}" removes text on line ${l + 1}, outside its finding`,
            );
        }
      }
    }
  }
  // Safe fixes: applying them removes findings of those rules and adds no error; fixing converges.
  const { edits } = selectFixes(analysis.findings, { unsafe: false });
  if (edits.length === 0) return;
  const after = lintText(applyEdits(text, edits), { file: surface.file });
  const fixedIds = new Set(analysis.findings.filter((f) => f.fixes.some((x) => x.safe)).map((f) => f.rule.id));
  const errorsBefore = new Set(analysis.findings.filter((f) => f.severity === 'error').map((f) => f.rule.id));
  // A fix may make a line effective whose value then gets checked (a revealed error on the line it touched), but it
  // must never produce a syntax error, nor any new error on a line it did not touch.
  const fixedText = applyEdits(text, edits);
  const syntaxLines = new Set(
    analysis.findings.filter((f) => SYNTAX_RULES.test(f.rule.id)).map((f) => f.range.start.line),
  );
  const touched = new Set<number>();
  const fixedIx = new LineIndex(fixedText);
  let shift = 0;
  for (const e of [...edits].sort((a, b) => comparePositions(a.range.start, b.range.start))) {
    const start = ix.offsetAt(e.range.start) + shift;
    for (let l = fixedIx.positionAt(start).line; l <= fixedIx.positionAt(start + e.newText.length).line; l++)
      touched.add(l);
    shift += e.newText.length - (ix.offsetAt(e.range.end) - ix.offsetAt(e.range.start));
  }
  // Deleting lines can move a `dialect=` comment into the first five lines, which changes how the file is read.
  const dialectMoves = /go-deploy-lint dialect=/.test(text);
  for (const f of after.findings) {
    if (dialectMoves || f.severity !== 'error' || errorsBefore.has(f.rule.id)) continue;
    // Syntax errors are reported one per line (as the kernel or systemd would); fixing one may show the next.
    assert.ok(
      !SYNTAX_RULES.test(f.rule.id) || syntaxLines.has(f.range.start.line),
      `safe fixes introduced syntax error ${f.rule.id}: ${f.message}`,
    );
    assert.ok(
      touched.has(f.range.start.line),
      `safe fixes introduced error ${f.rule.id} on an untouched line: ${f.message}`,
    );
  }
  const once = fixToFixpoint(text, surface.file);
  assert.ok(once.passes <= MAX_FIX_PASSES, 'safe fixes do not converge');
  assert.equal(fixToFixpoint(once.text, surface.file).passes, 0, 'fixing a fixed text changed it again');
  // At the fixed point each fixed finding (rule and message, line numbers aside) is there fewer times than before.
  const id = (f: { rule: { id: string }; message: string }): string => `${f.rule.id} ${f.message.replace(/\d+/g, 'N')}`;
  const tally = (fs: readonly { rule: { id: string }; message: string }[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const f of fs) m.set(id(f), (m.get(id(f)) ?? 0) + 1);
    return m;
  };
  const before = tally(analysis.findings);
  const remaining = tally(lintText(once.text, { file: surface.file }).findings);
  for (const f of analysis.findings) {
    if (f.fixes.some((x) => x.safe))
      assert.ok(
        (remaining.get(id(f)) ?? 0) < (before.get(id(f)) ?? 0),
        `safe fixes did not remove ${f.rule.id}: ${f.message}`,
      );
  }
  void after;
  void fixedIds;
}
