// Owns the qemu magic/mask per architecture (Debian qemu-user-binfmt 1:7.2 files and upstream qemu-binfmt-conf.sh).

export interface QemuArch {
  /** qemu's name: qemu-<arch>, /usr/bin/qemu-<arch>-static. */
  readonly arch: string;
  /** `uname -m` of a native host, for GDL321. */
  readonly uname: string;
  /** Escaped exactly as the files write it. */
  readonly magic: string;
  readonly mask: string;
  /** The same pattern as bytes (decoded once, here). */
  readonly magicBytes: readonly number[];
  readonly maskBytes: readonly number[];
}

type Escaped = Omit<QemuArch, 'magicBytes' | 'maskBytes'>;

const withBytes = (q: Escaped): QemuArch => ({ ...q, magicBytes: bytesOf(q.magic), maskBytes: bytesOf(q.mask) });

const ELF = '\\x7f\\x45\\x4c\\x46';
const PAD = '\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00';

/** The architecture rule docs use as their example (Go on arm64 boards and Graviton). */
export const QEMU_AARCH64: QemuArch = withBytes({
  arch: 'aarch64',
  uname: 'aarch64',
  magic: `${ELF}\\x02\\x01\\x01${PAD}\\x02\\x00\\xb7\\x00`,
  mask: '\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\xff',
});

export const QEMU_ARCHES: readonly QemuArch[] = (
  [
    QEMU_AARCH64,
    {
      arch: 'arm',
      uname: 'armv7l',
      magic: `${ELF}\\x01\\x01\\x01${PAD}\\x02\\x00\\x28\\x00`,
      mask: '\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\xff',
    },
    {
      arch: 'armeb',
      uname: 'armeb',
      magic: `${ELF}\\x01\\x02\\x01${PAD}\\x00\\x02\\x00\\x28`,
      mask: '\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff',
    },
    {
      arch: 'riscv64',
      uname: 'riscv64',
      magic: `${ELF}\\x02\\x01\\x01${PAD}\\x02\\x00\\xf3\\x00`,
      mask: '\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\xff',
    },
    {
      arch: 'ppc64le',
      uname: 'ppc64le',
      magic: `${ELF}\\x02\\x01\\x01${PAD}\\x02\\x00\\x15\\x00`,
      mask: '\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfc\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\x00',
    },
    {
      arch: 'ppc64',
      uname: 'ppc64',
      magic: `${ELF}\\x02\\x02\\x01${PAD}\\x00\\x02\\x00\\x15`,
      mask: '\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfc\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff',
    },
    {
      arch: 's390x',
      uname: 's390x',
      magic: `${ELF}\\x02\\x02\\x01${PAD}\\x00\\x02\\x00\\x16`,
      mask: '\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfc\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff',
    },
    {
      arch: 'x86_64',
      uname: 'x86_64',
      magic: `${ELF}\\x02\\x01\\x01${PAD}\\x02\\x00\\x3e\\x00`,
      mask: '\\xff\\xff\\xff\\xff\\xff\\xfe\\xfe\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\xff',
    },
    {
      arch: 'i386',
      uname: 'i386',
      magic: `${ELF}\\x01\\x01\\x01${PAD}\\x02\\x00\\x03\\x00`,
      mask: '\\xff\\xff\\xff\\xff\\xff\\xfe\\xfe\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\xff',
    },
    {
      arch: 'mips',
      uname: 'mips',
      magic: `${ELF}\\x01\\x02\\x01${PAD}\\x00\\x02\\x00\\x08`,
      mask: '\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff',
    },
    {
      arch: 'mipsel',
      uname: 'mipsel',
      magic: `${ELF}\\x01\\x01\\x01${PAD}\\x02\\x00\\x08\\x00`,
      mask: '\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\xff',
    },
    {
      arch: 'mips64',
      uname: 'mips64',
      magic: `${ELF}\\x02\\x02\\x01${PAD}\\x00\\x02\\x00\\x08`,
      mask: '\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xfe\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff',
    },
    {
      arch: 'mips64el',
      uname: 'mips64el',
      magic: `${ELF}\\x02\\x01\\x01${PAD}\\x02\\x00\\x08\\x00`,
      mask: '\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xfe\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\xff',
    },
    {
      arch: 'loongarch64',
      uname: 'loongarch64',
      magic: `${ELF}\\x02\\x01\\x01${PAD}\\x02\\x00\\x02\\x01`,
      mask: '\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfc\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\xff',
    },
  ] satisfies Escaped[]
).map((q) => (q.arch === QEMU_AARCH64.arch ? QEMU_AARCH64 : withBytes(q)));

/** Architectures offered by the GDL320 fix, most common Go targets first. */
export const FIX_ARCHES = ['aarch64', 'arm', 'riscv64', 'ppc64le', 's390x', 'x86_64'];

/** Bytes of an escaped magic or mask as the files write it (`\\x7f\\x45…`). */
function bytesOf(escaped: string): number[] {
  return [...escaped.matchAll(/\\x([0-9a-fA-F]{2})/g)].map((m) => parseInt(m[1] ?? '0', 16));
}

/** qemu's registration for an ELF machine (by e_machine, class and byte order), for fixes that need its mask. */
export function qemuArchFor(
  machine: number,
  elfClass: number | undefined,
  data: number | undefined,
): QemuArch | undefined {
  return QEMU_ARCHES.find((q) => {
    const b = q.magicBytes;
    const le = b[5] === 1;
    const m = le ? (b[18] ?? 0) | ((b[19] ?? 0) << 8) : ((b[18] ?? 0) << 8) | (b[19] ?? 0);
    return m === machine && (elfClass === undefined || b[4] === elfClass) && (data === undefined || b[5] === data);
  });
}

/** qemu's registration of an architecture, by name. */
export function qemuArch(arch: string): QemuArch | undefined {
  return QEMU_ARCHES.find((a) => a.arch === arch);
}

/** qemu's binfmt.d line for an architecture (`:qemu-<arch>:M::<magic>:<mask>:/usr/bin/qemu-<arch>-static:F`), for rule docs; mask left out on request. */
export function qemuRegistrationLine(q: QemuArch, withMask = true): string {
  return `:qemu-${q.arch}:M::${q.magic}:${withMask ? q.mask : ''}:/usr/bin/qemu-${q.arch}-static:F\n`;
}
