// Owns the host-report surface: probe output (saved as *.gdlprobe, or handed over by a scan) checked by GDL5xx rules.
import { pathToFileURL } from 'node:url';
import type { LineIndex } from '../text/line-index';
import { parseHostReport } from '../parsers/host-report/parse';
import { hostFacts } from '../parsers/host-report/facts';
import type { HostInput, WorkspaceUnit } from '../parsers/host-report/input';
import { directive } from '../knowledge/systemd-directives';
import type { AnalysisContext, Prepared } from './prepared';
import type { SourceDocument } from './source-document';

function workspaceUnits(ctx: AnalysisContext): WorkspaceUnit[] {
  const out: WorkspaceUnit[] = [];
  for (const file of ctx.project.units.allUnits()) {
    const unit = ctx.project.units.read(file);
    if (unit === undefined) continue;
    const ports = new Set<number>();
    const directives = [];
    for (const a of unit.assignments) {
      const section = a.section?.name.text ?? '';
      const d = directive(section, a.key.text);
      if (d !== undefined) directives.push({ section, key: a.key.text, directive: d, range: a.key.range });
      if (a.key.text === 'ListenStream' || a.key.text === 'ListenDatagram' || a.key.text === 'ExecStart') {
        for (const m of a.value.text.matchAll(/(?:^|[\s=:])(?:\[[^\]]*\]:|[0-9.]*:)?([0-9]{2,5})(?=\s|$)/g)) {
          const n = Number(m[1]);
          if (n > 0 && n < 65536 && (a.key.text !== 'ExecStart' || m[0].includes(':'))) ports.add(n);
        }
      }
    }
    out.push({
      uri: pathToFileURL(file).href,
      name: file.slice(file.lastIndexOf('/') + 1),
      directives,
      ports: [...ports],
    });
  }
  return out;
}

export function prepareHostReport(_doc: SourceDocument, index: LineIndex, ctx: AnalysisContext): Prepared {
  const { ast } = parseHostReport(index);
  let units: WorkspaceUnit[] | undefined;
  const input: HostInput = { probe: ast, facts: hostFacts(ast), index, units: () => (units ??= workspaceUnits(ctx)) };
  return {
    language: 'host-report',
    comments: ast.comments,
    statements: ast.records.map((r) => index.lineRange(r.line)),
    inputs: { 'host-report': input },
  };
}
