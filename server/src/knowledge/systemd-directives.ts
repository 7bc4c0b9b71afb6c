// Owns what systemd knows about directives: sections per unit type, value kinds, versions and deprecations.
import { DIRECTIVE_ADDED_IN } from './systemd-directive-versions.generated';
import { DIRECTIVE_ROWS } from './systemd-directives.generated';

import { UNIT_TYPES, type UnitType } from '../protocol';

export { UNIT_TYPES, type UnitType };

/** The sections each unit type reads; any other section is unknown (X- sections are ignored silently). */
export const UNIT_SECTIONS: Readonly<Record<UnitType, readonly string[]>> = {
  service: ['Unit', 'Service', 'Install'],
  socket: ['Unit', 'Socket', 'Install'],
  timer: ['Unit', 'Timer', 'Install'],
  path: ['Unit', 'Path', 'Install'],
  mount: ['Unit', 'Mount', 'Install'],
  automount: ['Unit', 'Automount', 'Install'],
  swap: ['Unit', 'Swap', 'Install'],
  target: ['Unit', 'Install'],
  slice: ['Unit', 'Slice', 'Install'],
  scope: ['Unit', 'Scope'],
};

export type ValueKind =
  | 'boolean'
  | 'timespan'
  | 'memory'
  | 'size'
  | 'percent'
  | 'cpu-weight'
  | 'io-weight'
  | 'cpu-shares'
  | 'blockio-weight'
  | 'tasks'
  | 'oom-score'
  | 'nice'
  | 'rlimit'
  | 'enum'
  | 'command'
  | 'environment'
  | 'environment-file'
  | 'calendar'
  | 'socket'
  | 'unit-list'
  | 'path'
  | 'string'
  | 'install-list'
  | 'syscall-filter';

export interface Directive {
  readonly section: string;
  readonly key: string;
  readonly parser: string;
  /** First release we saw it in (247 means 247 or older). */
  readonly since: number;
  /** Last release that had it, when it is gone from the newest table. */
  readonly removedAfter: number | undefined;
  /** `legacy`: accepted but ignored ("has been removed"); `unsupported`: compiled out. */
  readonly status: 'legacy' | 'unsupported' | '';
  readonly kind: ValueKind;
  /** Lists append and reset on an empty assignment; single values: the last one wins. */
  readonly list: boolean;
}

const KIND_BY_PARSER: Readonly<Record<string, ValueKind>> = {
  bool: 'boolean',
  tristate: 'boolean',
  sec: 'timespan',
  sec_fix_0: 'timespan',
  service_timeout: 'timespan',
  service_timeout_abort: 'timespan',
  sec_def_infinity: 'timespan',
  sec_def_unset: 'timespan',
  memory_limit: 'memory',
  iec_size: 'size',
  iec_uint64: 'size',
  cpu_quota: 'percent',
  cg_cpu_weight: 'cpu-weight',
  cg_weight: 'io-weight',
  cpu_shares: 'cpu-shares',
  blockio_weight: 'blockio-weight',
  tasks_max: 'tasks',
  exec_oom_score_adjust: 'oom-score',
  exec_nice: 'nice',
  rlimit: 'rlimit',
  exec: 'command',
  environ: 'environment',
  unit_env_file: 'environment-file',
  socket_listen: 'socket',
  unit_deps: 'unit-list',
  NULL: 'install-list',
  syscall_filter: 'syscall-filter',
  unit_path_printf: 'path',
  working_directory: 'path',
  service_type: 'enum',
  service_restart: 'enum',
  kill_mode: 'enum',
  notify_access: 'enum',
  oom_policy: 'enum',
  exec_output: 'enum',
  exec_input: 'enum',
  protect_system: 'enum',
  protect_home: 'enum',
  emergency_action: 'enum',
  job_mode: 'enum',
  collect_mode: 'enum',
  service_exit_type: 'enum',
  service_restart_mode: 'enum',
  exec_keyring_mode: 'enum',
  protect_proc: 'enum',
  proc_subset: 'enum',
};

