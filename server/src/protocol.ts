// Owns the names shared by client and server: command ids, custom methods, the code action kind.
export const EXTENSION_ID = 'goDeployLint';

export const Commands = {
  /** Opens a rule's documentation page; argument: the doc page URI. */
  showRuleDocumentation: 'goDeployLint.showRuleDocumentation',
  /** Scans hosts; optional argument `{ hosts: (string | null)[], sshConfig?: string }` (null: this machine) skips the picker. */
  scanHost: 'goDeployLint.scanHost',
  /**
   * Scans the hosts of an Ansible inventory through Ansible; optional argument `{ inventory?: string, limit?: string }`
   * skips the file picker and the host picker.
   */
  scanInventory: 'goDeployLint.scanInventory',
  showHostReport: 'goDeployLint.showHostReport',
  restartServer: 'goDeployLint.restartServer',
} as const;

/** The documents the server analyses, by VS Code language id. */
export const LANGUAGE_IDS = [
  'dotenv',
  'systemd-unit',
  'binfmt',
  'dockerfile',
  'shellscript',
  'host-report',
  'compose',
  'kubernetes',
  'quadlet',
] as const;
export type LanguageId = (typeof LANGUAGE_IDS)[number];

/** The languages of documents the client syncs to the server (probe output goes through ANALYZE_HOST_REPORT). */
export const SYNCED_LANGUAGE_IDS = LANGUAGE_IDS.filter(
  (l): l is Exclude<LanguageId, 'host-report' | 'compose' | 'kubernetes'> =>
    l !== 'host-report' && l !== 'compose' && l !== 'kubernetes',
);

/**
 * Compose files by name (the names `docker compose` looks for, their override variants, and `*.compose.yaml`):
 * linted whatever language the editor gives them (yaml, or the Docker extension's dockercompose).
 */
export const COMPOSE_FILE_PATTERNS = [
  '**/{compose,docker-compose}.{yml,yaml}',
  '**/{compose,docker-compose}.*.{yml,yaml}',
  '**/docker-compose*.{yml,yaml}',
  '**/*.compose.{yml,yaml}',
] as const;

/** Top-level `apiVersion:` and `kind:` in some document of a YAML stream: a Kubernetes manifest. */
export function isKubernetesManifest(text: string): boolean {
  return /^apiVersion:[ \t]*\S/m.test(text) && /^kind:[ \t]*\S/m.test(text);
}

/** A Compose file name, as COMPOSE_FILE_PATTERNS match it. */
export function isComposeFileName(base: string): boolean {
  return /^(compose|docker-compose)(\..+)?\.ya?ml$|^docker-compose.*\.ya?ml$|\.compose\.ya?ml$/.test(base);
}

