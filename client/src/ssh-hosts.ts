// Owns reading ssh destinations: Host names of an ssh_config file and what the picker accepts. No vscode import.
import type * as SshConfigModule from 'ssh-config' with { 'resolution-mode': 'import' };

// The package ships CommonJS for require() but declares only its ES module types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const SSHConfig = require('ssh-config') as typeof SshConfigModule;

/** Concrete `Host` names of an ssh_config file (patterns with wildcards or negation are not hosts). */
export function sshConfigHosts(text: string, include?: (path: string) => string[]): string[] {
  const out: string[] = [];
  let parsed: ReturnType<typeof SSHConfig.parse>;
  try {
    parsed = SSHConfig.parse(text);
  } catch {
    return out;
  }
  // Lines after `Host`/`Match` are that section's children: an Include there is read too.
  const visit = (lines: readonly unknown[]): void => {
    for (const line of lines as ReturnType<typeof SSHConfig.parse>) {
      if (!('param' in line)) continue;
      const param = line.param.toLowerCase();
      if (param === 'host' || param === 'include') {
        const values = typeof line.value === 'string' ? line.value.split(/\s+/) : line.value.map((v) => v.val);
        const names = param === 'host' ? values : include === undefined ? [] : values.flatMap(include);
        for (const v of names) if (v !== '' && !/[*?!]/.test(v) && !out.includes(v)) out.push(v);
      }
      if ('config' in line && Array.isArray(line.config)) visit(line.config);
    }
  };
  visit(parsed);
  return out;
}

/** What reading an ssh_config tree needs from the file system (injected: tests use a temporary folder). */
export interface ConfigFiles {
  readonly home: string;
  read(file: string): string | undefined;
  /** Names in a folder, or none. */
  list(dir: string): string[];
}

/** ssh's limit on nested Include (readconf.c READCONF_MAX_DEPTH). */
const MAX_INCLUDE_DEPTH = 16;

/**
 * Host names of an ssh_config file and of the files its `Include` lines name, as ssh reads them: `~` is the home
 * folder, a relative path is under `~/.ssh` (`/etc/ssh` for a file there), and `*`/`?` in the last part are
 * expanded in sorted order (glob(3)).
 */
export function sshConfigHostsOf(file: string, fsi: ConfigFiles, depth = 0): string[] {
  const text = fsi.read(file);
  if (text === undefined || depth > MAX_INCLUDE_DEPTH) return [];
  const base = file.startsWith('/etc/ssh/') ? '/etc/ssh' : `${fsi.home}/.ssh`;
  const include = (pattern: string): string[] => {
    const expanded = pattern.startsWith('~/') ? `${fsi.home}${pattern.slice(1)}` : pattern;
    const full = expanded.startsWith('/') ? expanded : `${base}/${expanded}`;
    const slash = full.lastIndexOf('/');
    const dir = full.slice(0, slash);
    const name = full.slice(slash + 1);
    const files = /[*?[]/.test(name)
      ? fsi
          .list(dir)
          .filter((n) =>
            new RegExp(
              `^${name
                .replace(/[.+^${}()|\\]/g, '\\$&')
                .replace(/\*/g, '[^/]*')
                .replace(/\?/g, '[^/]')}$`,
            ).test(n),
          )
          .sort()
          .map((n) => `${dir}/${n}`)
      : [full];
    return files.flatMap((f) => sshConfigHostsOf(f, fsi, depth + 1));
  };
  return sshConfigHosts(text, include);
}

/** ssh destinations the picker accepts: no spaces, no leading dash, no control characters. */
export function validDestination(value: string): string | undefined {
  if (value.trim() === '') return 'Enter an ssh destination such as deploy@web-1 or an ~/.ssh/config alias';

  if (/[\s\x00-\x1f\x7f]/.test(value)) return 'An ssh destination has no spaces or control characters';
  if (value.startsWith('-')) return 'An ssh destination cannot start with "-"';
  return undefined;
}
