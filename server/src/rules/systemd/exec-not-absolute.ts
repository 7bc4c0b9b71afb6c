// Owns GDL212: Exec* commands given as bare names, looked up in systemd's fixed search path.
import { defineRule } from '../rule';

/** The settings whose first word is the program to run. */
const COMMANDS = [
  'ExecStart',
  'ExecStartPre',
  'ExecStartPost',
  'ExecStop',
  'ExecStopPost',
  'ExecReload',
  'ExecCondition',
];

export const execNotAbsolute = defineRule({
  id: 'GDL212',
  name: 'exec-not-absolute',
  language: 'systemd',
  defaultSeverity: 'warning',
  fixSafety: 'none',
  crossLineKeys: ['ExecSearchPath', ...COMMANDS],
  docs: {
    summary: 'Command is not an absolute path',
    what: 'Reports Exec*= commands (after the `@ - : + !` prefixes) that are bare names. An error when `goDeployLint.systemdVersion` is below 239.',
    why: 'systemd looks bare names up only in its built-in search path (/usr/local/bin, /usr/bin…), not in PATH or Environment=: a binary installed elsewhere fails with "is not executable: No such file or directory". Before 239 a bare name was refused.',
    example: '[Service]\nExecStart=api --listen :8080\n',
    useInstead: '[Service]\nExecStart=/usr/local/bin/api --listen :8080\n',
    exampleFile: 'api.service',
  },
  check({ file, systemdVersion }, report) {
    // ExecSearchPath= (systemd 250) names where bare commands are looked up: the author chose the search path.
    if (file.assignments.some((a) => a.key.text === 'ExecSearchPath' && a.value.text.trim() !== '')) return;
    for (const a of file.assignments) {
      if (!COMMANDS.includes(a.key.text)) continue;
      const first = a.value.words().words[0];
      if (first === undefined) continue;
      const prefix = /^[@\-:+!]*/.exec(first.value)?.[0] ?? '';
      const cmd = first.value.slice(prefix.length);
      if (cmd === '' || cmd.startsWith('/') || cmd.startsWith('$') || cmd.includes('/')) continue;
      const old = systemdVersion < 239;
      // Base system tools are in systemd's search path on every distribution; a custom binary may not be.
      const system =
        /^(sh|bash|dash|sleep|true|false|test|kill|echo|env|cat|rm|mkdir|chown|chmod|ln|touch|mount|umount|flock|logger|systemd-[a-z-]+|systemctl|journalctl|udevadm|loginctl)$/.test(
          cmd,
        );
      report({
        range: a.value.rangeOf(first.start + prefix.length, first.end),
        severity: old ? 'error' : system ? 'information' : 'warning',
        message: old
          ? `\`${cmd}\` is not an absolute path: systemd ${systemdVersion} refuses it (bare names need 239)`
          : `\`${cmd}\` is looked up only in systemd's fixed search path (/usr/local/bin, /usr/bin…); write the absolute path`,
      });
    }
  },
});
