// Owns the CLI's JSON output, whose shape is a public contract (version 1), written in pieces.
import type { FileReport } from './report';
import { batched } from './chunks';

/** An inventory scan's hosts: each with its status, facts and finding codes (their findings are under `files`). */
export interface JsonHost {
  readonly name: string;
  readonly status: 'ok' | 'no-report';
  readonly problem?: string;
  readonly facts?: unknown;
  readonly codes: readonly string[];
}

function* pieces(reports: readonly FileReport[], hosts?: readonly JsonHost[]): Generator<string> {
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
  if (hosts === undefined) {
    yield '\n]}\n';
    return;
  }
  yield '\n],"hosts":[';
  for (const [i, h] of hosts.entries()) yield `${i === 0 ? '' : ','}\n  ${JSON.stringify(h)}`;
  yield '\n]}\n';
}

/**
 * The JSON document in chunks of about a megabyte: one string for 10⁶ findings would exceed V8's string limit,
 * so each diagnostic is serialised on its own (one per line).
 */
export function formatJson(reports: readonly FileReport[], hosts?: readonly JsonHost[]): Iterable<string> {
  return batched(pieces(reports, hosts));
}
