// Owns ELF header facts: identification bytes, e_type and e_machine names, and decoding a binfmt magic/mask against them.

export const ELF_MAGIC = [0x7f, 0x45, 0x4c, 0x46];

export const EI_CLASS: Readonly<Record<number, string>> = { 1: '32-bit', 2: '64-bit' };
export const EI_DATA: Readonly<Record<number, string>> = { 1: 'LSB', 2: 'MSB' };
export const E_TYPE: Readonly<Record<number, string>> = { 1: 'REL', 2: 'EXEC', 3: 'DYN', 4: 'CORE' };

export interface Machine {
  readonly number: number;
  /** Name as `file(1)` and our messages use it. */
  readonly name: string;
  /** `uname -m` values of hosts of this machine type. */
  readonly uname: readonly string[];
}

/** e_machine values (elf.h) for the architectures Go and qemu care about. */
export const MACHINES: readonly Machine[] = [
  { number: 3, name: 'i386', uname: ['i386', 'i486', 'i586', 'i686'] },
  { number: 8, name: 'mips', uname: ['mips', 'mipsel', 'mips64', 'mips64el'] },
  { number: 20, name: 'ppc', uname: ['ppc'] },
  { number: 21, name: 'ppc64', uname: ['ppc64', 'ppc64le'] },
  { number: 22, name: 's390', uname: ['s390x', 's390'] },
  { number: 40, name: 'arm', uname: ['arm', 'armv7l', 'armv6l', 'armv5tel', 'armeb'] },
  { number: 43, name: 'sparc64', uname: ['sparc64'] },
  { number: 62, name: 'x86_64', uname: ['x86_64', 'amd64'] },
  { number: 183, name: 'aarch64', uname: ['aarch64', 'arm64'] },
  { number: 243, name: 'riscv', uname: ['riscv64', 'riscv32'] },
  { number: 258, name: 'loongarch', uname: ['loongarch64'] },
];

export function machineByNumber(n: number): Machine | undefined {
  return MACHINES.find((m) => m.number === n);
}

/** What a binfmt magic/mask pair says about the ELF files it matches. */
export interface ElfMatch {
  /** True when the pattern starts at offset 0 with the ELF magic. */
  readonly isElf: boolean;
  readonly elfClass?: number;
  readonly data?: number;
  /** e_type values the mask lets through (2 EXEC, 3 DYN…), when e_type is covered. */
  readonly types?: readonly number[];
  readonly machine?: number;
  /** Header fields that the pattern leaves open: any value matches them. */
  readonly unconstrained: readonly ('class' | 'data' | 'machine')[];
}

/** Decodes magic/mask (mask may be empty = exact) at `offset` against the ELF header layout. */
export function decodeElf(offset: number, magic: readonly number[], mask: readonly number[] | undefined): ElfMatch {
  const at = (i: number): { value: number; mask: number } | undefined => {
    const j = i - offset;
    if (j < 0 || j >= magic.length) return undefined;
    return { value: magic[j] ?? 0, mask: mask === undefined || mask.length === 0 ? 0xff : (mask[j] ?? 0) };
  };
  const full = (i: number): number | undefined => {
    const b = at(i);
    return b !== undefined && b.mask === 0xff ? b.value : undefined;
  };
  const isElf = offset === 0 && ELF_MAGIC.every((v, i) => full(i) === v);
  if (!isElf) return { isElf, unconstrained: [] };
  // A field counts as pinned when only one meaningful value gets through the mask (qemu masks some low bits).
  const byteMatches = (i: number, v: number): boolean => {
    const b = at(i);
    return b === undefined || ((v ^ b.value) & b.mask) === 0;
  };
  const classes = [1, 2].filter((v) => byteMatches(4, v));
  const datas = [1, 2].filter((v) => byteMatches(5, v));
  const elfClass = classes.length === 1 ? classes[0] : undefined;
  const data = datas.length === 1 ? datas[0] : undefined;
  const unconstrained: ('class' | 'data' | 'machine')[] = [];
  if (classes.length !== 1) unconstrained.push('class');
  if (datas.length !== 1) unconstrained.push('data');
  // e_type and e_machine are 16-bit in the file's byte order.
  const le = data !== 2;
  const word = (i: number): { value: number; mask: number } | undefined => {
    const a = at(i);
    const b = at(i + 1);
    if (a === undefined || b === undefined) return undefined;
    return le
      ? { value: a.value | (b.value << 8), mask: a.mask | (b.mask << 8) }
      : { value: (a.value << 8) | b.value, mask: (a.mask << 8) | b.mask };
  };
  const t = word(16);
  const types = t === undefined ? undefined : [1, 2, 3, 4].filter((x) => ((x ^ t.value) & t.mask) === 0);
  const m = word(18);
  let machine: number | undefined;
  if (m !== undefined) {
    const known = MACHINES.filter((k) => ((k.number ^ m.value) & m.mask) === 0);
    machine = m.mask === 0xffff ? m.value : known.length === 1 ? known[0]?.number : undefined;
  }
  if (machine === undefined) unconstrained.push('machine');
  return {
    isElf,
    ...(elfClass !== undefined ? { elfClass } : {}),
    ...(data !== undefined ? { data } : {}),
    ...(types !== undefined ? { types } : {}),
    ...(machine !== undefined ? { machine } : {}),
    unconstrained,
  };
}

