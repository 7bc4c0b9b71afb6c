// Fixes that used to break a build or change meaning: each case checks whether the fix is safe and the whole fixed text.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/text/edits';
import { selectFixes } from '../../server/src/analysis/fixes';
import type { Fix } from '../../server/src/rules/rule';
import { lintText } from '../support/lint-text';

const DOCKERFILE = 'safety/Dockerfile';
const UNIT = 'safety/etc/systemd/system/api.service';

/** Every fix of the rule's first finding; fails when the rule is silent. */
function fixesOf(code: string, file: string, text: string): readonly Fix[] {
  const f = lintText(text, { file }).findings.find((x) => x.rule.id === code);
  assert.ok(f !== undefined, `${code} does not fire on ${JSON.stringify(text)}`);
  return f.fixes;
}

/** The text after fix-on-save: every safe fix of every rule, as `source.fixAll` applies them. */
function fixAll(file: string, text: string): string {
  return applyEdits(text, selectFixes(lintText(text, { file }).findings, { unsafe: false }).edits);
}

function only(fixes: readonly Fix[]): Fix {
  assert.equal(fixes.length, 1, `expected one fix, got ${fixes.map((f) => f.title).join(' | ')}`);
  return fixes[0] as Fix;
}

test('GDL406 adds USER after the last RUN of the final stage, never before a RUN', () => {
  const text =
    'FROM alpine:3.20\nCOPY app /app\nRUN apk add --no-cache ca-certificates\nCMD ["/app"]\nRUN adduser -D app\n';
  const fix = only(fixesOf('GDL406', DOCKERFILE, text));
  assert.equal(fix.safe, true);
  assert.equal(
    applyEdits(text, fix.edits),
    'FROM alpine:3.20\nCOPY app /app\nRUN apk add --no-cache ca-certificates\nCMD ["/app"]\nRUN adduser -D app\nUSER 65532:65532\n',
  );
});

test('GDL406 puts USER before the ENTRYPOINT that follows the last RUN', () => {
  const text =
    'FROM debian:12\nRUN apt-get update && apt-get install -y ca-certificates\nCOPY app /app\nENTRYPOINT ["/app"]\n';
  assert.equal(
    fixAll(DOCKERFILE, text),
    'FROM debian:12\nRUN apt-get update && apt-get install -y ca-certificates\nCOPY app /app\nUSER 65532:65532\nENTRYPOINT ["/app"]\n',
  );
});

test('GDL406 never replaces an explicit USER root safely', () => {
  const text = 'FROM debian:12\nUSER root\nCOPY app /app\nENTRYPOINT ["/app"]\n';
  const fix = only(fixesOf('GDL406', DOCKERFILE, text));
  assert.equal(fix.safe, false);
  assert.equal(fixAll(DOCKERFILE, text), text);
});

test('GDL406 with USER root followed by RUN suggests a USER after the last RUN, not replacing root', () => {
  const text = 'FROM debian:12\nUSER root\nRUN apt-get update\nENTRYPOINT ["/app"]\n';
  const fix = only(fixesOf('GDL406', DOCKERFILE, text));
  assert.equal(fix.safe, false);
  assert.equal(
    applyEdits(text, fix.edits),
    'FROM debian:12\nUSER root\nRUN apt-get update\nUSER 65532:65532\nENTRYPOINT ["/app"]\n',
  );
});

test('GDL124 in the legacy ENV form empties the value as "" instead of leaving `ENV KEY `', () => {
  const text = 'FROM golang:1.27\nENV GODEBUG x509sha1=1\n';
  const fix = only(fixesOf('GDL124', DOCKERFILE, text));
  assert.equal(fix.safe, true);
  assert.equal(applyEdits(text, fix.edits), 'FROM golang:1.27\nENV GODEBUG ""\n');
});

test('GDL124 keeps the other GODEBUG entries', () => {
  const text = 'FROM golang:1.27\nENV GODEBUG=http2client=0,x509sha1=1\n';
  assert.equal(
    applyEdits(text, only(fixesOf('GDL124', DOCKERFILE, text)).edits),
    'FROM golang:1.27\nENV GODEBUG=http2client=0\n',
  );
});

