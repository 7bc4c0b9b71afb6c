// Owns GDL217: EnvironmentFile= paths that are not absolute.
import { defineRule } from '../rule';

export const environmentfileNotAbsolute = defineRule({
  id: 'GDL217',
  name: 'environmentfile-not-absolute',
  language: 'systemd',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'EnvironmentFile= path is relative',
    what: 'Reports an `EnvironmentFile=` whose path (after an optional `-`) does not start with `/`.',
    why: 'systemd refuses it at load time ("EnvironmentFile= path is not absolute, ignoring") and none of its variables reach the service.',
    example: '[Service]\nEnvironmentFile=api.env\nExecStart=/usr/local/bin/api\n',
    useInstead: '[Service]\nEnvironmentFile=/etc/default/api\nExecStart=/usr/local/bin/api\n',
    exampleFile: 'api.service',
  },
  check({ file }, report) {
    for (const a of file.assignments) {
      if (a.key.text !== 'EnvironmentFile' || a.section === undefined) continue;
      const v = a.value.text.trim();
      const p = v.startsWith('-') ? v.slice(1) : v;
      if (p === '' || p.startsWith('/') || p.startsWith('%')) continue;
      report({
        range: a.value.range,
        message: `\`${p}\` is not an absolute path: systemd ignores this EnvironmentFile=`,
      });
    }
  },
});