/** "64-bit LSB ELF, EXEC or DYN, machine aarch64 (183)". */
export function describeElf(m: ElfMatch): string {
  if (!m.isElf) return 'not an ELF header pattern';
  const parts = [
    `${m.elfClass !== undefined ? (EI_CLASS[m.elfClass] ?? `class ${m.elfClass}`) : 'any-class'} ${m.data !== undefined ? (EI_DATA[m.data] ?? `data ${m.data}`) : 'any-endian'} ELF`,
  ];
  if (m.types !== undefined) parts.push(m.types.map((t) => E_TYPE[t] ?? String(t)).join(' or '));
  parts.push(
    m.machine !== undefined ? `machine ${machineByNumber(m.machine)?.name ?? 'unknown'} (${m.machine})` : 'any machine',
  );
  return parts.join(', ');
}

/**
 * True when the bytes hold the ELF note cmd/link writes into every Go binary (`.note.go.buildid`: name `Go\0\0`,
 * type 4), which sits in the first page, right after the program headers.
 */
export function hasGoBuildIdNote(bytes: Uint8Array): boolean {
  for (let i = 12; i + 4 <= bytes.length; i++) {
    if (bytes[i] !== 0x47 || bytes[i + 1] !== 0x6f || bytes[i + 2] !== 0 || bytes[i + 3] !== 0) continue;
    const word = (at: number, le: boolean): number =>
      le
        ? (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16) | ((bytes[at + 3] ?? 0) << 24)
        : ((bytes[at] ?? 0) << 24) | ((bytes[at + 1] ?? 0) << 16) | ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    for (const le of [true, false]) if (word(i - 12, le) === 4 && word(i - 4, le) === 4) return true;
  }
  return false;
}

export interface ElfHeader {
  readonly elfClass: number;
  readonly data: number;
  readonly type: number;
  readonly machine: number;
  /** PT_INTERP contents, when the program headers (and the string) fall within the bytes given. */
  readonly interpreter: string | undefined;
}

/** Reads class, data, e_type, e_machine and PT_INTERP from the first bytes of an ELF file (layout: elf(5), <elf.h>). */
export function parseElfHeader(bytes: Uint8Array): ElfHeader | undefined {
  if (bytes.length < 52 || !ELF_MAGIC.every((v, i) => bytes[i] === v)) return undefined;
  const elfClass = bytes[4] ?? 0;
  const data = bytes[5] ?? 0;
  const le = data !== 2;
  const u16 = (o: number): number =>
    le ? (bytes[o] ?? 0) | ((bytes[o + 1] ?? 0) << 8) : ((bytes[o] ?? 0) << 8) | (bytes[o + 1] ?? 0);
  const u32 = (o: number): number => (le ? u16(o) | (u16(o + 2) * 65536) : u16(o) * 65536 + u16(o + 2));
  const u64 = (o: number): number => (le ? u32(o) + u32(o + 4) * 2 ** 32 : u32(o) * 2 ** 32 + u32(o + 4));
  const is64 = elfClass === 2;
  const phoff = is64 ? u64(32) : u32(28);
  const phentsize = u16(is64 ? 54 : 42);
  const phnum = u16(is64 ? 56 : 44);
  let interpreter: string | undefined;
  for (let i = 0; i < phnum && i < 64; i++) {
    const ph = phoff + i * phentsize;
    if (ph + phentsize > bytes.length) break;
    if (u32(ph) !== 3) continue;
    const off = is64 ? u64(ph + 8) : u32(ph + 4);
    const size = is64 ? u64(ph + 32) : u32(ph + 16);
    if (off + size <= bytes.length && size > 0 && size < 4096)
      interpreter = String.fromCharCode(...bytes.slice(off, off + size)).replace(/\0+$/, '');
  }
  return { elfClass, data, type: u16(16), machine: u16(18), interpreter };
}
