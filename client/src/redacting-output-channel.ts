// Owns masking of secrets in the LSP trace: document text, edits and values never reach the trace channel.
import type * as vscode from 'vscode';

/** JSON string fields whose values may carry file contents. */
const SENSITIVE = /("(?:text|newText|value|insertText|message|label|detail|title|documentation|output|markdown|filterText|sortText)"\s*:\s*)"(?:[^"\\]|\\.)*"/g;

export function redact(line: string): string {
  return line.replace(SENSITIVE, '$1"<redacted>"');
}

/** Wraps a LogOutputChannel and redacts every line written to it. */
export function redactingChannel(inner: vscode.LogOutputChannel): vscode.LogOutputChannel {
  const wrap =
    (fn: (message: string, ...args: unknown[]) => void) =>
    (message: string | Error, ...args: unknown[]): void => {
      fn.call(inner, redact(typeof message === 'string' ? message : message.message), ...args);
    };
  return Object.assign(Object.create(inner) as vscode.LogOutputChannel, {
    append: (v: string) => inner.append(redact(v)),
    appendLine: (v: string) => inner.appendLine(redact(v)),
    replace: (v: string) => inner.replace(redact(v)),
    trace: wrap(inner.trace),
    debug: wrap(inner.debug),
    info: wrap(inner.info),
    warn: wrap(inner.warn),
    error: wrap(inner.error),
  });
}
