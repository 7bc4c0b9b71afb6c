// Owns GDL504: a binary that needs a newer glibc than the host has.
import { defineRule } from '../rule';
import { probe } from './probe-example';

const num = (v: string): number => {
  const [a, b] = v.split('.').map(Number);
  return (a ?? 0) * 1000 + (b ?? 0);
};

export const glibcTooOld = defineRule({
  id: 'GDL504',
  name: 'glibc-too-old',
  language: 'host-report',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'Host glibc is older than the binary needs',
    what: "Reports a binary (named with `--binary`) that requires `GLIBC_x.y` symbols newer than the host's glibc.",
    why: 'A cgo build on a new distribution does not start on an older one: "version \'GLIBC_2.34\' not found (required by ./app)". Build with CGO_ENABLED=0 or on the oldest target.',
    example: probe([
      ['glibc_version', 'glibc 2.28'],
      ['binary', '/opt/app'],
      ['binary_glibc', '/opt/app GLIBC_2.2.5 GLIBC_2.34 '],
    ]),
    useInstead: probe([
      ['glibc_version', 'glibc 2.36'],
      ['binary', '/opt/app'],
      ['binary_glibc', '/opt/app GLIBC_2.2.5 GLIBC_2.34 '],
    ]),
    exampleFile: 'host.gdlprobe',
  },
  check({ facts }, report) {
    if (facts.glibcVersion === undefined) return;
    for (const b of facts.binaries) {
      const needed = b.glibc.map((g) => g.replace(/^GLIBC_/, '')).sort((x, y) => num(y) - num(x))[0];
      if (needed === undefined || num(needed) <= num(facts.glibcVersion)) continue;
      report({
        range: b.record.keyToken.range,
        message: `\`${b.path}\` needs GLIBC_${needed} but the host has glibc ${facts.glibcVersion}: "version 'GLIBC_${needed}' not found"; build with CGO_ENABLED=0`,
      });
    }
  },
});
