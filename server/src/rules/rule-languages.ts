// Owns the table of rule languages: code block, label, and the fixture a new rule of the language starts from.
import type { RuleLanguage } from './rule';

export interface RuleLanguageInfo {
  /** The hundreds digit of the language's codes (GDL1xx…); the rules live in `server/src/rules/<language>/`. */
  readonly block: string;
  /** Shown in the rule tables and doc pages. */
  readonly label: string;
  /** Where `npm run new-rule` writes a rule's first fixture, under `test/fixtures/rules/<language>/`. */
  readonly fixture: (fileStem: string) => string;
}

export const RULE_LANGUAGES: Readonly<Record<RuleLanguage, RuleLanguageInfo>> = {
  engine: { block: '0', label: 'any file', fixture: (s) => `${s}.env` },
  dotenv: { block: '1', label: 'env files', fixture: (s) => `${s}.env` },
  'go-values': { block: '1', label: 'Go values (every surface)', fixture: (s) => `${s}.env` },
  systemd: { block: '2', label: 'systemd units', fixture: (s) => `${s}.service` },
  binfmt: { block: '3', label: 'binfmt_misc (every surface)', fixture: (s) => `binfmt.d/${s}.conf` },
  dockerfile: { block: '4', label: 'Dockerfiles', fixture: (s) => `${s}.Dockerfile` },
  'host-report': { block: '5', label: 'host checks', fixture: (s) => `${s}.gdlprobe` },
  containers: { block: '6', label: 'Compose, Kubernetes, Quadlet', fixture: (s) => `${s}.compose.yaml` },
};
