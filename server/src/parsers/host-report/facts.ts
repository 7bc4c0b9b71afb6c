// Owns turning probe records into host facts (OS, Go installs, libc, binfmt, limits) that host rules check.
import { parseRegistration } from '../binfmt/registration';
import * as posix from 'node:path/posix';
import { hasGoBuildIdNote, parseElfHeader, type ElfHeader } from '../../knowledge/elf';
import { hexBytes, type HostReport, isRecord, recordsOf, type ReportRecord, valueOf } from './parse';

export interface GoInstall {
  readonly path: string;
  readonly version: string | undefined;
  readonly record: ReportRecord;
}

export interface BinaryFacts {
  readonly path: string;
  readonly elf: ElfHeader | undefined;
  readonly glibc: readonly string[];
  readonly missing: boolean;
  /** The head holds the Go build ID note: a Go program. */
  readonly go: boolean;
  readonly record: ReportRecord;
}

/** A registered entry as the kernel displays it (fs/binfmt_misc.c, entry_status()). */
export interface BinfmtEntry {
  readonly name: string;
  readonly text: string;
  readonly record: ReportRecord;
  readonly enabled: boolean;
  readonly interpreter: string | undefined;
  readonly flags: string;
  readonly offset: number;
  readonly magic: number[] | undefined;
  readonly mask: number[] | undefined;
}

function bytesOf(hex: string | undefined): number[] | undefined {
  return hex === undefined ? undefined : (hex.match(/../g) ?? []).map((b) => parseInt(b, 16));
}

function binfmtEntry(record: ReportRecord): BinfmtEntry {
  const text = record.values[1] ?? '';
  const get = (k: string): string | undefined => new RegExp(`^${k}:? ?(.*)$`, 'm').exec(text)?.[1];
  return {
    name: posix.basename(record.values[0] ?? ''),
    text,
    record,
    enabled: text.startsWith('enabled'),
    interpreter: get('interpreter'),
    flags: (get('flags') ?? '').trim(),
    offset: Number(get('offset') ?? '0'),
    magic: bytesOf(get('magic')),
    mask: bytesOf(get('mask')),
  };
}

/** The names a binfmt.d file's registration lines define (comments and blank lines skipped, as systemd-binfmt does). */
function registrationNames(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t === '' || t.startsWith('#') || t.startsWith(';')) continue;
    const name = parseRegistration(`${t}\n`).name?.text;
    if (name !== undefined) out.push(name);
  }
  return out;
}

export interface HostFacts {
  readonly os: string;
  readonly arch: string;
  readonly osRelease: ReadonlyMap<string, string>;
  readonly pid1: string | undefined;
  readonly systemdVersion: number | undefined;
  readonly cgroup: string | undefined;
  readonly goOnPath: readonly GoInstall[];
  readonly goElsewhere: readonly string[];
  readonly goEnv: ReadonlyMap<string, string>;
  readonly gorootEnv: string | undefined;
  readonly loaders: readonly string[];
  readonly glibcVersion: string | undefined;
  readonly musl: boolean;
  readonly binfmt: {
    readonly mounted: boolean;
    readonly status: string | undefined;
    readonly entries: readonly BinfmtEntry[];
  };
  /** binfmt.d files on the host, with the registration names their lines define (in file order). */
  readonly binfmtD: readonly { path: string; text: string; record: ReportRecord; names: readonly string[] }[];
  readonly systemdBinfmt: string | undefined;
  readonly binaries: readonly BinaryFacts[];
}

export function hostFacts(report: HostReport): HostFacts {
  const osRelease = new Map<string, string>();
  const osr = recordsOf(report, 'os_release')[0]?.values[1] ?? '';
  for (const line of osr.split('\n')) {
    const m = /^([A-Z_]+)=("?)(.*)\2$/.exec(line.trim());
    if (m?.[1] !== undefined) osRelease.set(m[1], m[3] ?? '');
  }
  const versions = new Map<string, string>();
  for (const r of recordsOf(report, 'go_version')) {
    const [path, ...rest] = (r.values[0] ?? '').split(' ');
    if (path !== undefined) versions.set(path, rest.join(' '));
  }
  const goEnv = new Map<string, string>();
  const envOut = valueOf(report, 'go_env') ?? '';
  const keys = ['GOROOT', 'GOPATH', 'GOBIN', 'GOOS', 'GOARCH', 'CGO_ENABLED', 'GOVERSION'];
  envOut.split('\n').forEach((v, i) => {
    const k = keys[i];
    if (k !== undefined && envOut !== '') goEnv.set(k, v);
  });
  const sd = /systemd (\d+)/.exec(valueOf(report, 'systemd_version') ?? '');
  const glibc =
    /glibc (\d+\.\d+)/i.exec(valueOf(report, 'glibc_version') ?? '') ??
    /(?:GLIBC|GNU libc)[^\n]*?(\d+\.\d+)/.exec(valueOf(report, 'ldd_version') ?? '');
  const loaders = recordsOf(report, 'loader').map((r) => r.values[0] ?? '');
  const binaries: BinaryFacts[] = recordsOf(report, 'binary').map((r) => {
    const path = r.values[0] ?? '';
    const head = report.records.find((x) => isRecord(x, 'binary_head') && x.values[0] === path);
    const glibcRec = report.records.find(
      (x) => isRecord(x, 'binary_glibc') && (x.values[0] ?? '').startsWith(`${path} `),
    );
    return {
      path,
      elf: head === undefined ? undefined : parseElfHeader(hexBytes(head.values[1] ?? '')),
      glibc: (glibcRec?.values[0] ?? '')
        .slice(path.length + 1)
        .split(' ')
        .filter((x) => x !== ''),
      missing: report.records.some((x) => isRecord(x, 'binary_missing') && x.values[0] === path),
      go: head !== undefined && hasGoBuildIdNote(hexBytes(head.values[1] ?? '')),
      record: r,
    };
  });
  return {
    os: valueOf(report, 'uname_s') ?? '',
    arch: valueOf(report, 'uname_m') ?? '',
    osRelease,
    pid1: valueOf(report, 'pid1'),
    systemdVersion: sd?.[1] === undefined ? undefined : Number(sd[1]),
    cgroup: valueOf(report, 'cgroup'),
    goOnPath: recordsOf(report, 'go_bin').map((r) => ({
      path: r.values[0] ?? '',
      version: versions.get(r.values[0] ?? ''),
      record: r,
    })),
    goElsewhere: recordsOf(report, 'go_elsewhere').map((r) => r.values[0] ?? ''),
    goEnv,
    gorootEnv: valueOf(report, 'goroot_env') || undefined,
    loaders,
    glibcVersion: glibc?.[1],
    musl: loaders.some((l) => l.includes('ld-musl')),
    binfmt: {
      mounted: valueOf(report, 'binfmt_mounted') === 'yes',
      status: recordsOf(report, 'binfmt_status')[0]?.values[1]?.trim(),
      entries: recordsOf(report, 'binfmt_entry').map(binfmtEntry),
    },
    binfmtD: recordsOf(report, 'binfmt_d').map((r) => ({
      path: r.values[0] ?? '',
      text: r.values[1] ?? '',
      record: r,
      names: registrationNames(r.values[1] ?? ''),
    })),
    systemdBinfmt: valueOf(report, 'systemd_binfmt'),
    binaries,
  };
}

/** Root of a go binary: <root>/bin/go. */
export function goRootOf(goPath: string): string {
  return posix.dirname(posix.dirname(goPath));
}