test('GDL141 removes the whole legacy ENV instruction, or only its pair in the multi-pair form', () => {
  const legacy = 'FROM golang:1.27\nENV GOROOT /usr/local/go\nRUN go build -o /app .\n';
  assert.equal(
    applyEdits(legacy, only(fixesOf('GDL141', DOCKERFILE, legacy)).edits),
    'FROM golang:1.27\nRUN go build -o /app .\n',
  );
  const pairs = 'FROM golang:1.27\nENV GOROOT=/usr/local/go GOPATH=/go\nRUN go build -o /app .\n';
  assert.equal(
    applyEdits(pairs, only(fixesOf('GDL141', DOCKERFILE, pairs)).edits),
    'FROM golang:1.27\nENV GOPATH=/go\nRUN go build -o /app .\n',
  );
  const last = 'FROM golang:1.27\nENV GOPATH=/go \\\n    GOROOT=/usr/local/go\nRUN go build -o /app .\n';
  assert.equal(
    applyEdits(last, only(fixesOf('GDL141', DOCKERFILE, last)).edits),
    'FROM golang:1.27\nENV GOPATH=/go\nRUN go build -o /app .\n',
  );
});

test('GDL137 removes a legacy-form GO111MODULE instruction whole', () => {
  const text = 'FROM golang:1.27\nENV GO111MODULE off\nRUN go build -o /app .\n';
  const fixes = fixesOf('GDL137', DOCKERFILE, text);
  const removal = fixes.find((f) => /Remove/.test(f.title));
  assert.ok(removal !== undefined, fixes.map((f) => f.title).join(' | '));
  assert.equal(applyEdits(text, removal.edits), 'FROM golang:1.27\nRUN go build -o /app .\n');
});

test('GDL101 in an expanding dialect: an earlier value read in between is not dead and gets no fix', () => {
  const text = '# go-deploy-lint dialect=compose\nA=hello\nB=${A}\nA=bye\n';
  const f = lintText(text, { file: 'safety/.env' }).findings.find((x) => x.rule.id === 'GDL101');
  assert.ok(f !== undefined);
  assert.equal(f.fixes.length, 0);
  assert.equal(f.severity, 'information');
  assert.match(f.message, /line 3 read the value from line 2/);
  assert.equal(fixAll('safety/.env', text), text);
});

test('GDL101 in an expanding dialect: `PATH=${PATH}:/x` builds on the earlier value and is not reported', () => {
  const text = '# go-deploy-lint dialect=compose\nPATH=/usr/bin\nPATH=${PATH}:/opt/go/bin\n';
  assert.deepEqual(
    lintText(text, { file: 'safety/.env' }).findings.filter((x) => x.rule.id === 'GDL101'),
    [],
  );
});

test('GDL101 in a non-expanding dialect still removes the dead line', () => {
  const text = 'A=hello\nB=${A}\nA=bye\n';
  assert.equal(fixAll('safety/.env', text).includes('A=hello'), false);
});

test('GDL234 drops only the Go killers from the deny-list; the allow-list is a suggestion', () => {
  const text =
    '[Service]\nEnvironment=GOGC=100\nExecStart=/usr/local/bin/api\nSystemCallFilter=~@resources @privileged\n';
  const fixes = fixesOf('GDL234', UNIT, text);
  assert.deepEqual(
    fixes.map((f) => f.safe),
    [true, false],
  );
  assert.equal(applyEdits(text, fixes[0]?.edits ?? []), text.replace('~@resources @privileged', '~@privileged'));
  assert.equal(applyEdits(text, fixes[1]?.edits ?? []), text.replace('~@resources @privileged', '@system-service'));
});

test('GDL234 removes the line when the deny-list held only killers and it is the only filter', () => {
  const text = '[Service]\nEnvironment=GOGC=100\nExecStart=/usr/local/bin/api\nSystemCallFilter=~@resources\n';
  assert.equal(fixAll(UNIT, text), '[Service]\nEnvironment=GOGC=100\nExecStart=/usr/local/bin/api\n');
});

