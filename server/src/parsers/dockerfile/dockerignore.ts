// Owns reading a .dockerignore the way Docker does (moby/patternmatcher: `#` comments, `!` exceptions, `**`, a match
// on a folder excludes what is below it), through @balena/dockerignore, which implements those rules.
import dockerignore from '@balena/dockerignore';

/** A predicate that says whether Docker leaves a context path (relative, `/`-separated) out of the build. */
export function dockerignoreMatcher(text: string): (relativePath: string) => boolean {
  const ig = dockerignore({ ignorecase: false }).add(text.split(/\r?\n/));
  return (p) => {
    try {
      return ig.ignores(p);
    } catch {
      return false;
    }
  };
}

/**
 * Env files with secrets: `.env`, `.env.production`, and `<environment>.env` (`prod.env`, `secrets.env`); not the
 * templates committed next to them, nor other files that merely end in `.env` (`Dockerfile.env` in buildah's tests).
 */
export function isSecretEnvFileName(name: string): boolean {
  const named = /^(prod|production|staging|stage|dev|development|local|secrets?|credentials)\.env$/i.test(name);
  if (!/^\.env(\..+)?$/.test(name) && !named) return false;
  return !/(^|[.-_])(example|sample|template|tmpl|dist|defaults?|schema)([.-_]|$)/i.test(name);
}
