// Owns when `sh -c '<command>'` replaces itself with the command (so the command becomes PID 1 and gets SIGTERM) and
// when the shell stays PID 1. Measured on Debian 12 by running `<shell> -c '<command>'` and reading the comm of the
// shell's PID while the command ran: dash 0.5.12-2, bash 5.2.15-2+b8, busybox 1.35.0-4+deb12u1 (ash).
import type { ShellProgram } from './base-images';

/** The shape of a shell-form command line, as far as the exec decision goes. */
export interface CommandShape {
  /** The last command reads a pipe (`app | tee log`): the shell waits for the pipeline. */
  readonly lastInPipeline: boolean;
  /** The last command has a redirection (`app > log`, `app 2>&1`). */
  readonly lastHasRedirect: boolean;
  /** The command line has compound parts: `if`/`for`/`while`/`case`, `( … )`, `{ …; }`. */
  readonly compound: boolean;
  /** The last command is `exec …`: it replaces the shell in every shell. */
  readonly lastIsExec: boolean;
}

/**
 * True when the shell stays PID 1 while the last command runs. Measured:
 * - dash never execs in `-c` mode: `sh -c 'app'` keeps dash as the parent (only `exec app` replaces it);
 * - bash execs the last simple command of a list (`cd /x && app`, `trap … ; app`), not one with a redirection,
 *   in a pipeline or inside `if`/`( … )`;
 * - busybox ash execs the last command even with redirections or inside `if`/`( … )`, not in a pipeline.
 * An unknown `/bin/sh` keeps the shell only where all three do.
 */
export function shellStaysPid1(program: ShellProgram | undefined, shape: CommandShape): boolean {
  if (shape.lastInPipeline) return true;
  if (shape.lastIsExec) return false;
  switch (program) {
    case 'dash':
      return true;
    case 'bash':
      return shape.lastHasRedirect || shape.compound;
    case 'busybox':
    case undefined:
      return false;
  }
}

/** `/bin/bash` → bash; `/bin/ash`, `/busybox/sh` → busybox; `/bin/dash` → dash; anything else unknown. */
export function shellProgramOfPath(shellPath: string): ShellProgram | undefined {
  const name = shellPath.split('/').pop() ?? '';
  if (name === 'bash') return 'bash';
  if (name === 'dash') return 'dash';
  if (name === 'ash' || shellPath.startsWith('/busybox/')) return 'busybox';
  return undefined;
}

/**
 * The program a health-check command starts, by file name: `curl` for `/usr/bin/curl -f …` or `"curl", "-f"` (the
 * first word, quotes and a JSON list's comma dropped). Good enough to name the tool; not a shell parser.
 */
export function programOf(command: string): string {
  const word = /^\s*"?([^\s",]*)/.exec(command)?.[1] ?? '';
  return word.slice(word.lastIndexOf('/') + 1);
}