const LIST_PARSERS = new Set([
  'unit_mounts_for',
  'set_status',
  'exit_status',
  'user_group_strv_compat',
  'unit_path_strv_printf',
  'allowed_cpuset',
  'temporary_filesystems',
  'extension_images',
  'mount_images',
  'cgroup_socket_bind',
  'nft_set',
  'open_file',
  'ip_filter_bpf_progs',
  'bpf_foreign_program',
  'import_credential',
  'exec_cpu_affinity',
  'exec',
  'environ',
  'unit_env_file',
  'unit_deps',
  'socket_listen',
  'syscall_filter',
  'NULL',
  'pass_environ',
  'unset_environ',
  'namespace_path_strv',
  'bind_paths',
  'documentation',
  'set_credential',
  'load_credential',
  'unit_condition_path',
  'unit_condition_string',
  'timer',
  'path_spec',
  'exec_directories',
  'in_addr_prefixes',
  'device_allow',
  'io_limit',
  'io_device_weight',
  'exec_cpu_affinity',
  'capability_set',
  'restrict_filesystems',
  'restrict_network_interfaces',
  'address_families',
  'syscall_archs',
  'log_extra_fields',
  'log_filter_patterns',
]);

const TABLE = new Map<string, Directive>();
/** Section → key → directive, so lookups need no string building (rules ask for every assignment). */
const BY_SECTION = new Map<string, Map<string, Directive>>();
for (const [id, parser, since, last, status] of DIRECTIVE_ROWS) {
  const dot = id.indexOf('.');
  const section = id.slice(0, dot);
  const key = id.slice(dot + 1);
  const kind: ValueKind = key === 'OnCalendar' ? 'calendar' : (KIND_BY_PARSER[parser] ?? 'string');
  const d: Directive = {
    section,
    key,
    parser,
    since,
    removedAfter: last === 0 ? undefined : last,
    status: status as Directive['status'],
    kind,
    list: LIST_PARSERS.has(parser) || parser.endsWith('_strv') || /^(Condition|Assert)/.test(key),
  };
  TABLE.set(id, d);
  let keys = BY_SECTION.get(section);
  if (keys === undefined) BY_SECTION.set(section, (keys = new Map<string, Directive>()));
  keys.set(key, d);
}

/**
 * When systemd added a directive: `annotated` from the man pages ("Added in version N."), `old` when the page has
 * no annotation (long-standing), `after` when only the 247/252/257 source tables know it (added after 247, present
 * in `presentIn`), undefined when nothing says.
 */
export type AddedIn =
  | { readonly kind: 'annotated'; readonly version: number }
  | { readonly kind: 'old' }
  | { readonly kind: 'after'; readonly after: number; readonly presentIn: number };

export function addedIn(d: Directive): AddedIn | undefined {
  const v = DIRECTIVE_ADDED_IN[`${d.section}.${d.key}`];
  if (v !== undefined) return v === 0 ? { kind: 'old' } : { kind: 'annotated', version: v };
  return d.since > 247 ? { kind: 'after', after: 247, presentIn: d.since } : undefined;
}

/** True only when a host with this systemd version is known to ignore the directive; unknown is never "ignores". */
export function unknownTo(d: Directive, hostVersion: number): boolean {
  const a = addedIn(d);
  if (a === undefined || a.kind === 'old') return false;
  return a.kind === 'annotated' ? a.version > hostVersion : hostVersion <= a.after;
}

/** For hover and messages: `Added in systemd 231`, `Added after systemd 247 (present in 252)`. */
export function addedInText(d: Directive): string | undefined {
  const a = addedIn(d);
  if (a === undefined) return undefined;
  switch (a.kind) {
    case 'annotated':
      return `Added in systemd ${a.version}`;
    case 'old':
      return 'Long-standing: documented before systemd annotated versions (v183)';
    case 'after':
      return `Added after systemd ${a.after} (present in ${a.presentIn})`;
  }
}

/** User-manager unit folders (systemd.unit(5) "User Unit Search Path"): such units run as the user who owns the manager. */
const USER_UNIT_DIR =
  /(^|[\\/])(\.config[\\/]systemd[\\/]user|etc[\\/]systemd[\\/]user|(usr[\\/](local[\\/])?)?lib[\\/]systemd[\\/]user|share[\\/]systemd[\\/]user)([\\/]|$)/;

export function isUserUnitPath(file: string): boolean {
  return USER_UNIT_DIR.test(file);
}

export function directive(section: string, key: string): Directive | undefined {
  return BY_SECTION.get(section)?.get(key);
}

