// Owns systemd's value grammars (systemd 257: src/core/load-fragment.c, src/shared/conf-parser.c, src/basic/parse-util.c): what a value means, or why systemd ignores it.
import { ENUMS, type Directive, type UnitType } from './systemd-directives';
import { SYSCALL_GROUPS, SYSCALL_NAMES, SYSCALL_TABLE_SYSTEMD } from './systemd-syscalls.generated';

export interface ValueProblem {
  readonly message: string;
  /** A corrected value when the intent is clear (`512MiB` → `512M`). */
  readonly suggestion?: string;
  /** systemd keeps the value and only warns (the message then says the whole consequence). */
  readonly warning?: boolean;
  /** The directive itself is the problem, not its value: the finding sits on the key. */
  readonly onKey?: boolean;
}

const TIME_UNITS: Readonly<Record<string, number>> = {
  us: 1e-6,
  usec: 1e-6,
  µs: 1e-6,
  μs: 1e-6,
  ms: 1e-3,
  msec: 1e-3,
  s: 1,
  sec: 1,
  second: 1,
  seconds: 1,
  m: 60,
  min: 60,
  minute: 60,
  minutes: 60,
  h: 3600,
  hr: 3600,
  hour: 3600,
  hours: 3600,
  d: 86400,
  day: 86400,
  days: 86400,
  w: 604800,
  week: 604800,
  weeks: 604800,
  M: 2629800,
  month: 2629800,
  months: 2629800,
  y: 31557600,
  year: 31557600,
  years: 31557600,
};

/** Seconds, or undefined when systemd rejects the time span. */
export function parseTimespan(value: string): number | undefined {
  const v = value.trim();
  if (v === 'infinity') return Infinity;
  if (v === '' || v.startsWith('-')) return undefined;
  let total = 0;
  const re = /\s*([0-9]+(?:\.[0-9]+)?)\s*([a-zA-Zµμ]*)/y;
  let pos = 0;
  while (pos < v.length) {
    re.lastIndex = pos;
    const m = re.exec(v);
    if (m === null || m[0] === '') return undefined;
    const unit = m[2] ?? '';
    const mult = unit === '' ? 1 : TIME_UNITS[unit];
    if (mult === undefined) return undefined;
    total += Number(m[1]) * mult;
    pos = re.lastIndex;
  }
  return total;
}

const SIZE_SUFFIX: Readonly<Record<string, number>> = {
  '': 1,
  B: 1,
  K: 2 ** 10,
  M: 2 ** 20,
  G: 2 ** 30,
  T: 2 ** 40,
  P: 2 ** 50,
  E: 2 ** 60,
};

/** Bytes (base 1024), or undefined when systemd rejects the size. */
export function parseSize(value: string): number | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  let total = 0;
  const re = /\s*([0-9]+(?:\.[0-9]+)?)\s*([A-Za-z]*)/y;
  let pos = 0;
  while (pos < v.length) {
    re.lastIndex = pos;
    const m = re.exec(v);
    if (m === null || m[0] === '') return undefined;
    const mult = SIZE_SUFFIX[m[2] ?? ''];
    if (mult === undefined) return undefined;
    total += Number(m[1]) * mult;
    pos = re.lastIndex;
  }
  return total;
}

/** `512MiB`, `512MB`, `1gb` → `512M`, `1G`. */
function suggestSize(value: string): string | undefined {
  const m = /^\s*([0-9]+(?:\.[0-9]+)?)\s*([kKmMgGtT])(?:i?[bB])\s*$/.exec(value);
  return m === null ? undefined : `${m[1] ?? ''}${(m[2] ?? '').toUpperCase()}`;
}

export function parseBool(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (['1', 'yes', 'y', 'true', 't', 'on'].includes(v)) return true;
  if (['0', 'no', 'n', 'false', 'f', 'off'].includes(v)) return false;
  return undefined;
}

