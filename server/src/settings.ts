// Owns the settings schema (one zod schema) and is the sole reader of raw settings.
import * as z from 'zod/mini';
import { ENV_DIALECTS } from './parsers/dotenv/dialects';
import { QEMU_ARCHES } from './knowledge/qemu-binfmt';

export const RULE_LEVELS = ['off', 'error', 'warning', 'information', 'hint'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

/** `uname -m` values GDL321 knows: the architectures of qemu's binfmt table (empty: unknown). */
export const HOST_ARCHES: readonly [string, ...string[]] = ['', ...QEMU_ARCHES.map((q) => q.arch)];

/** What each value of an enum setting means, shown under the value in the Settings editor (manifest: enumDescriptions). */
export const ENUM_DESCRIPTIONS: Readonly<Record<string, readonly string[]>> = {
  hostArch: HOST_ARCHES.map((a) => {
    const q = QEMU_ARCHES.find((x) => x.arch === a);
    return a === ''
      ? "Unknown: GDL321 (a registration for the host's own architecture) stays silent."
      : `Hosts whose \`uname -m\` is \`${q?.uname ?? a}\`.`;
  }),
  'trace.server': [
    'No trace.',
    'Each message sent and received.',
    'Each message with its content (values are redacted).',
  ],
  rules: [
    'The rule does not run.',
    'Shown as an error; the CLI exits 1 by default.',
    'Shown as a warning.',
    'Shown as information.',
    'Shown as a hint (faded, no Problems entry in VS Code).',
  ],
  envDialects: [
    'dotenv (Node): no expansion, inline comments after a space.',
    'dotenv-expand: dotenv plus ${VAR} expansion.',
    'Docker Compose env_file: quotes and ${VAR} expansion in file order.',
    'docker --env-file: each line literally, no quotes, no comments after values.',
    'systemd EnvironmentFile=: shell-like quotes, no expansion, `export` is not a keyword.',
    'godotenv (Go): quotes, ${VAR} expansion, inline comments.',
    "The go command's env files (go.env, ~/.config/go/env): each line literally.",
  ],
};

/** A described default: zod/mini keeps the same JSON schema as the full zod at a fraction of its size. */
const withDefault = <T extends z.ZodMiniType>(schema: T, value: z.infer<T>, description?: string) => {
  const d = z._default(schema, value as never);
  return description === undefined ? d : d.check(z.describe(description));
};

/** Every key with its default and description; package.json `contributes.configuration` must match (tested). */
export const settingsSchema = z.object({
  rules: withDefault(
    z.record(z.string().check(z.regex(/^GDL\d{3}$/)), z.enum(RULE_LEVELS)),
    {},
    'Severity per rule code, e.g. {"GDL101": "off", "GDL120": "warning"}.',
  ),
  envDialects: withDefault(
    z.record(z.string(), z.enum(ENV_DIALECTS)),
    {},
    'Glob (matched against the workspace-relative path, or the file name when it has no slash) → env dialect.',
  ),
  goVersion: withDefault(
    z.string().check(z.regex(/^$|^\d+\.\d+(\.\d+)?$/)),
    '',
    'Go version to assume when no go.mod is found, e.g. "1.24". Empty: the latest stable Go.',
  ),
  systemdVersion: withDefault(
    z.int().check(z.minimum(200), z.maximum(400)),
    252,
    'systemd version of the target hosts (252 = Debian 12).',
  ),
  hostArch: withDefault(
    z.enum(HOST_ARCHES),
    '',
    'Architecture of the hosts that load binfmt_misc registrations (uname -m). Empty: unknown.',
  ),
  pathMappings: withDefault(
    z.record(z.string().check(z.regex(/^\//)), z.string()),
    {},
    'Absolute path prefix on the target hosts → folder in the workspace that holds those files, e.g. {"/etc/default": "deploy/default"}. Without a mapping, each workspace folder (and the root above an etc/systemd/system folder) stands for /.',
  ),
  maxFileSizeMB: withDefault(
    z.number().check(z.minimum(1), z.maximum(64)),
    8,
    'Files larger than this (in MB) are not analysed in the editor (a note says so) nor by the CLI (--max-file-size-mb). At most 64: analysis needs about 45 bytes of memory per byte of text.',
  ),
  reportUnusedSuppressions: withDefault(
    z.boolean(),
    false,
    'Report `# go-deploy-lint ignore=` comments that suppress nothing (GDL003).',
  ),
  hostChecks: withDefault(
    z.object({
      concurrency: withDefault(
        z.int().check(z.minimum(1), z.maximum(32)),
        4,
        'How many hosts "Scan Host…" probes at once, and Ansible\'s forks for "Scan Inventory…".',
      ),
      timeoutSeconds: withDefault(
        z.int().check(z.minimum(5), z.maximum(600)),
        60,
        'A host scan that takes longer is stopped.',
      ),
      sshConfig: withDefault(
        z.string(),
        '',
        'ssh_config file whose Host entries "Scan Host…" offers and ssh uses (-F). Empty: ~/.ssh/config.',
      ),
      binaries: withDefault(
        z.array(z.string()),
        [],
        'Paths of deployed binaries on the hosts whose ELF header the probe reads (arch, interpreter, GLIBC versions).',
      ),
      units: withDefault(z.array(z.string()), [], 'Units whose systemctl show properties the probe reads.'),
      inventory: withDefault(
        z.string(),
        '',
        'Ansible inventory that "Scan Inventory…" reads (relative to the first workspace folder). Empty: pick a file.',
      ),
    }),
    { concurrency: 4, timeoutSeconds: 60, sshConfig: '', binaries: [], units: [], inventory: '' },
  ),
  trace: withDefault(
    z.object({
      server: withDefault(
        z.enum(['off', 'messages', 'verbose']),
        'off',
        'Traces the communication between VS Code and the Go Deploy Lint server.',
      ),
    }),
    { server: 'off' },
  ),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

export interface SettingsResult {
  readonly settings: Settings;
  /** One message per invalid key; the key falls back to its default. */
  readonly problems: readonly string[];
}

/** Validates raw settings key by key, so one bad key never discards the others. */
export function readSettings(raw: unknown): SettingsResult {
  const obj = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const problems: string[] = [];
  const picked: Record<string, unknown> = {};
  const shape = settingsSchema.shape;
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    if (obj[key] === undefined || obj[key] === null) continue;
    const result = shape[key].safeParse(obj[key]);
    if (result.success) picked[key] = result.data;
    else problems.push(`goDeployLint.${key}: ${result.error.issues.map((i) => i.message).join('; ')}`);
  }
  return { settings: settingsSchema.parse(picked), problems };
}
