// Owns GDL417: shell-form ENTRYPOINT/CMD whose shell stays PID 1, so SIGTERM never reaches the Go program.
import { defineRule, type FixInput } from '../rule';
import type { Instruction } from 'dockerfile-ast';
import { argsRangeOf, rawArgsOf } from '../../parsers/dockerfile/instruction-cache';
import type { Stage } from '../../parsers/dockerfile/model';
import { shellProgramOfPath, shellStaysPid1, type CommandShape } from '../../knowledge/shell-exec';
import type { ShellProgram } from '../../knowledge/base-images';
import { execFormOf } from './exec-form';

/** Words that are shell syntax or builtins: `exec` in front of them fails or means something else. */
const NOT_A_PROGRAM = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'for',
  'while',
  'until',
  'do',
  'done',
  'case',
  'esac',
  'cd',
  'echo',
  'printf',
  'exit',
  'true',
  'false',
  'set',
  'export',
  'trap',
  'wait',
  'sleep',
  'exec',
  '.',
  'source',
  'eval',
  'test',
  '[',
]);

const SHELL_NAME: Record<ShellProgram, string> = { dash: 'dash', bash: 'bash', busybox: 'busybox ash' };

/** The stage's instructions and those of the stages it is built on (`FROM <stage>`), oldest first. */
function lineage(stage: Stage): Instruction[] {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s !== undefined && chain.length < 64; s = s.parent) chain.unshift(s);
  return chain.flatMap((s) => s.instructions);
}

function isShellForm(inst: Instruction): boolean {
  const raw = (rawArgsOf(inst) ?? '').trim();
  return raw !== '' && !raw.startsWith('[');
}

export const shellAsPid1 = defineRule({
  id: 'GDL417',
  name: 'shell-as-pid-1',
  language: 'dockerfile',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  docs: {
    summary: 'Shell form keeps the shell as PID 1',
    what: 'Reports a shell-form `ENTRYPOINT` (or `CMD` without an `ENTRYPOINT`) whose shell stays PID 1 while the program runs: always with dash (Debian, Ubuntu, golang), for a pipeline in every shell, for a redirection or an `if`/`( … )` with bash. Busybox ash (Alpine) and bash exec a plain last command themselves; those are not reported. A shell-form `ENTRYPOINT` in a stage with a `CMD` is also told that it ignores `CMD`.',
    why: '`docker stop` sends SIGTERM to PID 1. A shell that stays PID 1 does not pass it on (PID 1 ignores signals it has no handler for), so the Go program never runs `http.Server.Shutdown` and is killed with SIGKILL after the grace period: in-flight requests fail on every deploy. Exec form runs the program as PID 1; where a shell is really needed, `exec` in front of the last command replaces the shell. A shell-form ENTRYPOINT also never sees `CMD` or `docker run` arguments.',
    example: 'FROM debian:bookworm-slim\nCOPY app /app\nENTRYPOINT /app --listen :8080\n',
    useInstead: 'FROM debian:bookworm-slim\nCOPY app /app\nENTRYPOINT ["/app", "--listen", ":8080"]\n',
    exampleFile: 'Dockerfile',
    references: [
      'https://docs.docker.com/reference/dockerfile/#entrypoint',
      'https://docs.docker.com/reference/cli/docker/container/stop/',
    ],
  },
  check({ model, index }, report) {
    for (const stage of model.stages) {
      const facts = stage.facts;
      // No shell at all is GDL402's finding; Windows shells are not judged.
      if (facts === undefined || facts.windows === true || (facts.shell === null && stage.shell === undefined))
        continue;
      if (stage.shell !== undefined && !/(^|\/)(ba|da|a)?sh$/.test(stage.shell)) continue;
      const program = stage.shell !== undefined ? shellProgramOfPath(stage.shell) : facts.shellProgram;
      const all = lineage(stage);
      const entrypoint = all.filter((i) => i.getKeyword().toUpperCase() === 'ENTRYPOINT').pop();
      const cmd = all.filter((i) => i.getKeyword().toUpperCase() === 'CMD').pop();
      // With an exec-form ENTRYPOINT, a shell-form CMD is its arguments, not PID 1.
      const target = entrypoint ?? cmd;
      if (target === undefined || !stage.instructions.includes(target) || !isShellForm(target)) continue;
      const argsRange = argsRangeOf(target);
      const raw = rawArgsOf(target) ?? '';
      if (argsRange === null) continue;
      const body = raw.trim();
      // Background jobs and heredocs are beyond what was measured.
      if (/(^|[^&>])&($|[^&>])/.test(body) || body.startsWith('<<')) continue;
      const commands = model.shellCommands(target);
      const last = commands[commands.length - 1];
      if (last === undefined) continue;
      const before = commands[commands.length - 2];
      const firstWord = last.words[0]?.value ?? '';
      const shape: CommandShape = {
        lastInPipeline: before?.pipeTo !== undefined,
        lastHasRedirect: last.redirects.length > 0,
        compound:
          /[(){}]/.test(body.replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, '')) ||
          commands.some((c) => /^(if|for|while|until|case)$/.test(c.words[0]?.value ?? '')),
        lastIsExec: firstWord === 'exec',
      };
      if (!shellStaysPid1(program, shape)) continue;
      const keyword = target.getKeyword().toUpperCase();
      const ignoresCmd = keyword === 'ENTRYPOINT' && cmd !== undefined;
      const shell = program === undefined ? '/bin/sh' : `/bin/sh (${SHELL_NAME[program]})`;
      const fixes: FixInput[] = [];
      const exec = commands.length === 1 && !shape.lastHasRedirect ? execFormOf(body) : undefined;
      if (exec !== undefined)
        fixes.push({
          title: ignoresCmd
            ? `Convert to exec form ${exec} (CMD becomes its arguments)`
            : `Convert to exec form ${exec}`,
          edits: [{ range: argsRange, newText: exec }],
          // With a CMD in the stage, exec form passes CMD as arguments: a change in behaviour to review.
          ...(ignoresCmd ? { safe: false } : {}),
        });
      else if (
        !shape.lastInPipeline &&
        !shape.compound &&
        !/(^|[\s;&|])trap(\s|$)/.test(body) &&
        last.words[0] !== undefined &&
        !/^[A-Za-z_][A-Za-z0-9_]*=/.test(firstWord) &&
        !NOT_A_PROGRAM.has(firstWord)
      ) {
        const at = last.words[0].start;
        fixes.push({
          title: `Put \`exec\` in front of \`${firstWord}\` so it replaces the shell`,
          edits: [{ range: index.range(at, at), newText: 'exec ' }],
          safe: false,
        });
      }
      report({
        range: target.getInstructionRange(),
        message: `Shell-form ${keyword} keeps ${shell} as PID 1: SIGTERM never reaches the program, which is killed after the stop timeout${ignoresCmd ? '; it also ignores CMD and `docker run` arguments' : ''}`,
        fixes,
      });
    }
  },
});