/** Memory limits: bytes, `N%` of RAM, `infinity`; undefined = rejected. Returns bytes, or a percent marker. */
export function parseMemory(value: string): { bytes?: number; percent?: number; infinity?: boolean } | undefined {
  const v = value.trim();
  if (v === 'infinity') return { infinity: true };
  const pct = /^([0-9]+(?:\.[0-9]+)?)(%|‰|‱)$/.exec(v);
  if (pct !== null) return { percent: Number(pct[1]) / (pct[2] === '%' ? 1 : pct[2] === '‰' ? 10 : 100) };
  const bytes = parseSize(v);
  return bytes === undefined ? undefined : { bytes };
}

function withSuggestion(message: string, suggestion: string | undefined): ValueProblem {
  return suggestion === undefined ? { message } : { message, suggestion };
}

function intRange(value: string, min: number, max: number, what: string): ValueProblem | undefined {
  const v = value.trim();
  if (!/^[+-]?[0-9]+$/.test(v)) return { message: `\`${v}\` is not an integer (${what} ${min}–${max})` };
  const n = Number(v);
  return n < min || n > max ? { message: `\`${v}\` is out of range (${what} ${min}–${max})` } : undefined;
}

function rlimitNumber(v: string, key: string): number | undefined {
  if (v === 'infinity') return Infinity;
  if (/^Limit(NOFILE|NPROC|LOCKS|SIGPENDING|RTPRIO|MSGQUEUE|NICE)$/.test(key))
    return /^[0-9]+$/.test(v) ? Number(v) : undefined;
  if (key === 'LimitCPU' || key === 'LimitRTTIME') return parseTimespan(v);
  return parseSize(v);
}

const CALENDAR_WORDS = [
  'minutely',
  'hourly',
  'daily',
  'monthly',
  'weekly',
  'yearly',
  'annually',
  'quarterly',
  'semiannually',
];

function calendarProblem(v: string): ValueProblem | undefined {
  const s = v.trim();
  if (CALENDAR_WORDS.includes(s.toLowerCase())) return undefined;
  for (const t of s.match(/\b\d{1,2}:\d{1,2}(?::\d{1,2}(?:\.\d+)?)?\b/g) ?? []) {
    const [h, m, sec] = t.split(':').map((x) => Number(x));
    if ((h ?? 0) > 23 || (m ?? 0) > 59 || (sec ?? 0) > 59)
      return { message: `\`${t}\` is not a valid time of day in \`${s}\`` };
  }
  // calendarspec.c: `@seconds` must stay formattable (year 9999), and a range may not run backwards (`4..0`).
  const epoch = /^@(\d+)$/.exec(s);
  if (epoch !== null && Number(epoch[1]) > 253402214399)
    return { message: `\`${s}\` is past the largest timestamp systemd formats` };
  for (const r of s.matchAll(/(\d+)\.\.(\d+)/g)) {
    if (Number(r[1]) > Number(r[2])) return { message: `The range \`${r[0]}\` in \`${s}\` runs backwards` };
  }
  // A repetition must reach a second value within the component (`*-*-31/2`, `*:0/100` are refused).
  for (const token of s.split(/\s+/)) {
    const parts = token.includes(':') ? token.split(':') : token.includes('-') ? token.split('-') : [];
    const limits = token.includes(':')
      ? [
          [0, 23],
          [0, 59],
          [0, 59],
        ]
      : parts.length === 3
        ? [
            [0, Infinity],
            [1, 12],
            [1, 31],
          ]
        : [
            [1, 12],
            [1, 31],
          ];
    for (const [i, part] of parts.entries()) {
      const m = /^(\*|\d+)\/(\d+)$/.exec(part.split(',')[0] ?? '');
      const [min = 0, max = Infinity] = limits[i] ?? [];
      if (m !== null && (m[1] === '*' ? min : Number(m[1])) + Number(m[2]) > max)
        return { message: `\`${part}\` in \`${s}\` repeats past the end of its range` };
    }
  }
  const date = /\b(\d{4}|\*)-(\d{1,2}|\*)-(\d{1,2}|\*)\b/.exec(s);
  if (date !== null && ((Number(date[2]) || 1) > 12 || (Number(date[3]) || 1) > 31))
    return { message: `\`${date[0]}\` is not a valid date in \`${s}\`` };
  return undefined;
}

