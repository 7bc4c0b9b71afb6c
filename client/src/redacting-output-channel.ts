// Owns masking of secrets in the LSP trace: document text, edits and values never reach the trace channel.
import type * as vscode from 'vscode';

/** JSON string fields whose values may carry file contents. */
const SENSITIVE =
  /("(?:text|newText|value|insertText|message|label|detail|title|documentation|output|markdown|filterText|sortText)"\s*:\s*)"(?:[^"\\]|\\.)*"/g;

export function redact(line: string): string {
  return line.replace(SENSITIVE, '$1"<redacted>"');
}

/** Wraps a LogOutputChannel and redacts every line written to it. */
export function redactingChannel(inner: vscode.LogOutputChannel): vscode.LogOutputChannel {
  const wrap =
    (fn: (message: string, ...args: unknown[]) => void) =>
    (message: string | Error, ...args: unknown[]): void => {
      fn(redact(typeof message === 'string' ? message : message.message), ...args);
    };
  return Object.assign(Object.create(inner) as vscode.LogOutputChannel, {
    append: (v: string) => inner.append(redact(v)),
    appendLine: (v: string) => inner.appendLine(redact(v)),
    replace: (v: string) => inner.replace(redact(v)),
    trace: wrap((m, ...a) => inner.trace(m, ...a)),
    debug: wrap((m, ...a) => inner.debug(m, ...a)),
    info: wrap((m, ...a) => inner.info(m, ...a)),
    warn: wrap((m, ...a) => inner.warn(m, ...a)),
    error: wrap((m, ...a) => inner.error(m, ...a)),
  });
}
