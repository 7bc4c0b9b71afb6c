// Owns GDL503: GOROOT (environment or go env) that is not the root of the go found first on PATH.
import { recordOf } from '../../parsers/host-report/parse';
import * as posix from 'node:path/posix';
import { defineRule } from '../rule';
import { goRootOf } from '../../parsers/host-report/facts';
import { probe } from './probe-example';

export const gorootMismatch = defineRule({
  id: 'GDL503',
  name: 'goroot-mismatch',
  language: 'host-report',
  defaultSeverity: 'error',
  fixSafety: 'none',
  docs: {
    summary: 'GOROOT is another installation',
    what: 'Reports a host where the `GOROOT` environment variable differs from the root of the first `go` on PATH.',
    why: 'The go binary then compiles with another installation\'s standard library: "compile: version go1.26 does not match go tool version go1.27".',
    example: probe([
      ['goroot_env', '/usr/local/go1.26'],
      ['go_bin', '/usr/local/go/bin/go'],
    ]),
    useInstead: probe([
      ['goroot_env', ''],
      ['go_bin', '/usr/local/go/bin/go'],
    ]),
    exampleFile: 'host.gdlprobe',
  },
  check({ probe, facts }, report) {
    const first = facts.goOnPath[0];
    const env = facts.gorootEnv;
    if (first === undefined || env === undefined) return;
    const root = goRootOf(first.path);
    if (posix.normalize(env).replace(/\/$/, '') === root) return;
    const rec = recordOf(probe, 'goroot_env');
    if (rec !== undefined)
      report({
        range: rec.keyToken.range,
        message: `GOROOT=${env} but the go on PATH is ${first.path} (root ${root}): builds mix two installations; unset GOROOT`,
      });
  },
});