function socketProblem(v: string): ValueProblem | undefined {
  const s = v.trim();
  // vsock:CID:PORT, both 32-bit (socket_address_parse).
  const vsock = /^vsock:(\d+):(\d+)$/.exec(s);
  if (vsock !== null)
    return Number(vsock[1]) > 4294967295 || Number(vsock[2]) > 4294967295
      ? { message: `\`${s}\` is not a vsock address (CID and port are 32-bit)` }
      : undefined;
  if (s.startsWith('/') || s.startsWith('@') || s.startsWith('vsock:')) return undefined;
  const port = /^(?:.*:)?([0-9]+)$/.exec(s.replace(/^\[.*\]:/, ':'));
  if (port === null) return undefined;
  const n = Number(port[1]);
  return n < 1 || n > 65535
    ? { message: `Port \`${port[1] ?? ''}\` in \`${s}\` is out of range (1–65535)` }
    : undefined;
}

/**
 * Where an intended inline comment starts in a value (` # keep it up`): systemd has none, so the text is part of the
 * value. Undefined when there is none: quotes in commands and Environment= hide `#`, `;` alone separates commands,
 * and free text (Description=) is what the author meant.
 */
export function inlineCommentStart(d: Directive | undefined, key: string, text: string): number | undefined {
  if (key === 'Description') return undefined;
  const kind = d?.kind;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if ((kind === 'command' || kind === 'environment') && (c === '"' || c === "'"))
      quote = quote === c ? undefined : (quote ?? c);
    if (quote !== undefined || (c !== '#' && c !== ';') || i === 0 || !/\s/.test(text[i - 1] ?? '')) continue;
    if (kind === 'command' && c === ';' && /\s/.test(text[i + 1] ?? ' ')) continue;
    return i;
  }
  return undefined;
}

/** Namespace types RestrictNamespaces= takes (src/shared/nsflags.c). */
const NAMESPACE_TYPES = new Set(['cgroup', 'ipc', 'net', 'mnt', 'pid', 'user', 'uts']);

/** Grammars of single directives whose parser is not shared with others (load-fragment.c). */
function keyProblem(key: string, v: string): ValueProblem | undefined {
  switch (key) {
    // config_parse_user_group_compat warns for the name only ("Special user nobody configured, this is not safe!").
    case 'User':
      return v === 'nobody'
        ? {
            message: '`User=nobody` shares the identity that owns unmapped files: systemd warns it is not safe',
            warning: true,
          }
        : undefined;
    // config_parse_exec_cpu_sched_prio: sched_priority_is_valid(), 0…99; "CPU scheduling priority is out of range".
    case 'CPUSchedulingPriority':
      return v === '' ? undefined : intRange(v, 0, 99, 'CPUSchedulingPriority');
    // config_parse_restrict_namespaces: a boolean, or a list of namespace types (optionally inverted with `~`).
    case 'RestrictNamespaces': {
      if (v === '' || parseBool(v) !== undefined) return undefined;
      const bad = v
        .replace(/^~/, '')
        .split(/\s+/)
        .find((t) => t !== '' && !NAMESPACE_TYPES.has(t));
      return bad === undefined
        ? undefined
        : { message: `\`${bad}\` is not a namespace type (${[...NAMESPACE_TYPES].join(', ')})` };
    }
    // config_parse_unit_path_strv_printf: every Symlinks= path must be absolute ("path is not absolute, ignoring").
    case 'Symlinks': {
      const rel = v.split(/\s+/).find((p) => p !== '' && !p.startsWith('/') && !p.startsWith('%'));
      return rel === undefined ? undefined : { message: `\`${rel}\` in Symlinks= is not an absolute path` };
    }
    // config_parse_syscall_filter: an unknown group or system call name is dropped ("Failed to parse system call").
    case 'SystemCallFilter':
    case 'SystemCallLog': {
      const items = v
        .replace(/^~/, '')
        .split(/\s+/)
        .map((x) => x.replace(/:.*$/, ''))
        .filter((x) => x !== '');
      const bad = items.find((x) => (x.startsWith('@') ? !SYSCALL_GROUPS.has(x) : !SYSCALL_NAMES.has(x)));
      return bad === undefined
        ? undefined
        : {
            message: `\`${bad}\` is not a system call ${bad.startsWith('@') ? 'group ' : ''}systemd ${SYSCALL_TABLE_SYSTEMD} knows: that item is dropped`,
          };
    }
    // config_parse_set_status: exit codes 0…255 and signals; `RTMIN+n` only up to SIGRTMAX.
    case 'RestartForceExitStatus':
    case 'RestartPreventExitStatus':
    case 'SuccessExitStatus': {
      const bad = v
        .split(/\s+/)
        .find(
          (x) =>
            (/^\d+$/.test(x) && Number(x) > 255) ||
            (/^(SIG)?RTMIN\+(\d+)$/.exec(x) !== null && Number(/\+(\d+)$/.exec(x)?.[1]) > 30),
        );
      return bad === undefined ? undefined : { message: `\`${bad}\` is not an exit status or signal systemd accepts` };
    }
    // ioprio_class_from_string (252): a name or its number.
    case 'IOSchedulingClass':
      return v === '' || /^(none|realtime|best-effort|idle|[0-3])$/.test(v)
        ? undefined
        : { message: `\`${v}\` is not an IO scheduling class (realtime, best-effort, idle)` };
    // sched_policy_from_string (252).
    case 'CPUSchedulingPolicy':
      return v === '' || /^(other|batch|idle|fifo|rr|[0-9]+)$/.test(v)
        ? undefined
        : { message: `\`${v}\` is not a CPU scheduling policy (other, batch, idle, fifo, rr)` };
    default:
      return undefined;
  }
}

