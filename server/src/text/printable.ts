// Owns making text safe for a terminal: control characters from files, values and remote hosts are shown, never
// interpreted (the CLI's text output and the scan terminal of the editor both use it).

/** C0 controls except tab and line feed, DEL, and the C1 controls (`\x9b` is a CSI on its own). */

export const CONTROL_CHARS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/**
 * Escapes the control characters as `\xHH` (`\r`, `\n` by name), so a value holding `ESC[2J` cannot clear the
 * user's terminal or forge output lines.
 */
export function printable(text: string): string {
  return text
    .replace(/\n/g, '\\n')
    .replace(CONTROL_CHARS, (c) => (c === '\r' ? '\\r' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

/** Host-controlled text on one line (control characters as spaces), cut at `max`. */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/[\x00-\x1f\x7f]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
