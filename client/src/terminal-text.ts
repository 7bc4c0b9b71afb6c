// Owns what a scan terminal prints: probe records decoded for people, never raw control sequences. No vscode import.
import { CONTROL_CHARS } from '../../server/src/text/printable';

/** What the terminal shows of a line: never raw control sequences from the remote side (colour codes dropped). */
export function printable(line: string): string {
  return line.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(CONTROL_CHARS, '?');
}

/** A probe record as a person reads it: key and decoded value, bounded. */
export function readableRecord(line: string): string {
  const m = /^([a-z][a-z0-9_]*)((?: [0-9a-f]*)+)$/.exec(line);
  if (m?.[1] === undefined) return printable(line);
  const values = (m[2] ?? '')
    .trim()
    .split(' ')
    .map((hex) => {
      let out = '';
      for (let i = 0; i + 1 < hex.length && out.length < 200; i += 2)
        out += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
      return out;
    });
  // File records are (path, content): the path is enough for the terminal.
  const shown = printable((values[0] ?? '').split('\n')[0] ?? '');
  return `  ${m[1].padEnd(16)} ${shown.length > 100 ? `${shown.slice(0, 100)}…` : shown}`;
}
