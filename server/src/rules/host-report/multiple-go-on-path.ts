// Owns GDL502: several go binaries on PATH.
import { defineRule } from '../rule';
import { probe } from './probe-example';

export const multipleGoOnPath = defineRule({
  id: 'GDL502',
  name: 'multiple-go-on-path',
  language: 'host-report',
  defaultSeverity: 'warning',
  fixSafety: 'none',
  docs: {
    summary: 'Several go binaries on PATH',
    what: 'Reports a host with more than one `go` on the login PATH, with their versions; the first one wins.',
    why: 'A distro `go` in /usr/bin before /usr/local/go/bin builds with an older toolchain than the one you installed, with different defaults.',
    example: probe([
      ['go_bin', '/usr/bin/go'],
      ['go_version', '/usr/bin/go go1.19.8'],
      ['go_bin', '/usr/local/go/bin/go'],
      ['go_version', '/usr/local/go/bin/go go1.27.4'],
    ]),
    useInstead: probe([
      ['go_bin', '/usr/local/go/bin/go'],
      ['go_version', '/usr/local/go/bin/go go1.27.4'],
    ]),
    exampleFile: 'host.gdlprobe',
  },
  check({ facts }, report) {
    if (facts.goOnPath.length < 2) return;
    const [first, ...rest] = facts.goOnPath;
    if (first === undefined) return;
    for (const g of rest) {
      report({
        range: g.record.keyToken.range,
        message: `\`${g.path}\`${g.version !== undefined ? ` (${g.version})` : ''} is shadowed by \`${first.path}\`${first.version !== undefined ? ` (${first.version})` : ''}, first on PATH; remove one or reorder PATH`,
        related: [{ range: first.record.keyToken.range, message: 'The go that runs' }],
      });
    }
  },
});
