// Owns making text safe for a terminal: control characters from files and values are shown, never interpreted.

/**
 * Escapes C0 controls (except tab), DEL and C1 controls as `\xHH` (`\r`, `\n` by name), so a value holding
 * `ESC[2J` cannot clear the user's terminal or forge output lines.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x08\x0a-\x1f\x7f-\x9f]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}
