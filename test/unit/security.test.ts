// Secrets never reach the trace: every LSP message that carries document text or values is redacted in the
// verbose trace format vscode-languageclient writes (pretty-printed JSON params and results).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { redact } from '../../client/src/redacting-output-channel';
import { lintText } from '../support/lint-text';
import { toDiagnostics } from '../../server/src/lsp/diagnostics';
import { codeActions } from '../../server/src/lsp/code-actions';
import { hover } from '../../server/src/lsp/hover/index';
import { completion } from '../../server/src/lsp/completion/index';
import { ROOT } from '../support/fixture-files';

const SECRET = 's3cr3t-"quoted"\\-hunter2';
const TEXT = `API_TOKEN="${SECRET}"\nGOMEMLIMIT=${SECRET}\nGOFLAGS=${SECRET}\nDATABASE_URL = ${SECRET}\n`;

/** What the client's tracer prints for a message: a header line and JSON with four-space indentation. */
function traced(kind: string, payload: unknown): string {
  return `[Trace - 10:00:00] ${kind}\nParams: ${JSON.stringify(payload, null, 4)}\n\n`;
}

test('verbose traces of open, change, diagnostics, code actions, hover and completion never show a value', () => {
  const file = path.join(ROOT, 'test', 'security', '.env');
  const analysis = lintText(TEXT, { file });
  assert.ok(analysis.findings.length >= 3, 'the text must produce findings that mention the values');
  const uri = analysis.uri;
  const messages = [
    traced("Sending notification 'textDocument/didOpen'.", {
      textDocument: { uri, languageId: 'dotenv', version: 1, text: TEXT },
    }),
    traced("Sending notification 'textDocument/didChange'.", {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: SECRET }],
    }),
    traced("Received notification 'textDocument/publishDiagnostics'.", { uri, diagnostics: toDiagnostics(analysis) }),
    traced(
      "Received response 'textDocument/codeAction'.",
      codeActions({
        analysis,
        range: { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } },
        only: undefined,
      }),
    ),
    traced("Received response 'textDocument/hover'.", hover(analysis, { line: 1, character: 2 })),
    traced("Received response 'textDocument/completion'.", completion(analysis, { line: 1, character: 11 })),
  ];
  const pieces = [SECRET, 's3cr3t', 'hunter2'];
  // Without redaction the values are there (in text, diagnostics and hover): the check below is not vacuous.
  assert.ok(messages.filter((m) => m.includes('s3cr3t')).length >= 4);
  for (const m of messages) {
    for (const line of m.split('\n')) {
      const out = redact(line);
      for (const p of pieces) assert.ok(!out.includes(p), `value leaked: ${out}`);
    }
  }
});

test('linting never runs anything named in the linted files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gdl-exec-'));
  const marker = path.join(dir, 'ran');
  const run = `touch ${marker}`;
  const files: [string, string][] = [
    ['.env', `A=$(${run})\nB=\`${run}\`\nGOFLAGS=-toolexec=/bin/sh\nPATH=${dir}:$PATH\n`],
    ['app.service', `[Service]\nExecStart=/bin/sh -c '${run}'\nExecStartPre=${run}\nEnvironmentFile=${dir}/x.env\n`],
    ['Dockerfile', `FROM golang:1.27\nRUN ${run} && go build -o /app .\nRUN <<EOF\n${run}\nEOF\n`],
    ['setup.sh', `#!/bin/sh\n${run}\necho ':x:M::\\x7fELF::/bin/sh:' > /proc/sys/fs/binfmt_misc/register\n`],
    ['binfmt.d/x.conf', `:x:M::\\x7fELF::${dir}/interp:F\n`],
  ];
  try {
    for (const [name, text] of files) lintText(text, { file: path.join(dir, name) });
    assert.equal(fs.existsSync(marker), false);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
