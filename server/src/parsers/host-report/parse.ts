// Owns reading probe output: versioned, one hex-encoded record per line, so no value can forge a record.
import type { RecordKey } from './keys';
import type { LineIndex } from '../../text/line-index';
import { SourceToken, type ParseResult, type Token } from '../../text/token';

export const PROBE_VERSION = 1;

export interface ReportRecord {
  readonly key: string;
  /** Decoded values (one, or two for file records: path and content). */
  readonly values: readonly string[];
  readonly keyToken: Token;
  readonly line: number;
}

export interface HostReport {
  readonly kind: 'host-report';
  readonly version: number | undefined;
  readonly records: readonly ReportRecord[];
  /** True when the end marker arrived (the probe ran to completion). */
  readonly complete: boolean;
  readonly comments: readonly Token[];
}

const RECORD = /^([a-z][a-z0-9_]*)((?: [0-9a-f]*)+)$/;

const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

function decodeHex(hex: string): string | undefined {
  if (hex.length % 2 !== 0) return undefined;
  let out = '';
  for (let i = 0; i < hex.length; i += 2) out += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
  return out;
}

/** Bytes of a hex value (binary heads are binary, not text). */
export function hexBytes(value: string): Uint8Array {
  return Uint8Array.from(value, (c) => c.charCodeAt(0) & 0xff);
}

export function parseHostReport(index: LineIndex): ParseResult<HostReport> {
  const records: ReportRecord[] = [];
  const comments: Token[] = [];
  let version: number | undefined;
  let complete = false;
  for (let line = 0; line < index.lineCount; line++) {
    const start = index.lineStart(line);
    const end = index.lineContentEnd(line);
    const text = index.text.slice(start, end).replace(ANSI, '').trimEnd();
    if (text.startsWith('#')) {
      comments.push(new SourceToken(index, start, end));
      continue;
    }
    const header = /^GDLPROBE (\d+)$/.exec(text);
    if (header?.[1] !== undefined) {
      version = Number(header[1]);
      continue;
    }
    if (text === 'GDLPROBE-END') {
      complete = true;
      continue;
    }
    // Only lines of our exact shape count; anything else (ssh banners, shell noise) is ignored.
    const m = RECORD.exec(text);
    if (m?.[1] === undefined || version === undefined || complete) continue;
    const values = (m[2] ?? '').trim().split(' ').map(decodeHex);
    if (values.some((v) => v === undefined)) continue;
    const keyStart = start + index.text.slice(start, end).indexOf(m[1]);
    records.push({
      key: m[1],
      values: values as string[],
      keyToken: new SourceToken(index, keyStart, keyStart + m[1].length),
      line,
    });
  }
  return { ast: { kind: 'host-report', version, records, complete, comments }, problems: [] };
}

/** First value of the first record with the key. */
export function valueOf(report: HostReport, key: RecordKey): string | undefined {
  return report.records.find((r) => r.key === key)?.values[0];
}

export function recordsOf(report: HostReport, key: RecordKey): ReportRecord[] {
  return report.records.filter((r) => r.key === key);
}

/** The first record of a key. */
export function recordOf(report: HostReport, key: RecordKey): ReportRecord | undefined {
  return report.records.find((r) => r.key === key);
}

/** True when the record has this key (the key checked against the probe's list at compile time). */
export function isRecord(record: ReportRecord, key: RecordKey): boolean {
  return record.key === key;
}
