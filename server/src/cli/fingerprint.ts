// Owns finding fingerprints: stable when lines move, shared by SARIF's partialFingerprints and --baseline.
import type { LineIndex } from '../text/line-index';
import type { Finding } from '../rules/rule';
import { isSecretName, redactUrls } from '../knowledge/secrets';

const ASSIGNMENT = /([A-Za-z_][A-Za-z0-9_]*)(\s*=\s*)("[^"]*"|'[^']*'|\S*)/g;

/** The line without secrets: values of secret-looking names become `*`, URL passwords `xxxxx`. */
function withoutSecrets(line: string): string {
  return redactUrls(
    line.replace(ASSIGNMENT, (m, name: string, eq: string) => (isSecretName(name) ? `${name}${eq}*` : m)),
  );
}

/**
 * One fingerprint per finding: the rule, the file, the text of the flagged line (blanks squeezed) and the flagged
 * text itself, plus an occurrence count for identical ones. Line numbers and messages (which quote line numbers)
 * stay out, so adding a line above a finding keeps its fingerprint. Fingerprints end up in SARIF uploads and
 * committed baselines: a line holding a secret is hashed without its value, so no value can be guessed back.
 */
export function fingerprints(path: string, index: LineIndex, findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const raw = index.lineText(f.range.start.line).trim().replace(/\s+/g, ' ');
    const line = withoutSecrets(raw);
    // On a line that held a secret the flagged text may be that secret: the masked line stands for it.
    const flagged =
      line === raw ? index.text.slice(index.offsetAt(f.range.start), index.offsetAt(f.range.end)).slice(0, 200) : '';
    const key = `${f.rule.id}\0${path}\0${line}\0${flagged}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    // node:crypto is loaded on the first fingerprint (text and JSON output never ask for one).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createHash } = require('node:crypto') as typeof import('node:crypto');
    return createHash('sha256').update(`${key}\0${n}`).digest('hex').slice(0, 32);
  });
}