/** The sections (of those the unit type reads) in which a key is known. */
export function sectionsKnowing(key: string, unitType: UnitType): string[] {
  return (UNIT_SECTIONS[unitType] ?? []).filter((s) => BY_SECTION.get(s)?.has(key) === true);
}

export function keysOf(section: string): Directive[] {
  return [...(BY_SECTION.get(section)?.values() ?? [])];
}

export function unitTypeOf(fileName: string): UnitType | undefined {
  const m = /\.([a-z]+)(\.d\/[^/]*\.conf)?$/.exec(fileName.replace(/\\/g, '/'));
  const t = m?.[1];
  return t !== undefined && (UNIT_TYPES as readonly string[]).includes(t) ? (t as UnitType) : undefined;
}

/** Enumerated values (systemd 257 string tables). */
export const ENUMS: Readonly<Record<string, readonly string[]>> = {
  service_type: ['simple', 'forking', 'oneshot', 'dbus', 'notify', 'notify-reload', 'idle', 'exec'],
  service_restart: ['no', 'on-success', 'on-failure', 'on-abnormal', 'on-watchdog', 'on-abort', 'always'],
  service_restart_mode: ['normal', 'direct', 'debug'],
  service_exit_type: ['main', 'cgroup'],
  notify_access: ['none', 'main', 'exec', 'all'],
  kill_mode: ['control-group', 'process', 'mixed', 'none'],
  oom_policy: ['continue', 'stop', 'kill'],
  exec_output: [
    'inherit',
    'null',
    'tty',
    'journal',
    'kmsg',
    'journal+console',
    'kmsg+console',
    'socket',
    'syslog',
    'syslog+console',
  ],
  exec_input: ['null', 'tty', 'tty-force', 'tty-fail', 'data', 'socket'],
  protect_system: ['no', 'yes', 'full', 'strict', 'true', 'false', '1', '0', 'on', 'off'],
  protect_home: ['no', 'yes', 'read-only', 'tmpfs', 'true', 'false', '1', '0', 'on', 'off'],
  protect_proc: ['default', 'noaccess', 'invisible', 'ptraceable'],
  proc_subset: ['all', 'pid'],
  exec_keyring_mode: ['inherit', 'private', 'shared'],
  collect_mode: ['inactive', 'inactive-or-failed'],
  job_mode: [
    'fail',
    'replace',
    'replace-irreversibly',
    'isolate',
    'flush',
    'ignore-dependencies',
    'ignore-requirements',
    'triggering',
    'restart-dependencies',
  ],
  emergency_action: [
    'none',
    'exit',
    'exit-force',
    'reboot',
    'reboot-force',
    'reboot-immediate',
    'poweroff',
    'poweroff-force',
    'poweroff-immediate',
    'soft-reboot',
    'soft-reboot-force',
    'kexec',
    'kexec-force',
    'halt',
    'halt-force',
    'halt-immediate',
  ],
};

/** Versions in which enum values appeared, where newer than our oldest table. */
export const ENUM_VALUE_SINCE: Readonly<Record<string, number>> = {
  'service_type:notify-reload': 253,
  'service_restart_mode:debug': 257,
};

export interface Deprecation {
  readonly replacement: string;
  /** A cgroup v1 setting whose v2 twin is `replacement`: both can stand, each hierarchy reads its own. */
  readonly cgroupV1?: boolean;
  /** Where the replacement goes, when it is another section. */
  readonly section?: string;
  readonly why: string;
  /** Converts the old value to the new one, when the scale differs. */
  readonly convert?: (value: string) => string | undefined;
}

const scale =
  (from: number, to: number, min: number, max: number) =>
  (v: string): string | undefined => {
    const n = Number(v.trim());
    if (!Number.isInteger(n)) return undefined;
    return String(Math.min(max, Math.max(min, Math.round((n * to) / from))));
  };

