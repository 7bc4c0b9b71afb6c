// Owns --baseline and --write-baseline: the findings a repository accepts for now, matched by fingerprint.
import * as fs from 'node:fs';
import { IoError } from './walk';
import type { FileReport } from './report';

interface BaselineFile {
  readonly version: 1;
  readonly tool: 'go-deploy-lint';
  /** Path → rule → fingerprints (the rule code keeps the file readable in review). */
  readonly findings: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
}

export function writeBaseline(file: string, reports: readonly FileReport[]): number {
  const findings: Record<string, Record<string, string[]>> = {};
  let n = 0;
  for (const r of reports) {
    for (const f of r.findings) {
      const byRule = (findings[r.path] ??= {});
      (byRule[f.finding.rule.id] ??= []).push(f.fingerprint);
      n++;
    }
  }
  const body: BaselineFile = { version: 1, tool: 'go-deploy-lint', findings };
  try {
    fs.writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  } catch (error) {
    throw new IoError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return n;
}

/** The reports without the findings the baseline records (each recorded fingerprint absorbs one finding). */
export function applyBaseline(file: string, reports: readonly FileReport[]): { reports: FileReport[]; known: number } {
  let parsed: BaselineFile;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as BaselineFile;
  } catch (error) {
    throw new IoError(
      `cannot read baseline ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  if (parsed?.version !== 1 || typeof parsed.findings !== 'object' || parsed.findings === null)
    throw new IoError(`cannot read baseline ${file}: not a go-deploy-lint baseline (version 1)`);
  let known = 0;
  const out = reports.map((r) => {
    const left = new Map<string, number>();
    for (const fps of Object.values(parsed.findings[r.path] ?? {}))
      for (const fp of fps) left.set(fp, (left.get(fp) ?? 0) + 1);
    const findings = r.findings.filter((f) => {
      const n = left.get(f.fingerprint) ?? 0;
      if (n === 0) return true;
      left.set(f.fingerprint, n - 1);
      known++;
      return false;
    });
    return { ...r, findings };
  });
  return { reports: out, known };
}
