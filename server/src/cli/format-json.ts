// Owns the CLI's JSON output, whose shape is a public contract (version 1), written in pieces.
import type { FileReport } from './report';
import { batched } from './chunks';

function* pieces(reports: readonly FileReport[]): Generator<string> {
  yield '{"version":1,"files":[';
  for (const [i, r] of reports.entries()) {
    yield `${i === 0 ? '' : ','}\n{"path":${JSON.stringify(r.path)},"language":${JSON.stringify(r.language ?? null)},"diagnostics":[`;
    for (const [j, { finding: f, severity }] of r.findings.entries()) {
      const d = {
        code: f.rule.id,
        name: f.rule.name,
        severity,
        message: f.message,
        range: f.range,
        fixes: f.fixes.map((x) => ({
          title: x.title,
          safe: x.safe,
          edits: x.edits.map((e) => ({ range: e.range, newText: e.newText })),
        })),
      };
      yield `${j === 0 ? '' : ','}\n  ${JSON.stringify(d)}`;
    }
    yield ']}';
  }
  yield '\n]}\n';
}

/**
 * The JSON document in chunks of about a megabyte: one string for 10⁶ findings would exceed V8's string limit,
 * so each diagnostic is serialised on its own (one per line).
 */
export function formatJson(reports: readonly FileReport[]): Iterable<string> {
  return batched(pieces(reports));
}
