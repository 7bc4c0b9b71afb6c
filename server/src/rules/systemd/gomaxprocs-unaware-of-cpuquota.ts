// Owns GDL235: CPUQuota= with a Go that does not follow cgroup CPU limits, or a hard-coded GOMAXPROCS that stops it.
import { defineRule } from '../rule';
import { formatGoVersion, goAtLeast } from '../../knowledge/go-version';
import { lastValue } from '../../parsers/systemd/input';
import { appendToSection } from './unit-edits';

export const gomaxprocsUnawareOfCpuquota = defineRule({
  id: 'GDL235',
  name: 'gomaxprocs-unaware-of-cpuquota',
  language: 'systemd',
  defaultSeverity: 'information',
  fixSafety: 'safe',
  crossLineKeys: ['CPUQuota'],
  docs: {
    summary: 'GOMAXPROCS does not follow CPUQuota=',
    what: "On a Go service with `CPUQuota=`: when the Go version (go.mod, else the setting) is below 1.25, or go.mod's go line is (container-aware GOMAXPROCS follows the go line's GODEBUG defaults), and no `GOMAXPROCS` is set, suggests one; on Go 1.25+ a hard-coded `GOMAXPROCS` is a hint, since it disables the runtime's own tracking.",
    why: "Before Go 1.25, GOMAXPROCS is the host's CPU count: with `CPUQuota=200%` on 32 cores the program runs 32 threads in a 2-CPU budget and is throttled. Go 1.25+ reads the quota itself, unless GOMAXPROCS is set.",
    example: '[Service]\nEnvironment=GOGC=100\nExecStart=/usr/local/bin/api\nCPUQuota=200%\n',
    useInstead:
      '[Service]\nEnvironment=GOGC=100\nExecStart=/usr/local/bin/api\nCPUQuota=200%\nEnvironment=GOMAXPROCS=2\n',
    exampleFile: 'api.service',
    exampleSettings: { goVersion: '1.24' },
  },
  check(input, report) {
    if (input.goSignal === undefined) return;
    const quota = lastValue(input, 'Service', 'CPUQuota');
    const pct = quota === undefined ? undefined : /^([0-9]+(?:\.[0-9]+)?)%$/.exec(quota.value.trim());
    if (quota === undefined || pct?.[1] === undefined || quota.uri !== undefined) return;
    const procs = Math.max(1, Math.ceil(Number(pct[1]) / 100));
    const v = input.goVersion;
    // Container-aware GOMAXPROCS needs a 1.25+ runtime and a main module that says go 1.25 or later: an older go line
    // keeps the GODEBUG defaults containermaxprocs=0,updatemaxprocs=0.
    const oldGoLine = v.goLine !== undefined && !goAtLeast(v.goLine, 25);
    const modern = goAtLeast(v.version, 25) && !oldGoLine;
    const set = input.environment.get('GOMAXPROCS');
    if (!modern && set === undefined) {
      report({
        range: quota.assignment.value.range,
        message:
          goAtLeast(v.version, 25) && v.goLine !== undefined
            ? `CPUQuota=${pct[1]}% but go.mod's \`go ${formatGoVersion(v.goLine)}\` keeps GOMAXPROCS at the host's CPUs (the quota is followed from go 1.25): it gets throttled`
            : `CPUQuota=${pct[1]}% but Go ${formatGoVersion(v.version)} (from ${v.source}) sizes GOMAXPROCS by the host's CPUs, not the quota: it gets throttled`,
        fixes: [
          {
            title: `Add Environment=GOMAXPROCS=${procs}`,
            edits: [appendToSection(input.file, input.index, 'Service', `Environment=GOMAXPROCS=${procs}`)],
          },
        ],
      });
    } else if (modern && set !== undefined) {
      report({
        range: quota.assignment.value.range,
        severity: 'hint',
        message: `Go ${formatGoVersion(v.version)} follows CPUQuota= by itself; GOMAXPROCS (${set.where}) turns that off`,
      });
    }
  },
});