/** Why systemd ignores (or warns about) this value for the directive, or undefined when it is valid or unchecked. */
export function valueProblem(d: Directive, raw: string, unitType?: UnitType): ValueProblem | undefined {
  const v = raw.trim();
  // Delegate= is honoured only where systemd can hand over a cgroup subtree (services and scopes).
  if (d.key === 'Delegate' && unitType !== undefined && unitType !== 'service' && unitType !== 'scope')
    return {
      message: `Delegate= is not supported for ${unitType} units: systemd ignores it`,
      warning: true,
      onKey: true,
    };
  if (v === '' && d.list) return undefined;
  const own = keyProblem(d.key, v);
  if (own !== undefined) return own;
  switch (d.kind) {
    case 'boolean':
      return v === '' || parseBool(v) !== undefined
        ? undefined
        : { message: `\`${v}\` is not a boolean (yes/no, true/false, on/off, 1/0)` };
    case 'timespan': {
      if (v === '' || parseTimespan(v) !== undefined) return undefined;
      return {
        message: `\`${v}\` is not a time span (units: us ms s min h d w M y; \`m\` is minutes, \`M\` months; \`ns\` is not accepted)`,
      };
    }
    case 'size':
      return v === '' || parseSize(v) !== undefined
        ? undefined
        : withSuggestion(`\`${v}\` is not a size (K M G T, base 1024; no MiB or MB)`, suggestSize(v));
    case 'memory': {
      if (v === '') return undefined;
      const m = parseMemory(v);
      if (m === undefined)
        return withSuggestion(
          `Invalid memory limit \`${v}\`: systemd takes K M G T (base 1024), a percentage or infinity`,
          suggestSize(v),
        );
      if (m.bytes === 0 && /^(Memory|StartupMemory)(Max|High)$/.test(d.key))
        return { message: `Memory limit \`0\` is out of range for ${d.key}` };
      return undefined;
    }
    case 'percent':
      return v === '' || /^[0-9]+(\.[0-9]+)?%$/.test(v)
        ? undefined
        : {
            message: `\`${v}\` is not a CPU quota: write a percentage such as \`${/^[0-9.]+$/.test(v) ? `${Number(v) * 100}%` : '50%'}\``,
            ...(/^[0-9.]+$/.test(v) ? { suggestion: `${Math.round(Number(v) * 100)}%` } : {}),
          };
    case 'cpu-weight':
      return v === '' || v === 'idle' ? undefined : intRange(v, 1, 10000, 'CPUWeight');
    case 'io-weight':
      return v === '' ? undefined : intRange(v, 1, 10000, 'IOWeight');
    case 'cpu-shares':
      return v === '' ? undefined : intRange(v, 2, 262144, 'CPUShares');
    case 'blockio-weight':
      return v === '' ? undefined : intRange(v, 10, 1000, 'BlockIOWeight');
    case 'tasks':
      if (v === '' || v === 'infinity' || /^[0-9]+(\.[0-9]+)?%$/.test(v)) return undefined;
      return /^[0-9]+$/.test(v) && Number(v) > 0
        ? undefined
        : { message: `\`${v}\` is not a task limit (a positive number, a percentage or infinity)` };
    case 'oom-score':
      return intRange(v, -1000, 1000, 'OOMScoreAdjust');
    case 'nice':
      return intRange(v, -20, 19, 'Nice');
    case 'rlimit': {
      if (v === '') return undefined;
      const parts = v.split(':');
      if (parts.length > 2) return { message: `\`${v}\` is not a resource limit (value or soft:hard)` };
      const soft = rlimitNumber(parts[0] ?? '', d.key);
      const hard = parts.length === 2 ? rlimitNumber(parts[1] ?? '', d.key) : soft;
      if (soft === undefined || hard === undefined) return { message: `\`${v}\` is not a valid ${d.key} value` };
      return soft > hard
        ? { message: `Soft limit is above the hard limit in \`${v}\`; systemd ignores the setting` }
        : undefined;
    }
    case 'enum': {
      const allowed = ENUMS[d.parser];
      if (allowed === undefined || v === '') return undefined;
      if ((d.parser === 'exec_output' || d.parser === 'exec_input') && /^(file|append|truncate|fd):/.test(v))
        return undefined;
      if (allowed.includes(v)) return undefined;
      const lower = v.toLowerCase();
      return {
        message: `\`${v}\` is not a valid ${d.key}= value (${allowed.filter((x) => !/^(true|false|1|0|on|off)$/.test(x)).join(', ')})`,
        ...(allowed.includes(lower) ? { suggestion: lower } : {}),
      };
    }
    case 'calendar':
      // Specifiers are expanded first; the expanded text is what systemd parses (unknown here).
      return /%[^%]/.test(v) ? undefined : calendarProblem(v);
    case 'socket':
      return socketProblem(v);
    case 'command':
    case 'environment':
    case 'environment-file':
    case 'unit-list':
    case 'path':
    case 'string':
    case 'install-list':
    case 'syscall-filter':
      return undefined;
  }
}

