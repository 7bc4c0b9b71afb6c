// Owns GoModule: what surfaces hand rules about the Go module a file belongs to (its go.mod, read once).
import type { GoMod } from './parse';

export interface GoModule {
  /** Absolute path of the go.mod. */
  readonly goModPath: string;
  /** The go.mod's URI, for related information. */
  readonly uri: string;
  readonly mod: GoMod;
  /** How the file is tied to the module, for messages: `the go.mod above the Dockerfile`, `it builds \`api\``. */
  readonly link: string;
  /**
   * Why we think the module's program tells systemd it is ready (a require of an sd_notify library, or its own code
   * naming NOTIFY_SOCKET), or undefined when nothing does. Computed on first call: it may read the module's sources.
   */
  sdNotify(): string | undefined;
}

/** Modules whose code sends sd_notify(3) messages (module path prefixes, any major version). */
export const SD_NOTIFY_MODULES: readonly string[] = [
  'github.com/coreos/go-systemd',
  'github.com/okzk/sdnotify',
  'github.com/iguanesolutions/go-systemd',
  'github.com/mdlayher/sdnotify',
];

/** The first require of a known sd_notify library, direct or indirect (indirect ones are in the build list too). */
export function sdNotifyRequire(mod: GoMod): string | undefined {
  return mod.requires.find((r) => SD_NOTIFY_MODULES.some((m) => r.path === m || r.path.startsWith(`${m}/`)))?.path;
}
