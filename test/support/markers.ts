// Owns the fixture marker syntax: `#  ^^^ GDL101 text` and `#<--- GDL101 text` comment lines under the flagged line.
export interface Marker {
  readonly code: string;
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Line of the marker itself, for error messages. */
  readonly markerLine: number;
}

const CARET = /^#(\s*)(\^+)\s+(GDL\d{3})(?:\s+(.*))?$/;
const ARROW = /^#<(-*)\s+(GDL\d{3})(?:\s+(.*))?$/;

export function isMarkerLine(line: string): boolean {
  const l = line.replace(/\r$/, '');
  return CARET.test(l) || ARROW.test(l);
}

/** Parses markers; each applies to the nearest line above that is not a marker. */
export function parseMarkers(text: string): Marker[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const out: Marker[] = [];
  let target = -1;
  lines.forEach((raw, i) => {
    const caret = CARET.exec(raw);
    const arrow = caret === null ? ARROW.exec(raw) : null;
    if (caret === null && arrow === null) {
      target = i;
      return;
    }
    if (caret !== null) {
      const start = 1 + (caret[1] ?? '').length;
      out.push({
        code: caret[3] ?? '',
        line: target,
        start,
        end: start + (caret[2] ?? '').length,
        text: (caret[4] ?? '').trim(),
        markerLine: i,
      });
    } else if (arrow !== null) {
      out.push({
        code: arrow[2] ?? '',
        line: target,
        start: 0,
        end: (arrow[1] ?? '').length,
        text: (arrow[3] ?? '').trim(),
        markerLine: i,
      });
    }
  });
  return out;
}
