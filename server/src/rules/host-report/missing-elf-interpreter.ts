// Owns GDL505: a binary whose ELF interpreter (PT_INTERP) the host does not have.
import { defineRule } from '../rule';
import { probe } from './probe-example';

/** A 64-bit x86_64 ELF header whose PT_INTERP is /lib64/ld-linux-x86-64.so.2. */
const ELF_WITH_INTERP =
  '\x7f\x45\x4c\x46\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x3e\x00\x01\x00\x00\x00\x00\x10\x40\x00\x00\x00\x00\x00\x40\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x40\x00\x38\x00\x01\x00\x00\x00\x00\x00\x00\x00\x03\x00\x00\x00\x04\x00\x00\x00\x78\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x1c\x00\x00\x00\x00\x00\x00\x00\x1c\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x2f\x6c\x69\x62\x36\x34\x2f\x6c\x64\x2d\x6c\x69\x6e\x75\x78\x2d\x78\x38\x36\x2d\x36\x34\x2e\x73\x6f\x2e\x32\x00';

export const missingElfInterpreter = defineRule({
  id: 'GDL505',
  name: 'missing-elf-interpreter',
  language: 'host-report',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'ELF interpreter missing on the host',
    what: 'Reports a binary whose PT_INTERP (e.g. `/lib64/ld-linux-x86-64.so.2`) is not present on the host.',
    why: 'The kernel cannot load the program: "no such file or directory" although the file exists. Typical for a cgo build from Debian on Alpine.',
    example: probe([
      ['loader', '/lib/ld-musl-x86_64.so.1'],
      ['binary', '/opt/app'],
      ['binary_head', '/opt/app', ELF_WITH_INTERP],
    ]),
    useInstead: probe([
      ['loader', '/lib64/ld-linux-x86-64.so.2'],
      ['binary', '/opt/app'],
      ['binary_head', '/opt/app', ELF_WITH_INTERP],
    ]),
    exampleFile: 'host.gdlprobe',
  },
  check({ facts }, report) {
    for (const b of facts.binaries) {
      const interp = b.elf?.interpreter;
      if (interp === undefined || facts.loaders.includes(interp)) continue;
      report({
        range: b.record.keyToken.range,
        message: `\`${b.path}\` needs ${interp}, absent here: "no such file or directory"; build with CGO_ENABLED=0`,
      });
    }
  },
});
