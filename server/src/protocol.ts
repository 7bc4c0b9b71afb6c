// Owns the names shared by client and server: command ids, custom methods, the code action kind.
export const EXTENSION_ID = 'goDeployLint';

export const Commands = {
  /** Opens a rule's documentation page; argument: the doc page URI. */
  showRuleDocumentation: 'goDeployLint.showRuleDocumentation',
  scanHost: 'goDeployLint.scanHost',
  restartServer: 'goDeployLint.restartServer',
} as const;

export const FIX_ALL_KIND = 'source.fixAll.goDeployLint';

export const SOURCE = 'go-deploy-lint';

/** Custom requests and notifications (`goDeployLint/<name>`). */
export const Methods = {
  /** Server → client, once: a problem the user should see (e.g. invalid settings). */
  showWarning: 'goDeployLint/showWarning',
  /** Server → client: files that units name in EnvironmentFile=; the client opens them as env files. */
  referencedEnvFiles: 'goDeployLint/referencedEnvFiles',
} as const;

export interface ReferencedEnvFilesParams {
  readonly uris: readonly string[];
}
