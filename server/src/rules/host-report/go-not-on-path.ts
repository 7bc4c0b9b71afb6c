// Owns GDL501: no go on the login PATH.
import { recordOf } from '../../parsers/host-report/parse';
import { defineRule } from '../rule';
import { probe } from './probe-example';

export const goNotOnPath = defineRule({
  id: 'GDL501',
  name: 'go-not-on-path',
  language: 'host-report',
  defaultSeverity: 'warning',
  fixSafety: 'none',
  docs: {
    summary: 'go is not on PATH',
    what: 'Reports a host where no `go` is on the login PATH; says where one was found (`/usr/local/go/bin`, `/snap/bin`, `~/go/bin`…).',
    why: 'Build and deploy scripts run over ssh use the login PATH: "go: command not found", although Go is installed.',
    example: probe([
      ['path', '/usr/bin:/bin'],
      ['go_elsewhere', '/usr/local/go/bin/go'],
    ]),
    useInstead: probe([
      ['path', '/usr/local/go/bin:/usr/bin:/bin'],
      ['go_bin', '/usr/local/go/bin/go'],
    ]),
    exampleFile: 'host.gdlprobe',
  },
  check({ probe, facts }, report) {
    if (facts.goOnPath.length > 0) return;
    const path = recordOf(probe, 'path');
    if (path === undefined) return;
    report({
      range: path.keyToken.range,
      message:
        facts.goElsewhere.length > 0
          ? `go is not on the login PATH but is at ${facts.goElsewhere.join(', ')}; add its bin directory to PATH`
          : 'go is not on the login PATH; install Go or add its bin directory to PATH in the login profile',
    });
  },
});
