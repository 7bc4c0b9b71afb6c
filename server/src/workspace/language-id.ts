// Owns how a file path maps to a language id, exactly as the extension manifest's file patterns do.
import * as path from 'node:path';
import { HOST_REPORT_EXTENSION, LANGUAGE_IDS, isComposeFileName, type LanguageId } from '../protocol';
import { UNIT_TYPES } from '../knowledge/systemd-directives';

export { LANGUAGE_IDS, type LanguageId };

/** The go command's own env files: `$GOROOT/go.env` and the user's `go env -w` file (`~/.config/go/env`). */
export function isGoEnvFile(filePath: string): boolean {
  const p = filePath.replace(/\\/g, '/');
  return path.posix.basename(p) === 'go.env' || /(^|\/)\.config\/go\/env$/.test(p);
}

/** Detects the language from a path exactly as the extension's manifest does (see the test that compares them). */
export function detectLanguage(filePath: string): LanguageId | undefined {
  const p = filePath.replace(/\\/g, '/');
  const base = path.posix.basename(p);
  const parent = path.posix.basename(path.posix.dirname(p));
  // Dockerfile.env is a Dockerfile: the Dockerfile name wins over the *.env pattern.
  if (/^(Dockerfile|Containerfile)(\..+)?$/.test(base) || /\.(dockerfile|Dockerfile|containerfile)$/.test(base))
    return 'dockerfile';
  if (base === '.env' || base.startsWith('.env.') || (base.endsWith('.env') && base.length > 4) || isGoEnvFile(p))
    return 'dotenv';
  const ext = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1) : '';
  if (isComposeFileName(base)) return 'compose';
  // Podman Quadlet units (podman-systemd.unit(5)).
  if (ext === 'container' || ext === 'pod' || ext === 'kube') return 'quadlet';
  if (parent === 'binfmt.d') return 'binfmt';
  if (parent === 'binfmts') return 'binfmt';
  if ((UNIT_TYPES as readonly string[]).includes(ext)) return 'systemd-unit';
  if (ext === 'conf' && parent.endsWith('.d')) {
    const unit = parent.slice(0, -2);
    const unitExt = unit.includes('.') ? unit.slice(unit.lastIndexOf('.') + 1) : '';
    if ((UNIT_TYPES as readonly string[]).includes(unitExt)) return 'systemd-unit';
  }
  if (ext === 'sh' || ext === 'bash') return 'shellscript';
  if (ext === HOST_REPORT_EXTENSION) return 'host-report';
  return undefined;
}

/** For files the path does not identify: a sh or bash shebang makes a shell script. */
export function detectLanguageFromContent(firstLine: string): LanguageId | undefined {
  return /^#!\s*(\/usr\/bin\/env\s+)?(\/(usr\/)?bin\/)?(ba|da|a)?sh(\s|$)/.test(firstLine) ? 'shellscript' : undefined;
}

/** A YAML file by its name (Kubernetes manifests are told apart by content). */
export function isYamlFile(filePath: string): boolean {
  return /\.ya?ml$/i.test(filePath);
}

export function isLanguageId(x: string): x is LanguageId {
  return (LANGUAGE_IDS as readonly string[]).includes(x);
}