/** Directive → what to use instead (systemd.exec(5), systemd.resource-control(5) and the deprecation notes in NEWS). Key is `Section.Key`. */
export const DEPRECATIONS: Readonly<Record<string, Deprecation>> = {
  MemoryLimit: {
    cgroupV1: true,
    replacement: 'MemoryMax',
    why: 'cgroup v1 setting, deprecated since 252 and ignored from 258 (the service then has no memory cap)',
  },
  CPUShares: {
    cgroupV1: true,
    replacement: 'CPUWeight',
    why: 'cgroup v1 setting, deprecated since 252 and ignored from 258',
    convert: scale(1024, 100, 1, 10000),
  },
  StartupCPUShares: {
    cgroupV1: true,
    replacement: 'StartupCPUWeight',
    why: 'cgroup v1 setting, deprecated since 252 and ignored from 258',
    convert: scale(1024, 100, 1, 10000),
  },
  BlockIOWeight: {
    cgroupV1: true,
    replacement: 'IOWeight',
    why: 'cgroup v1 setting, deprecated since 252 and ignored from 258',
    convert: scale(500, 100, 1, 10000),
  },
  StartupBlockIOWeight: {
    cgroupV1: true,
    replacement: 'StartupIOWeight',
    why: 'cgroup v1 setting, deprecated since 252 and ignored from 258',
    convert: scale(500, 100, 1, 10000),
  },
  BlockIOAccounting: {
    cgroupV1: true,
    replacement: 'IOAccounting',
    why: 'cgroup v1 setting, deprecated since 252 and ignored from 258',
  },
  BlockIODeviceWeight: {
    cgroupV1: true,
    replacement: 'IODeviceWeight',
    why: 'cgroup v1 setting, deprecated since 252 and ignored from 258',
  },
  BlockIOReadBandwidth: {
    cgroupV1: true,
    replacement: 'IOReadBandwidthMax',
    why: 'cgroup v1 setting, deprecated since 252 and ignored from 258',
  },
  BlockIOWriteBandwidth: {
    cgroupV1: true,
    replacement: 'IOWriteBandwidthMax',
    why: 'cgroup v1 setting, deprecated since 252 and ignored from 258',
  },
  StartLimitInterval: {
    replacement: 'StartLimitIntervalSec',
    section: 'Unit',
    why: 'renamed and moved to [Unit] in 229/230; only a legacy alias',
  },
  PermissionsStartOnly: { replacement: 'the + prefix on ExecStartPre=/ExecStartPost=', why: 'deprecated since 240' },
  ReadWriteDirectories: { replacement: 'ReadWritePaths', why: 'renamed in 231' },
  ReadOnlyDirectories: { replacement: 'ReadOnlyPaths', why: 'renamed in 231' },
  InaccessibleDirectories: { replacement: 'InaccessiblePaths', why: 'renamed in 231' },
  BindTo: { replacement: 'BindsTo', why: 'old alias' },
  PropagateReloadTo: { replacement: 'PropagatesReloadTo', why: 'old alias' },
  PropagateReloadFrom: { replacement: 'ReloadPropagatedFrom', why: 'old alias' },
  OnFailureIsolate: { replacement: 'OnFailureJobMode', why: 'deprecated alias' },
};

/** [Service] keys that systemd still accepts there for compatibility but that belong in [Unit]. */
/** cgroup v2 setting → its cgroup v1 twin (MemoryMax → MemoryLimit, CPUWeight → CPUShares…). */
export const CGROUP_V1_TWIN: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(DEPRECATIONS)
    .filter(([, d]) => d.cgroupV1 === true)
    .map(([v1, d]) => [d.replacement, v1]),
);

export const SERVICE_COMPAT_UNIT_KEYS = [
  'StartLimitBurst',
  'StartLimitAction',
  'FailureAction',
  'RebootArgument',
  'StartLimitInterval',
];

/** Known specifiers (systemd.unit(5), 257); `%%` is a literal percent. */
export const SPECIFIERS = 'nNpPiIjJfyYCdDELStgGuUhsHlqmbaABMowWTVv%';
export const DEPRECATED_SPECIFIERS = 'crR';

export const MAN_PAGE: Readonly<Record<string, string>> = {
  Unit: 'systemd.unit',
  Install: 'systemd.unit',
  Service: 'systemd.service',
  Socket: 'systemd.socket',
  Timer: 'systemd.timer',
  Path: 'systemd.path',
  Mount: 'systemd.mount',
  Automount: 'systemd.automount',
  Swap: 'systemd.swap',
  Slice: 'systemd.resource-control',
  Scope: 'systemd.scope',
};
