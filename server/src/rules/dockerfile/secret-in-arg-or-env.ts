// Owns GDL419: ARG/ENV names that hold secrets, which the image keeps (ENV in its config, ARG in its history).
import { defineRule } from '../rule';
import { isSecretName, isSecretPart, nameParts } from '../../knowledge/secrets';
import type { Property } from 'dockerfile-ast';

/**
 * The credential parts of knowledge/secrets.ts (which also keeps such values out of messages), like BuildKit's
 * SecretsUsedInArgOrEnv (dockerfile2llb/validations.go). A part `key` alone counts only after an owner below:
 * GPG_KEY, KEY_ID and the like are public (the false positives reported against BuildKit).
 */
const KEY_OWNER = /^(api|secret|access|private|client|signing|encryption|master|license|auth)$/i;
/** Parts that say the value is not the secret itself (BuildKit's allow-list plus names of places and switches). */
const NOT_SECRET =
  /^(public|file|version|path|dir|url|uri|endpoint|host|hostname|port|method|type|mode|enabled|disabled|provider|id|name|user|username|header|sock|socket|length|size|ttl|timeout|expiry|issuer|audience|realm|scope|scopes|domain|hash|server|service|mechanism|algorithm|required|strategy|backend)$/i;

export function looksLikeSecretName(name: string): boolean {
  const parts = nameParts(name);
  if (!isSecretName(name) || parts.some((p) => NOT_SECRET.test(p))) return false;
  return parts.some((p, i) => (/^KEYS?$/.test(p) ? KEY_OWNER.test(parts[i - 1] ?? '') : isSecretPart(p)));
}

function properties(inst: unknown): Property[] {
  const p = (inst as { getProperties?: () => Property[] }).getProperties;
  return typeof p === 'function' ? p.call(inst) : [];
}

export const secretInArgOrEnv = defineRule({
  id: 'GDL419',
  name: 'secret-in-arg-or-env',
  language: 'dockerfile',
  defaultSeverity: 'warning',
  fixSafety: 'none',
  docs: {
    summary: 'Secret passed through ARG or ENV',
    what: 'Reports `ARG` and `ENV` whose name says it holds a secret (`*_TOKEN`, `*_PASSWORD`, `*_SECRET`, `API_KEY`, `*_CREDENTIALS`…, the parts BuildKit checks), except names that say the value is not the secret (`*_FILE`, `*_PATH`, `*_URL`, `*_USER`, `*_VERSION`, `PUBLIC_*`…) and empty `ENV` values. The value is never shown.',
    why: '`ENV` values are stored in the image config: `docker inspect` shows them to anyone who can pull the image. Build arguments are kept in the image history of the steps that use them. A build secret belongs in `RUN --mount=type=secret,id=…` (read from `/run/secrets/…`, never stored in a layer); a run-time secret in the orchestrator (`--env-file`, Kubernetes Secrets, systemd credentials).',
    example:
      'FROM golang:1.27 AS build\nARG GITHUB_TOKEN\nRUN git config --global url."https://${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/"\n',
    useInstead:
      'FROM golang:1.27 AS build\nRUN --mount=type=secret,id=github_token \\\n    git config --global url."https://$(cat /run/secrets/github_token)@github.com/".insteadOf "https://github.com/"\n',
    exampleFile: 'Dockerfile',
    references: [
      'https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/',
      'https://docs.docker.com/build/building/secrets/',
    ],
  },
  check({ dockerfile }, report) {
    for (const inst of dockerfile.getInstructions()) {
      const keyword = inst.getKeyword().toUpperCase();
      if (keyword !== 'ARG' && keyword !== 'ENV') continue;
      for (const p of properties(inst)) {
        const name = p.getName();
        if (!looksLikeSecretName(name)) continue;
        if (keyword === 'ENV' && (p.getValue() ?? '') === '') continue;
        report({
          range: p.getNameRange(),
          message:
            keyword === 'ENV'
              ? `ENV \`${name}\` looks like a secret: its value is stored in the image config for anyone who pulls the image; pass it at run time`
              : `ARG \`${name}\` looks like a secret: build arguments are kept in the image history (use RUN --mount=type=secret)`,
        });
      }
    }
  },
});
