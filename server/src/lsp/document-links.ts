// Owns document links: EnvironmentFile= values in units link to the workspace file that stands for them.
import { pathToFileURL } from 'node:url';
import type { DocumentLink } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis/analyze';

export function documentLinks(analysis: Analysis): DocumentLink[] {
  const unit = analysis.prepared?.language === 'systemd-unit' ? analysis.prepared.inputs.systemd : undefined;
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
