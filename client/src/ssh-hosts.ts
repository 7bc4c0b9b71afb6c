// Owns reading ssh destinations: Host names of an ssh_config file and what the picker accepts. No vscode import.
import type * as SshConfigModule from 'ssh-config' with { 'resolution-mode': 'import' };

// The package ships CommonJS for require() but declares only its ES module types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const SSHConfig = require('ssh-config') as typeof SshConfigModule;

/** Concrete `Host` names of an ssh_config file (patterns with wildcards or negation are not hosts). */
export function sshConfigHosts(text: string): string[] {
  const out: string[] = [];
  let parsed: ReturnType<typeof SSHConfig.parse>;
  try {
    parsed = SSHConfig.parse(text);
  } catch {
    return out;
  }
  for (const line of parsed) {
    if (!('param' in line) || line.param.toLowerCase() !== 'host') continue;
    const values = typeof line.value === 'string' ? line.value.split(/\s+/) : line.value.map((v) => v.val);
    for (const v of values) if (v !== '' && !/[*?!]/.test(v) && !out.includes(v)) out.push(v);
  }
  return out;
}

/** ssh destinations the picker accepts: no spaces, no leading dash, no control characters. */
export function validDestination(value: string): string | undefined {
  if (value.trim() === '') return 'Enter an ssh destination such as deploy@web-1 or an ~/.ssh/config alias';

  if (/[\s\x00-\x1f\x7f]/.test(value)) return 'An ssh destination has no spaces or control characters';
  if (value.startsWith('-')) return 'An ssh destination cannot start with "-"';
  return undefined;
}
