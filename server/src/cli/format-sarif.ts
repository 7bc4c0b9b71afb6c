// Owns the CLI's SARIF 2.1.0 output: rule metadata, results with UTF-16 columns, and fixes.
import type { Range } from 'vscode-languageserver-types';
import { allRules } from '../rules/index';
import { pathToFileURL } from 'node:url';
import type { Rule, Severity } from '../rules/rule';
import type { FileReport } from './report';
import { batched } from './chunks';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

function region(r: Range): Record<string, number> {
  return {
    startLine: r.start.line + 1,
    startColumn: r.start.character + 1,
    endLine: r.end.line + 1,
    endColumn: r.end.character + 1,
  };
}

/** A relative path is relative to the directory the CLI ran in (%SRCROOT%); an absolute one becomes a file URI. */
function artifact(p: string): { uri: string; uriBaseId?: string } {
  if (p.startsWith('/')) return { uri: pathToFileURL(p).href };
  return { uri: encodeURI(p), uriBaseId: '%SRCROOT%' };
}

function* results(reports: readonly FileReport[]): Generator<object> {
  const ruleIndex = new Map(allRules.map((r, i) => [r.id, i]));
  for (const file of reports) {
    for (const { finding: f, severity, fingerprint } of file.findings) {
      yield {
        ruleId: f.rule.id,
        ruleIndex: ruleIndex.get(f.rule.id) ?? -1,
        level: LEVEL[severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: { artifactLocation: artifact(file.path), region: region(f.range) },
            // A host scan's findings also name the host as a logical location, as code-scanning tools group by it.
            ...(file.language === 'host-report'
              ? { logicalLocations: [{ name: file.path, fullyQualifiedName: `host/${file.path}`, kind: 'module' }] }
              : {}),
          },
        ],
        // Survives lines added above the finding (code scanning matches alerts across commits with it).
        partialFingerprints: { 'goDeployLint/v1': fingerprint },
        ...(f.related.length > 0
          ? {
              relatedLocations: f.related.map((rel, id) => ({
                id,
                message: { text: rel.message },
                physicalLocation: {
                  artifactLocation: rel.uri !== undefined ? { uri: rel.uri } : artifact(file.path),
                  region: region(rel.range),
                },
              })),
            }
          : {}),
        ...(f.fixes.length > 0
          ? {
              fixes: f.fixes.map((x) => ({
                description: { text: `${x.title}${x.safe ? '' : ' (unsafe: review before applying)'}` },
                artifactChanges: [
                  {
                    artifactLocation: artifact(file.path),
                    replacements: x.edits.map((e) => ({
                      deletedRegion: region(e.range),
                      insertedContent: { text: e.newText },
                    })),
                  },
                ],
              })),
            }
          : {}),
      };
    }
  }
}

/** SARIF 2.1.0 in chunks (see formatJson): the frame, then one result per line. */
export function formatSarif(
  reports: readonly FileReport[],
  version: string,
  run: {
    readonly exitCode: number;
    readonly cwd: string;
    readonly helpUri: (rule: Rule) => string;
    readonly informationUri: string;
  },
): Iterable<string> {
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'go-deploy-lint',
            version,
            informationUri: run.informationUri,
            rules: allRules.map((r) => ({
              id: r.id,
              name: r.name,
              helpUri: run.helpUri(r),
              shortDescription: { text: r.docs.summary },
              fullDescription: { text: r.docs.what },
              help: { text: r.docs.why, markdown: `${r.docs.what}\n\n**Why is this bad?** ${r.docs.why}` },
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
              properties: { language: r.language, fix: r.fixSafety },
            })),
          },
        },
        originalUriBaseIds: {
          '%SRCROOT%': { uri: pathToFileURL(run.cwd.endsWith('/') ? run.cwd : `${run.cwd}/`).href },
        },
        invocations: [{ executionSuccessful: run.exitCode !== 2, exitCode: run.exitCode }],
        columnKind: 'utf16CodeUnits',
        results: [] as object[],
      },
    ],
  };
  // The frame is written around a marker where the results go.
  const frame = JSON.stringify(sarif, null, 2);
  const at = frame.indexOf('"results": []') + '"results": ['.length;
  function* pieces(): Generator<string> {
    yield frame.slice(0, at);
    let first = true;
    for (const r of results(reports)) {
      yield `${first ? '' : ','}\n          ${JSON.stringify(r)}`;
      first = false;
    }
    yield `${first ? '' : '\n        '}${frame.slice(at)}\n`;
  }
  return batched(pieces());
}