test('GDL238 never rewrites an explicit RestartSec=0 safely', () => {
  const text = '[Service]\nExecStart=/usr/local/bin/api\nRestart=always\nRestartSec=0\n';
  const fix = only(fixesOf('GDL238', UNIT, text));
  assert.equal(fix.safe, false);
  assert.equal(fixAll(UNIT, text), text);
});

test('GDL238 adds a missing RestartSec= safely', () => {
  const text = '[Service]\nExecStart=/usr/local/bin/api\nRestart=always\n';
  assert.equal(only(fixesOf('GDL238', UNIT, text)).safe, true);
});

test('GDL401 turns cgo off safely only when nothing shows the build needs it', () => {
  const plain =
    'FROM golang:1.27 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n';
  assert.equal(only(fixesOf('GDL401', DOCKERFILE, plain)).safe, true);
  for (const needs of ['RUN apt-get update && apt-get install -y libsqlite3-dev\n', 'ENV CC=gcc\n', '']) {
    const build = needs === '' ? 'RUN go build -tags libsqlite3 -o /out/app .\n' : 'RUN go build -o /out/app .\n';
    const text = `FROM golang:1.27 AS build\n${needs}${build}FROM alpine:3.20\nCOPY --from=build /out/app /app\n`;
    const fix = only(fixesOf('GDL401', DOCKERFILE, text));
    assert.equal(fix.safe, false, `${needs || build}: ${fix.title}`);
    assert.equal(fixAll(DOCKERFILE, text).includes('CGO_ENABLED=0'), false);
  }
});

test('GDL401 with -extldflags -static: not "dynamic" with certainty, and -linkmode external is suggested', () => {
  const text =
    'FROM golang:1.27 AS build\nRUN go build -ldflags \'-extldflags "-static"\' -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n';
  const f = lintText(text, { file: DOCKERFILE }).findings.find((x) => x.rule.id === 'GDL401');
  assert.ok(f !== undefined);
  assert.equal(f.severity, 'warning');
  assert.doesNotMatch(f.message, /is dynamic/);
  assert.deepEqual(
    f.fixes.map((x) => x.safe),
    [false, false],
  );
  assert.equal(
    applyEdits(text, f.fixes[0]?.edits ?? []),
    text.replace("'-extldflags", "'-linkmode external -extldflags"),
  );
  const external = text.replace("'-extldflags", "'-linkmode external -extldflags");
  assert.equal(lintText(external, { file: DOCKERFILE }).findings.filter((x) => x.rule.id === 'GDL401').length, 0);
});

test('GDL120: 512Mi and OFF are fixed safely; 512M, 512MB and 1G may mean decimal units and are suggestions', () => {
  const safety = (v: string): boolean | undefined =>
    lintText(`GOMEMLIMIT=${v}\n`, { file: 'safety/.env' }).findings.find((f) => f.rule.id === 'GDL120')?.fixes[0]?.safe;
  assert.equal(safety('512Mi'), true);
  assert.equal(safety('OFF'), true);
  assert.equal(safety('512M'), false);
  assert.equal(safety('512MB'), false);
  assert.equal(safety('1G'), false);
});

test('GDL142 suggests %h/go in units, ${HOME}/go where the env loader expands, nothing in Dockerfiles', () => {
  const title = (file: string, text: string): string | undefined =>
    lintText(text, { file }).findings.find((f) => f.rule.id === 'GDL142')?.fixes[0]?.title;
  assert.equal(title(UNIT, '[Service]\nEnvironment=GOPATH=~/go\n'), 'Use `%h/go`');
  assert.equal(title('safety/.env', '# go-deploy-lint dialect=compose\nGOPATH=~/go\n'), 'Use `${HOME}/go`');
  assert.equal(title('safety/.env', 'GOPATH=~/go\n'), undefined);
  assert.equal(title(DOCKERFILE, 'FROM golang:1.27\nENV GOPATH=~/go\n'), undefined);
});
