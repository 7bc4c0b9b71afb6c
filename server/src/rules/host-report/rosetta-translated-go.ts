// Owns GDL518: amd64 go under Rosetta.
import { recordOf } from '../../parsers/host-report/parse';
import { defineRule } from '../rule';
import { probe } from './probe-example';

export const rosettaTranslatedGo = defineRule({
  id: 'GDL518',
  name: 'rosetta-translated-go',
  language: 'host-report',
  defaultSeverity: 'warning',
  fixSafety: 'none',
  docs: {
    summary: 'amd64 go under Rosetta',
    what: 'On macOS with Apple silicon, reports a go binary on PATH that is amd64 (it runs under Rosetta).',
    why: 'Builds run under translation (slow) and GOARCH defaults to amd64, so native binaries are not what you get.',
    example: probe([
      ['uname_s', 'Darwin'],
      ['arm64_hw', '1'],
      ['go_header', '\xcf\xfa\xed\xfe\x07\x00\x00\x01\x03\x00\x00\x00\x02\x00\x00\x00'],
    ]),
    useInstead: probe([
      ['uname_s', 'Darwin'],
      ['arm64_hw', '1'],
      ['go_header', '\xcf\xfa\xed\xfe\x0c\x00\x00\x01\x00\x00\x00\x00\x02\x00\x00\x00'],
    ]),
    exampleFile: 'host.gdlprobe',
  },
  check({ probe }, report) {
    const h = recordOf(probe, 'go_header');
    const hw = recordOf(probe, 'arm64_hw')?.values[0];
    const head = h?.values[0] ?? '';
    // Mach-O cputype at offset 4 (little-endian): 0x01000007 is x86_64.
    if (h === undefined || hw !== '1' || head.charCodeAt(4) !== 7 || head.charCodeAt(7) !== 1) return;
    report({
      range: h.keyToken.range,
      message: 'The go on PATH is an amd64 build running under Rosetta on Apple silicon: install the arm64 Go',
    });
  },
});
