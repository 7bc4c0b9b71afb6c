// Owns GDL403: a final image with no CA bundle, for a Go program that talks TLS.
import { defineRule } from '../rule';
import { finalStage } from '../../parsers/dockerfile/linkage';

const BUNDLES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/ssl/certs',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/cert.pem',
  '/etc/ssl',
];

export const missingCaCertificates = defineRule({
  id: 'GDL403',
  name: 'missing-ca-certificates',
  language: 'dockerfile',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  docs: {
    summary: 'No CA certificates in the final image',
    what: 'Reports a final stage whose image has no CA bundle (scratch) when nothing copies one in and the Dockerfile builds Go code.',
    why: 'Go reads the system CA bundle for TLS: every HTTPS call fails with "x509: certificate signed by unknown authority".',
    example:
      'FROM golang:1.27 AS build\nRUN CGO_ENABLED=0 go build -o /out/app .\nFROM scratch\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n',
    useInstead:
      'FROM golang:1.27 AS build\nRUN CGO_ENABLED=0 go build -o /out/app .\nFROM scratch\nCOPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n',
    exampleFile: 'Dockerfile',
  },
  check({ model, index }, report) {
    const last = finalStage(model);
    if (last === undefined || last.facts?.caBundle !== false || !model.stages.some((s) => s.goBuilds.length > 0))
      return;
    if (
      last.creates.some((c) => BUNDLES.some((b) => c === b || c.startsWith(`${b}/`))) ||
      last.copies.some((c) => c.sources.some((s) => /ca-certificates|ssl|pki|cert/.test(s.value)))
    )
      return;
    const builder = model.stages.find((s) => s.goBuilds.length > 0);
    const fromName = builder?.name ?? String(builder?.index ?? 0);
    const range = last.from.getRange();
    if (range === null) return;
    const pastEnd = range.end.line + 1 >= index.lineCount;
    const after = pastEnd ? index.positionAt(index.text.length) : { line: range.end.line + 1, character: 0 };
    report({
      range: last.from.getImageRange() ?? range,
      message: `${last.image} has no CA certificates and none are copied in: TLS fails ("certificate signed by unknown authority")`,
      fixes:
        builder?.facts?.caBundle === true
          ? [
              {
                title: `Copy the CA bundle from ${fromName}`,
                edits: [
                  {
                    range: { start: after, end: after },
                    newText: `${pastEnd ? '\n' : ''}COPY --from=${fromName} /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\n`,
                  },
                ],
              },
            ]
          : [],
    });
  },
});
