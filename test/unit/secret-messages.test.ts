// Messages end up in CI logs and uploaded SARIF: they never quote a secret-looking key's value or a URL's password.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintText } from '../support/lint-text';
import { redactUrls, isSecretName } from '../../server/src/knowledge/secrets';

const S = 'S3CRETVALUE';
const URL = `https://deploy:${S}@proxy.example.com`;

/** Broken in every way the rules know, with secret-named keys and URLs with passwords. */
const ENV_LINES = [
  `DB_PASSWORD="${S}"`,
  `API_TOKEN=${S} # rotated monthly`,
  `AUTH_KEY = ${S}`,
  `SECRET_KEY=${S}\r`,
  `export CREDENTIALS=${S}`,
  `MY-TOKEN=${S}`,
  `GITHUB_TOKEN='${S}`,
  `AWS_SECRET_ACCESS_KEY=\${${S}}`,
  `DB_PASSWORD=${S}x`,
  `GOPROXY="${URL}"`,
  `GOPROXY=${URL},off,direct`,
  `GOPROXY=${URL}|ftp://u:${S}@x.example`,
  `GOPRIVATE=${URL}, example.com`,
  `GOSUMDB=sum.golang.org ${URL}`,
  `GONOSUMCHECK=${URL}`,
  `HTTPS_PROXY=${URL}`,
];

const CASES: readonly { file: string; text: string }[] = [
  ...['dotenv', 'docker', 'systemd', 'go-env', 'compose', 'godotenv', 'dotenv-expand'].map((d) => ({
    file: 'secrets/.env',
    text: `# go-deploy-lint dialect=${d}\n${ENV_LINES.join('\n')}\n`,
  })),
  {
    file: 'secrets/etc/systemd/system/api.service',
    text: [
      '[Service]',
      `Environment=DB_PASSWORD=${S} "API_TOKEN=${S}`,
      `Environment=${S}`,
      `Environment=MY-TOKEN=${S}`,
      `Environment=GOPROXY=${URL},off,direct`,
      `Environment="GOPROXY=${URL} # note"`,
      `Environment=DB_PASSWORD=${S} # note`,
      `ExecStart=/usr/local/bin/api --password=${S}%Q --dsn=postgres://u:${S}@db/x`,
      '',
    ].join('\n'),
  },
  {
    file: 'secrets/Dockerfile',
    text: [
      'FROM golang:1.27 AS build',
      `ENV DB_PASSWORD="${S}" API_TOKEN ${S}`,
      `ARG GITHUB_TOKEN=${S}`,
      `ENV GOPROXY=${URL},off,direct`,
      `ENV GOPROXY ${URL}|ftp://u:${S}@x.example`,
      `RUN GOPROXY=${URL},off GOFLAGS=-mod=mod go build -o /out/app .`,
      'FROM alpine:3.20',
      'COPY --from=build /out/app /app',
      '',
    ].join('\n'),
  },
];

test('no finding message or related message quotes a secret value or a URL password', () => {
  let findings = 0;
  const leaks: string[] = [];
  for (const c of CASES) {
    for (const f of lintText(c.text, { file: c.file }).findings) {
      findings++;
      for (const m of [f.message, ...f.related.map((r) => r.message), ...f.fixes.map((x) => x.title)]) {
        if (m.includes(S)) leaks.push(`${c.file} ${c.text.split('\n')[0] ?? ''}: ${f.rule.id} ${m}`);
      }
    }
  }
  assert.ok(findings > 60, `only ${findings} findings: the cases no longer exercise the rules`);
  assert.deepEqual(leaks, []);
});

test('URL userinfo is redacted as Go does (URL.Redacted): the user stays, the password becomes xxxxx', () => {
  assert.equal(redactUrls(`a ${URL},direct`), 'a https://deploy:xxxxx@proxy.example.com,direct');
  assert.equal(redactUrls('https://token@proxy.example.com'), 'https://token@proxy.example.com');
  assert.equal(redactUrls('postgres://u:p%40ss@db:5432/x'), 'postgres://u:xxxxx@db:5432/x');
  assert.equal(redactUrls('no url here: a:b@c'), 'no url here: a:b@c');
});

test('secret-looking names', () => {
  for (const n of [
    'DB_PASSWORD',
    'API_TOKEN',
    'AWS_SECRET_ACCESS_KEY',
    'GITHUB_TOKEN',
    'PRIVATE_KEY',
    'CREDENTIALS',
    'BASIC_AUTH',
    'PASSWD',
    'DSN',
    'apiKey',
    'api-key',
    'SESSION_COOKIE',
    'JWT',
  ])
    assert.ok(isSecretName(n), n);
  for (const n of ['GOMEMLIMIT', 'GOPROXY', 'PATH', 'PORT', 'GOFLAGS', 'KEYBOARD_LAYOUT', 'AUTHOR', 'MONKEY'])
    assert.ok(!isSecretName(n), n);
});
