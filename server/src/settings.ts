// Owns the settings schema (one zod schema) and is the sole reader of raw settings.
import { z } from 'zod';
import { ENV_DIALECTS } from './parsers/dotenv/dialects';
import { QEMU_ARCHES } from './knowledge/qemu-binfmt';

export const RULE_LEVELS = ['off', 'error', 'warning', 'information', 'hint'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

/** `uname -m` values GDL321 knows: the architectures of qemu's binfmt table (empty: unknown). */
export const HOST_ARCHES: readonly [string, ...string[]] = ['', ...QEMU_ARCHES.map((q) => q.arch)];

/** Every key with its default and description; package.json `contributes.configuration` must match (tested). */
export const settingsSchema = z.object({
  rules: z
    .record(z.string().regex(/^GDL\d{3}$/), z.enum(RULE_LEVELS))
    .default({})
    .describe('Severity per rule code, e.g. {"GDL101": "off", "GDL120": "warning"}.'),
  envDialects: z
    .record(z.string(), z.enum(ENV_DIALECTS))
    .default({})
    .describe(
      'Glob (matched against the workspace-relative path, or the file name when it has no slash) → env dialect.',
    ),
  goVersion: z
    .string()
    .regex(/^$|^\d+\.\d+(\.\d+)?$/)
    .default('')
    .describe('Go version to assume when no go.mod is found, e.g. "1.24". Empty: the latest stable Go.'),
  systemdVersion: z
    .number()
    .int()
    .min(200)
    .max(400)
    .default(252)
    .describe('systemd version of the target hosts (252 = Debian 12).'),
  hostArch: z
    .enum(HOST_ARCHES)
    .default('')
    .describe('Architecture of the hosts that load binfmt_misc registrations (uname -m). Empty: unknown.'),
  pathMappings: z
    .record(z.string().regex(/^\//), z.string())
    .default({})
    .describe(
      'Absolute path prefix on the target hosts → folder in the workspace that holds those files, e.g. {"/etc/default": "deploy/default"}. Without a mapping, each workspace folder (and the root above an etc/systemd/system folder) stands for /.',
    ),
  maxFileSizeMB: z
    .number()
    .min(1)
    .max(64)
    .default(8)
    .describe(
      'Files larger than this (in MB) are not analysed in the editor (a note says so) nor by the CLI (--max-file-size-mb). At most 64: analysis needs about 45 bytes of memory per byte of text.',
    ),
  reportUnusedSuppressions: z
    .boolean()
    .default(false)
    .describe('Report `# go-deploy-lint ignore=` comments that suppress nothing (GDL003).'),
  hostChecks: z
    .object({
      concurrency: z.number().int().min(1).max(32).default(4).describe('How many hosts "Scan Host…" probes at once.'),
      timeoutSeconds: z
        .number()
        .int()
        .min(5)
        .max(600)
        .default(60)
        .describe('A host scan that takes longer is stopped.'),
      sshConfig: z
        .string()
        .default('')
        .describe('ssh_config file whose Host entries "Scan Host…" offers and ssh uses (-F). Empty: ~/.ssh/config.'),
      binaries: z
        .array(z.string())
        .default([])
        .describe(
          'Paths of deployed binaries on the hosts whose ELF header the probe reads (arch, interpreter, GLIBC versions).',
        ),
      units: z.array(z.string()).default([]).describe('Units whose systemctl show properties the probe reads.'),
    })
    .default({ concurrency: 4, timeoutSeconds: 60, sshConfig: '', binaries: [], units: [] }),
  trace: z
    .object({
      server: z
        .enum(['off', 'messages', 'verbose'])
        .default('off')
        .describe('Traces the communication between VS Code and the Go Deploy Lint server.'),
    })
    .default({ server: 'off' }),
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
