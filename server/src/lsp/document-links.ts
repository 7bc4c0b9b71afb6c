// Owns document links: EnvironmentFile= values in units, Compose env_file and Quadlet EnvironmentFile= link to the
// workspace file that stands for them.
import { pathToFileURL } from 'node:url';
import type { DocumentLink } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis/analyze';

export function documentLinks(analysis: Analysis): DocumentLink[] {
  const p = analysis.prepared;
  // Compose env_file and Quadlet EnvironmentFile= link to the file, linted in that consumer's dialect.
  if (p?.language === 'compose' || p?.language === 'quadlet')
    return p.inputs.containers.containers.flatMap((c) =>
      c.envFiles
        .filter((f) => f.exists)
        .map((f) => ({
          range: f.range,
          target: pathToFileURL(f.resolved).href,
          tooltip:
            p.language === 'compose' ? "Read with Compose's env_file rules" : "Read with podman's --env-file rules",
        })),
    );
  const unit = p?.language === 'systemd-unit' ? p.inputs.systemd : undefined;
  if (unit === undefined) return [];
  return unit.environmentFiles.flatMap((f) =>
    f.resolved === undefined
      ? []
      : [
          {
            range: f.assignment.value.range,
            target: pathToFileURL(f.resolved).href,
            tooltip: `Read with systemd's EnvironmentFile= rules`,
          },
        ],
  );
}
