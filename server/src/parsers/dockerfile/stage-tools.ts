// Owns whether a Dockerfile stage has a program on its PATH: from its image, a package a RUN installs, or a copy.
import * as posix from 'node:path/posix';
import type { Stage } from './model';

/** Package names that install each health-check tool (apk, apt, dnf). */
const PACKAGES: Record<string, RegExp> = {
  curl: /^curl(-minimal)?$/,
  wget: /^(wget|wget2|busybox)$/,
  sh: /^(bash|dash|busybox)$/,
  bash: /^bash$/,
  nc: /^(netcat.*|nmap-ncat|busybox)$/,
};

/** How the stage got a tool: true (image or package), a copy (from which stage, if any), or undefined (absent). */
export function toolIn(stage: Stage, tool: string): { readonly copiedFrom?: Stage } | true | undefined {
  if (stage.facts?.tools?.includes(tool) === true) return true;
  if (stage.installed.some((p) => PACKAGES[tool]?.test(p) === true)) return true;
  for (const c of stage.copies) {
    const lands = c.sources.some(
      (s) => posix.basename(s.value) === tool && (c.destIsDir || posix.basename(c.dest) === tool),
    );
    const tree = c.sources.some((s) => s.value === '/' || /^\/(usr\/)?(local\/)?bin\/?$/.test(s.value));
    if (lands || tree) return c.fromStage !== undefined ? { copiedFrom: c.fromStage } : {};
  }
  return stage.creates.some((p) => posix.basename(p) === tool) ? true : undefined;
}

/** True when the tool is there and runs: a copy from a stage with a C library into one without does not. */
export function toolRuns(stage: Stage, tool: string): boolean {
  const has = toolIn(stage, tool);
  if (has === undefined) return false;
  if (has === true) return true;
  const from = has.copiedFrom?.facts;
  return !(from !== undefined && stage.facts?.libc === 'none' && (from.libc === 'glibc' || from.libc === 'musl'));
}