/** Human meaning of a value for hover ("512M = 512 MiB"). */
export function describeValue(d: Directive, raw: string): string | undefined {
  const v = raw.trim();
  if (d.kind === 'memory' || d.kind === 'size') {
    const size = parseSize(v);
    const m: { bytes?: number; percent?: number; infinity?: boolean } | undefined =
      d.kind === 'memory' ? parseMemory(v) : size === undefined ? undefined : { bytes: size };
    if (m?.infinity === true) return 'no limit';
    if (m?.percent !== undefined) return `${m.percent}% of physical memory`;
    if (m?.bytes !== undefined) return `${v} = ${formatBytes(m.bytes)} (${m.bytes} bytes)`;
  }
  if (d.kind === 'timespan') {
    const s = parseTimespan(v);
    if (s !== undefined) return s === Infinity ? 'no limit' : `${v} = ${s} s`;
  }
  if (d.kind === 'percent' && /%$/.test(v)) return `${v} of one CPU (${(parseFloat(v) / 100).toString()} CPUs)`;
  return undefined;
}

export function formatBytes(bytes: number): string {
  for (const [unit, size] of [
    ['TiB', 2 ** 40],
    ['GiB', 2 ** 30],
    ['MiB', 2 ** 20],
    ['KiB', 2 ** 10],
  ] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
  }
  for (const [unit, size] of [
    ['GiB', 2 ** 30],
    ['MiB', 2 ** 20],
    ['KiB', 2 ** 10],
  ] as const)
    if (bytes >= size) return `${(bytes / size).toFixed(1)} ${unit}`;
  return `${bytes} B`;
}
