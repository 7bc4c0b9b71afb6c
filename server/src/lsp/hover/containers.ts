// Owns hover on Compose files, Kubernetes manifests and Quadlet units: what an environment entry means for Go and
// how a limit compares with the container's GOMEMLIMIT and GOMAXPROCS.
import type { Position } from 'vscode-languageserver-types';
import { comparePositions, type Range } from '../../text/line-index';
import { goVariable } from '../../knowledge/go-env';
import { shownValue } from '../../knowledge/secrets';
import type { ContainersInput } from '../../parsers/containers/model';
import { goMemLimitBytes } from '../../rules/systemd/go-service';
import { formatGoVersion, goAtLeast, type ResolvedGoVersion } from '../../knowledge/go-version';

const within = (r: Range, p: Position): boolean => comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;

function mib(bytes: number): string {
  return `${Math.round((bytes / 2 ** 20) * 10) / 10} MiB`;
}

export function containersHover(
  input: ContainersInput,
  position: Position,
  goVersion?: ResolvedGoVersion,
): { value: string; range: Range } | undefined {
  for (const c of input.containers) {
    const gomem = c.env.filter((e) => e.name === 'GOMEMLIMIT').pop();
    const gomemBytes = gomem?.value === undefined ? undefined : goMemLimitBytes(gomem.value);
    const procs = c.env.filter((e) => e.name === 'GOMAXPROCS').pop();
    if (c.memoryLimit !== undefined && within(c.memoryLimit.range, position)) {
      const l = c.memoryLimit;
      const lines = [`**${l.key}** of ${c.name}: ${mib(l.amount)}`, ''];
      if (gomemBytes !== undefined)
        lines.push(
          `GOMEMLIMIT ${gomem?.value ?? ''} is ${Math.round((gomemBytes / l.amount) * 100)} % of it (aim for about 90 %).`,
        );
      else if (gomem?.fieldRef !== undefined)
        lines.push(`GOMEMLIMIT comes from \`${gomem.fieldRef.resource}\`: 100 % of it.`);
      else lines.push('No GOMEMLIMIT: the Go heap does not know about this limit.');
      if (c.goSignal !== undefined) lines.push('', `Go service: ${c.goSignal}.`);
      if (l.key === 'Memory=')
        lines.push(
          '',
          '`Memory=` is a Quadlet key since Podman 5.5 (containers/podman#25346): older generators reject the whole unit ("unsupported key \'Memory\'"). `PodmanArgs=--memory=…` works in every version.',
        );
      return { value: lines.join('\n'), range: l.range };
    }
    if (c.cpuLimit !== undefined && within(c.cpuLimit.range, position)) {
      const l = c.cpuLimit;
      return {
        value: [
          `**${l.key}** of ${c.name}: ${l.amount} CPU`,
          '',
          procs?.value !== undefined
            ? `GOMAXPROCS is set to ${procs.value}: Go uses that many threads whatever the limit (and stops following the limit by itself).`
            : 'No GOMAXPROCS: Go 1.25+ follows the cgroup CPU limit by itself when go.mod says go 1.25 or later; older Go uses every host CPU and gets throttled.',
          ...(goVersion === undefined
            ? []
            : [
                '',
                `Here: Go ${formatGoVersion(goVersion.version)} (from ${goVersion.source})${goVersion.goLine !== undefined ? `, go line ${formatGoVersion(goVersion.goLine)}` : ''}: ${
                  goAtLeast(goVersion.version, 25) &&
                  (goVersion.goLine === undefined || goAtLeast(goVersion.goLine, 25))
                    ? 'the runtime follows this limit'
                    : 'the runtime does not follow this limit; set GOMAXPROCS or move to go 1.25'
                }.`,
              ]),
        ].join('\n'),
        range: l.range,
      };
    }
    for (const e of c.env) {
      if (!within(e.statementRange, position)) continue;
      const lines = [
        `**${e.name}** in ${c.name}: ${e.value !== undefined ? shownValue(e.name, e.value) : e.fieldRef !== undefined ? `from \`${e.fieldRef.resource}\`` : 'passed through from the host'}`,
      ];
      const v = goVariable(e.name);
      if (v !== undefined) lines.push('', '---', '', v.summary, '', `[Go documentation](${v.docs})`);
      return { value: lines.join('\n'), range: e.nameRange };
    }
  }
  return undefined;
}
