// Owns the kernel's reading of a binfmt_misc register string (fs/binfmt_misc.c, 6.12): fields, decoded bytes, errno.

/** A field of the register string, as offsets into it. */
export interface RegField {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export type Errno = 'EINVAL' | 'EEXIST' | 'ENAMETOOLONG';

/** Why the kernel refuses the string: the GDL code of the grammar rule, the errno, and what is wrong. */
export interface Rejection {
  readonly code:
    | 'GDL301'
    | 'GDL302'
    | 'GDL303'
    | 'GDL304'
    | 'GDL305'
    | 'GDL306'
    | 'GDL307'
    | 'GDL308'
    | 'GDL309'
    | 'GDL310'
    | 'GDL311'
    | 'GDL312'
    | 'GDL313';
  readonly errno: Errno;
  readonly detail: string;
  readonly start: number;
  readonly end: number;
}

/** One `\xHH` in magic or mask, with the byte it decodes to. */
export interface Escape {
  readonly start: number;
  readonly end: number;
  readonly value: number;
}

export interface Registration {
  /** Exactly what the kernel receives (one JS char per byte). */
  readonly raw: string;
  readonly delimiter: string;
  readonly name?: RegField;
  readonly type?: RegField;
  readonly offsetField?: RegField;
  readonly magicField?: RegField;
  readonly maskField?: RegField;
  readonly interpreter?: RegField;
  readonly flagsField?: RegField;
  /** Text after the flags that the kernel refuses (spaces, `\r`, comments…). */
  readonly trailing?: RegField;
  readonly kind?: 'M' | 'E';
  readonly offset: number;
  readonly magic?: readonly number[];
  readonly mask?: readonly number[];
  readonly escapes: readonly Escape[];
  /** Effective flags in the kernel's display order (C implies O). */
  readonly flags: string;
  readonly rejection?: Rejection;
}

const MAX_REGISTER_LENGTH = 1920;
const BINPRM_BUF_SIZE = 256;

/** `1 byte`, `4 bytes`. */
const byteCount = (n: number): string => `${n} byte${n === 1 ? '' : 's'}`;

const field = (raw: string, start: number, end: number): RegField => ({ text: raw.slice(start, end), start, end });

/** A field's text for messages: bytes made visible, long values shortened. */
export function shown(text: string, max = 32): string {
  const visible = text.replace(/[\x00-\x1f\x7f-\xff]/g, (c) =>
    c === '\n'
      ? '\\n'
      : c === '\r'
        ? '\\r'
        : c === '\t'
          ? '\\t'
          : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
  return visible.length > max ? `${visible.slice(0, max - 1)}…` : visible;
}

/** Finds the next delimiter, as strchr on the buffer padded with 8 delimiters does (returns raw.length + k past the end). */
function nextDelimiter(raw: string, from: number, del: string): number {
  const i = raw.indexOf(del, from);
  return i === -1 ? raw.length : i;
}

/** The value of a hex digit's character code, or -1. */
function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** Decodes magic/mask like scanarg + string_unescape(UNESCAPE_HEX): only `\xHH`, everything else literal. */
function decode(
  raw: string,
  f: RegField,
): { bytes: number[]; escapes: Escape[]; bad?: { start: number; end: number } } {
  const bytes: number[] = [];
  const escapes: Escape[] = [];
  for (let i = f.start; i < f.end; i++) {
    const c = raw.charCodeAt(i);
    if (c === 92 && raw.charCodeAt(i + 1) === 120) {
      // `\x` and two hex digits, both inside the field (a digit past its end, or past the string, is NaN: -1).
      const hi = hexDigit(raw.charCodeAt(i + 2));
      const lo = hexDigit(raw.charCodeAt(i + 3));
      if (hi < 0 || lo < 0 || i + 4 > f.end) return { bytes, escapes, bad: { start: i, end: Math.min(i + 4, f.end) } };
      const value = hi * 16 + lo;
      escapes.push({ start: i, end: i + 4, value });
      bytes.push(value);
      i += 3;
      continue;
    }
    bytes.push(c & 0xff);
  }
  return { bytes, escapes };
}

/**
 * The name field alone, as parseRegistration() finds it (undefined where it rejects the string before the name):
 * for indexes of names across many files, without decoding magic and mask.
 */
export function registrationName(raw: string): RegField | undefined {
  if (raw.length < 11 || raw.length > MAX_REGISTER_LENGTH) return undefined;
  const del = raw[0] ?? '';
  if ('POCF'.includes(del)) return undefined;
  return field(raw, 1, Math.min(nextDelimiter(raw, 1, del), raw.length));
}

export function parseRegistration(raw: string): Registration {
  const base = { raw, delimiter: raw[0] ?? '', offset: 0, escapes: [] as Escape[], flags: '' };
  const reject = (
    r: Omit<Rejection, 'detail'> & { detail: string },
    fields: Partial<Registration> = {},
  ): Registration => ({ ...base, ...fields, rejection: r });
  if (raw.length < 11 || raw.length > MAX_REGISTER_LENGTH) {
    return reject({
      code: 'GDL301',
      errno: 'EINVAL',
      detail: `the string is ${raw.length} bytes; the kernel accepts 11 to ${MAX_REGISTER_LENGTH}`,
      start: 0,
      end: raw.length,
    });
  }
  const del = raw[0] ?? '';
  if ('POCF'.includes(del))
    return reject({
      code: 'GDL302',
      errno: 'EINVAL',
      detail: `\`${del}\` is a flag letter and cannot be the delimiter`,
      start: 0,
      end: 1,
    });

  // Count the fields first: a missing one shows up as the padding delimiters of the kernel buffer.
  const delimiters: number[] = [];
  for (let i = 0; i < raw.length; i++) if (raw[i] === del) delimiters.push(i);
  const tooFew = delimiters.length < 7;

  const nameEnd = nextDelimiter(raw, 1, del);
  const name = field(raw, 1, Math.min(nameEnd, raw.length));
  if (name.text === '' || name.text === '.' || name.text === '..' || name.text.includes('/')) {
    return reject(
      {
        code: 'GDL304',
        errno: 'EINVAL',
        detail:
          name.text === ''
            ? 'the name is empty'
            : name.text.includes('/')
              ? `the name \`${name.text}\` contains \`/\``
              : `the name cannot be \`${name.text}\``,
        start: name.start,
        end: Math.max(name.end, name.start + 1),
      },
      { name },
    );
  }
  let p = nameEnd + 1;
  const typeEnd = nextDelimiter(raw, p, del);
  const type = field(raw, p, Math.min(typeEnd, raw.length));
  if (type.text !== 'M' && type.text !== 'E') {
    if (tooFew && typeEnd >= raw.length)
      return reject(
        {
          code: 'GDL303',
          errno: 'EINVAL',
          detail: `only ${delimiters.length} of the 7 \`${del}\` delimiters are present`,
          start: 0,
          end: raw.length,
        },
        { name },
      );
    return reject(
      {
        code: 'GDL305',
        errno: 'EINVAL',
        detail: `the type is \`${shown(type.text)}\`; it must be exactly \`M\` (magic) or \`E\` (extension)`,
        start: type.start,
        end: Math.max(type.end, type.start + 1),
      },
      { name, type },
    );
  }
  const kind = type.text;
  p = typeEnd + 1;
  const offEnd = nextDelimiter(raw, p, del);
  const offsetField = field(raw, p, Math.min(offEnd, raw.length));
  p = offEnd + 1;
  const magicEnd = nextDelimiter(raw, p, del);
  const magicField = field(raw, p, Math.min(magicEnd, raw.length));
  p = magicEnd + 1;
  const maskEnd = nextDelimiter(raw, p, del);
  const maskField = field(raw, p, Math.min(maskEnd, raw.length));
  p = maskEnd + 1;
  const interpEnd = nextDelimiter(raw, p, del);
  const interpreter = field(raw, p, Math.min(interpEnd, raw.length));
  const fields = { name, type, kind, offsetField, magicField, maskField, interpreter } as const;
  if (tooFew)
    return reject(
      {
        code: 'GDL303',
        errno: 'EINVAL',
        detail: `only ${delimiters.length} of the 7 \`${del}\` delimiters are present (an empty mask still needs its field: \`magic::interpreter\`)`,
        start: 0,
        end: raw.length,
      },
      fields,
    );

  let offset = 0;
  let magic: number[] | undefined;
  let mask: number[] | undefined;
  let escapes: Escape[] = [];
  if (kind === 'M') {
    if (offsetField.text !== '') {
      if (!/^\+?[0-9]+$/.test(offsetField.text) || Number(offsetField.text) > 2147483647) {
        return reject(
          {
            code: 'GDL306',
            errno: 'EINVAL',
            detail: `the offset \`${shown(offsetField.text)}\` is not a decimal integer`,
            start: offsetField.start,
            end: offsetField.end,
          },
          fields,
        );
      }
      offset = Number(offsetField.text);
    }
    // An escape that is not `\x` and two hex digits: the kernel refuses the field (EINVAL).
    const badEscape = (bad: { start: number; end: number }, which: 'magic' | 'mask'): Rejection => ({
      code: 'GDL308',
      errno: 'EINVAL',
      detail: `\`${raw.slice(bad.start, bad.end)}\` in the ${which} is not \`\\x\` with two hex digits`,
      ...bad,
    });
    const m = decode(raw, magicField);
    if (m.bad !== undefined) return reject(badEscape(m.bad, 'magic'), fields);
    if (m.bytes.length === 0)
      return reject(
        {
          code: 'GDL309',
          errno: 'EINVAL',
          detail: 'the magic is empty',
          start: magicField.start,
          end: magicField.start,
        },
        fields,
      );
    magic = m.bytes;
    escapes = m.escapes;
    if (maskField.text !== '') {
      const k = decode(raw, maskField);
      if (k.bad !== undefined) return reject(badEscape(k.bad, 'mask'), { ...fields, magic, escapes });
      mask = k.bytes;
      escapes = [...escapes, ...k.escapes];
      if (mask.length !== magic.length) {
        return reject(
          {
            code: 'GDL310',
            errno: 'EINVAL',
            detail: `the mask decodes to ${byteCount(mask.length)} but the magic to ${magic.length}`,
            start: maskField.start,
            end: maskField.end,
          },
          { ...fields, magic, mask, escapes },
        );
      }
    }
    if (magic.length > BINPRM_BUF_SIZE || BINPRM_BUF_SIZE - magic.length < offset) {
      return reject(
        {
          code: 'GDL307',
          errno: 'EINVAL',
          detail: `offset ${offset} + ${byteCount(magic.length)} of magic = ${offset + magic.length} is past the ${BINPRM_BUF_SIZE}-byte header buffer`,
          start: offsetField.text === '' ? magicField.start : offsetField.start,
          end: magicField.end,
        },
        { ...fields, magic, ...(mask ? { mask } : {}), escapes },
      );
    }
  } else {
    if (magicField.text === '')
      return reject(
        {
          code: 'GDL309',
          errno: 'EINVAL',
          detail: 'the extension is empty',
          start: magicField.start,
          end: magicField.start,
        },
        fields,
      );
    if (magicField.text.includes('/'))
      return reject(
        {
          code: 'GDL311',
          errno: 'EINVAL',
          detail: `the extension \`${magicField.text}\` contains \`/\``,
          start: magicField.start,
          end: magicField.end,
        },
        fields,
      );
  }
  const common = { ...fields, offset, ...(magic ? { magic } : {}), ...(mask ? { mask } : {}), escapes };
  if (interpreter.text === '')
    return reject(
      {
        code: 'GDL312',
        errno: 'EINVAL',
        detail: 'the interpreter is empty',
        start: interpreter.start,
        end: interpreter.start,
      },
      common,
    );
  let f = interpEnd + 1;
  const flagsStart = f;
  while (f < raw.length && 'POCF'.includes(raw[f] ?? '')) f++;
  const flagsField = field(raw, flagsStart, f);
  const set = new Set(flagsField.text);
  if (set.has('C')) set.add('O');
  const flags = [...'POCF'].filter((x) => set.has(x)).join('');
  let end = f;
  if (raw[end] === '\n') end++;
  if (end !== raw.length) {
    const trailing = field(raw, f, raw.length);
    const rest = trailing.text.endsWith('\n') && trailing.text.length > 1 ? trailing.text.slice(0, -1) : trailing.text;
    return reject(
      {
        code: 'GDL313',
        errno: 'EINVAL',
        detail: `\`${shown(rest)}\` after the flags`,
        start: trailing.start,
        end: trailing.end,
      },
      { ...common, flagsField, flags, trailing },
    );
  }
  if (name.text.length > 255)
    return reject(
      {
        code: 'GDL304',
        errno: 'ENAMETOOLONG',
        detail: `the name is ${name.text.length} bytes; the limit is 255`,
        start: name.start,
        end: name.end,
      },
      { ...common, flagsField, flags },
    );
  if (name.text === 'register' || name.text === 'status')
    return reject(
      {
        code: 'GDL304',
        errno: 'EEXIST',
        detail: `\`${name.text}\` is a control file of binfmt_misc`,
        start: name.start,
        end: name.end,
      },
      { ...common, flagsField, flags },
    );
  // Built as one literal, not spreads of spreads with optional parts: this is every accepted registration's path
  // (20,000 of them in a large binfmt.d), and the spread took a third of the parse.
  const accepted: { -readonly [K in keyof Registration]: Registration[K] } = {
    raw,
    delimiter: base.delimiter,
    name,
    type,
    kind,
    offsetField,
    magicField,
    maskField,
    interpreter,
    offset,
    escapes,
    flagsField,
    flags,
  };
  if (magic) accepted.magic = magic;
  if (mask) accepted.mask = mask;
  return accepted;
}