/** systemd unit types, which are also the unit files' extensions (systemd.unit(5)). */
export const UNIT_TYPES = [
  'service',
  'socket',
  'timer',
  'path',
  'mount',
  'automount',
  'swap',
  'target',
  'slice',
  'scope',
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

/**
 * Files linted whatever language id the editor gave them (another extension may claim `.service` as
 * `systemd-conf`, or leave an extension-less env file as plain text): the server decides by path.
 */
export const SELECTED_FILE_PATTERNS = [
  `**/*.{${UNIT_TYPES.join(',')}}`,
  `**/*.{${UNIT_TYPES.join(',')}}.d/*.conf`,
  '**/binfmt.d/*',
  '**/binfmts/*',
  ...COMPOSE_FILE_PATTERNS,
] as const;

/** A scan's probe output is shown under this URI scheme, as `<scheme>:/<host>.<extension>` (saved copies keep the extension). */
export const HOST_REPORT_SCHEME = 'go-deploy-lint-host-report';
export const HOST_REPORT_EXTENSION = 'gdlprobe';

/** The URI a host's probe output is shown under (and its Problems belong to). */
export function hostReportUri(host: string): string {
  return `${HOST_REPORT_SCHEME}:/${encodeURIComponent(host)}.${HOST_REPORT_EXTENSION}`;
}

/** The host a probe output URI's path stands for (the inverse of hostReportUri). */
export function hostOfReportPath(uriPath: string): string {
  return decodeURIComponent(uriPath.replace(/^\//, '').replace(new RegExp(`\\.${HOST_REPORT_EXTENSION}$`), ''));
}

export const FIX_ALL_KIND = 'source.fixAll.goDeployLint';

export const SOURCE = 'go-deploy-lint';

/** Custom requests and notifications (`goDeployLint/<name>`). */
export const Methods = {
  /** Server → client, once: a problem the user should see (e.g. invalid settings). */
  showWarning: 'goDeployLint/showWarning',
} as const;

/** Custom request: the client hands a scan's probe output to the server, which returns findings and a report. */
export const ANALYZE_HOST_REPORT = 'goDeployLint/analyzeHostReport';

export interface AnalyzeHostReportParams {
  readonly host: string;
  readonly output: string;
}

export interface HostReportResult {
  readonly host: string;
  /** URI of the probe output shown as a document. */
  readonly uri: string;
  /** Diagnostics per document: the probe output first, then workspace files the findings concern. */
  readonly files: readonly {
    readonly uri: string;
    readonly diagnostics: readonly import('vscode-languageserver-types').Diagnostic[];
  }[];
  readonly markdown: string;
  readonly complete: boolean;
}

/** Custom request: the client hands an inventory scan's outputs to the server, which returns the fleet report. */
export const ANALYZE_FLEET = 'goDeployLint/analyzeFleet';

export interface AnalyzeFleetParams {
  /** In inventory order: each host's probe output, or why it has none. */
  readonly hosts: readonly { readonly host: string; readonly output?: string; readonly problem?: string }[];
}

export interface FleetResult {
  /** The fleet report; hosts link to `hosts/<host>.md`, rules to `<rule page>.md`, charts are data URIs. */
  readonly markdown: string;
  /** The hosts that answered, as for one host. */
  readonly hosts: readonly HostReportResult[];
  /** The hosts without a report and why. */
  readonly failures: readonly { readonly host: string; readonly problem: string }[];
}

/** Where the editor shows a host's report inside the fleet report (relative to it). */
export function fleetHostPage(host: string): string {
  return `hosts/${encodeURIComponent(host)}.md`;
}

export interface ScanTarget {
  /** An ssh destination (`user@host`, an ~/.ssh/config alias), or undefined for this machine. */
  readonly host: string | undefined;
  readonly binaries?: readonly string[];
  readonly units?: readonly string[];
  /** ssh_config file to use instead of ~/.ssh/config. */
  readonly sshConfig?: string;
  readonly connectTimeoutSeconds?: number;
  /** The probe stops its whole process group on the host after this many seconds (`-t`). */
  readonly deadlineSeconds?: number;
}

/** The probe's own deadline for a scan the caller stops after timeoutMs: two seconds earlier, so the host side ends first. */
export function remoteDeadlineSeconds(timeoutMs: number): number {
  return Math.max(1, Math.floor(timeoutMs / 1000) - 2);
}

/** Quotes one word for the remote POSIX shell that ssh hands the command line to. */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, "'\\''")}'`;
}

/**
 * The process to run for a scan, as an argument array (never a shell string built from user input): ssh with batch
 * mode, a connect timeout and `--` before the destination, running `sh -s` with the probe on stdin.
 */
export function scanCommand(target: ScanTarget): { command: string; args: string[] } {
  const probeArgs = [
    ...(target.deadlineSeconds !== undefined ? ['-t', String(Math.max(1, Math.floor(target.deadlineSeconds)))] : []),
    ...(target.binaries ?? []).flatMap((b) => ['-b', b]),
    ...(target.units ?? []).flatMap((u) => ['-u', u]),
  ];
  if (target.host === undefined) return { command: 'sh', args: ['-s', '--', ...probeArgs] };
  if (target.host === '' || /[\s\0]/.test(target.host))
    throw new Error(`invalid ssh destination ${JSON.stringify(target.host)}`);
  return {
    command: 'ssh',
    args: [
      '-o',
      'BatchMode=yes',
      '-o',
      `ConnectTimeout=${target.connectTimeoutSeconds ?? 10}`,
      '-T',
      ...(target.sshConfig !== undefined ? ['-F', target.sshConfig] : []),
      '--',
      target.host,
      // ssh joins the remote command into one string for the remote shell: every word is quoted.
      ['sh', '-s', '--', ...probeArgs].map(shellQuote).join(' '),
    ],
  };
}
