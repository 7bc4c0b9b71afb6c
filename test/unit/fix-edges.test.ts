// Fixes at the edges the fuzzer found: no final newline, an open heredoc, an existing prefix, glued quotes, tiny
// limits, multi-line entries. Each case applies the rule's fix and checks the whole resulting text.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/text/edits';
import { lintText } from '../support/lint-text';

/** The text after the rule's first fix, or undefined when the finding has no fix; fails when the rule is silent. */
function fixed(code: string, file: string, text: string, settings: Record<string, unknown> = {}): string | undefined {
  const f = lintText(text, { file, settings }).findings.find((x) => x.rule.id === code);
  assert.ok(f !== undefined, `${code} does not fire on ${JSON.stringify(text)}`);
  const fix = f.fixes[0];
  return fix === undefined ? undefined : applyEdits(text, fix.edits);
}

const UNIT = 'edge/etc/systemd/system/api.service';

test('GDL406 adds USER on a new line when the file has no final newline', () => {
  assert.equal(
    fixed('GDL406', 'edge/Dockerfile', 'FROM gcr.io/distroless/static'),
    'FROM gcr.io/distroless/static\nUSER 65532:65532\n',
  );
});

test('GDL406 offers no fix where the USER line would join an open heredoc', () => {
  assert.equal(fixed('GDL406', 'edge/Dockerfile', 'FROM scratch\nRUN <<EOF \\'), undefined);
});

test('GDL403 copies the CA bundle on a new line after a last FROM without newline', () => {
  assert.equal(
    fixed('GDL403', 'edge/Dockerfile', 'FROM golang:1.27 AS build\nRUN CGO_ENABLED=0 go build -o /app .\nFROM scratch'),
    'FROM golang:1.27 AS build\nRUN CGO_ENABLED=0 go build -o /app .\nFROM scratch\nCOPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\n',
  );
});

test('GDL401 replaces an existing empty CGO_ENABLED= prefix instead of adding one that loses to it', () => {
  const text =
    'FROM golang:1.27 AS build\nRUN CGO_ENABLED= go build -o /out/app .\nFROM scratch\nCOPY --from=build /out/app /app\n';
  assert.equal(fixed('GDL401', 'edge/Dockerfile', text), text.replace('CGO_ENABLED= go', 'CGO_ENABLED=0 go'));
});

test('GDL233 removes a last LimitNOFILE= line together with the break before it', () => {
  assert.equal(
    fixed('GDL233', UNIT, '[Service]\nEnvironment=GOGC=100\nExecStart=/usr/local/bin/api\nLimitNOFILE=65536'),
    '[Service]\nEnvironment=GOGC=100\nExecStart=/usr/local/bin/api',
  );
});

test('GDL232 suggests a GOMEMLIMIT below a tiny MemoryMax (bytes, not 1MiB)', () => {
  const text = '[Service]\nExecStart=/usr/local/bin/api\nMemoryMax=5\nEnvironment=GOMEMLIMIT=460MiB\n';
  assert.equal(fixed('GDL232', UNIT, text), text.replace('460MiB', '4B'));
});

test('GDL145 rewrites the whole PATH value when text is glued after its quotes', () => {
  const text = '# go-deploy-lint dialect=systemd\nGOBIN=/opt/go/bin\nPATH="/usr/bin"x\n';
  assert.equal(
    fixed('GDL145', 'edge/.env', text),
    '# go-deploy-lint dialect=systemd\nGOBIN=/opt/go/bin\nPATH=/usr/binx:/opt/go/bin\n',
  );
});

test('GDL101 removes only the first line of a quote that spans lines in docker (docker reads its lines separately)', () => {
  assert.equal(
    fixed('GDL101', 'edge/.env', '# go-deploy-lint dialect=docker\nA=`x\ny`\nA=2\n'),
    '# go-deploy-lint dialect=docker\ny`\nA=2\n',
  );
});

test('GDL101 offers no removal of a multi-line earlier entry where the loader reads across lines', () => {
  assert.equal(fixed('GDL101', 'edge/.env', '# go-deploy-lint dialect=systemd\nA="x\ny"\nA=2\n'), undefined);
});

test('removing a suppression comment on the last line takes the break before it', () => {
  assert.equal(
    fixed('GDL003', 'edge/.env', 'A=1\n# go-deploy-lint ignore=GDL120', { reportUnusedSuppressions: true }),
    'A=1',
  );
});
