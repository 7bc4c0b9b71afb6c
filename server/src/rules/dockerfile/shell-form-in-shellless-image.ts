// Owns GDL402: shell-form CMD/ENTRYPOINT/HEALTHCHECK and RUN in stages whose image has no /bin/sh.
import { defineRule } from '../rule';
import { argsRangeOf, rawArgsOf } from '../../parsers/dockerfile/instruction-cache';
import { execFormOf } from './exec-form';

export const shellFormInShelllessImage = defineRule({
  id: 'GDL402',
  name: 'shell-form-in-shellless-image',
  language: 'dockerfile',
  defaultSeverity: 'error',
  fixSafety: 'safe',
  docs: {
    summary: 'Shell form in an image without a shell',
    what: 'Reports shell-form `CMD`, `ENTRYPOINT`, `HEALTHCHECK CMD` and any `RUN` in a stage whose image has no `/bin/sh` (scratch, distroless without `:debug`, chainguard static) and no `SHELL` pointing elsewhere.',
    why: 'Shell form runs `/bin/sh -c …`: the container fails with "exec: /bin/sh: no such file or directory" (RUN fails the build). Exec form runs the binary directly.',
    example: 'FROM scratch\nCOPY app /app\nCMD /app --listen :8080\n',
    useInstead: 'FROM scratch\nCOPY app /app\nCMD ["/app", "--listen", ":8080"]\n',
    exampleFile: 'Dockerfile',
  },
  check({ model }, report) {
    for (const stage of model.stages) {
      if (stage.facts?.shell !== null || stage.shell !== undefined) continue;
      // A shell copied in (COPY --from=busybox /bin/sh /bin/sh) makes later shell forms work.
      // So does a whole tree with a shell: `COPY --from=build / /`, or a /bin directory copied to /bin.
      const tree = (c: (typeof stage.copies)[number]): boolean =>
        c.sources.some(
          (x) =>
            (x.value === '/' && c.dest.replace(/\/+$/, '') === '') ||
            (/^\/(usr\/)?bin\/?$/.test(x.value) && /^\/(usr\/)?bin\/?$/.test(c.dest)),
        );
      const shellAt =
        stage.copies
          .find(
            (c) =>
              c.dest === '/bin/sh' ||
              (c.destIsDir && c.dest === '/bin' && c.sources.some((x) => x.value.endsWith('/sh'))) ||
              tree(c),
          )
          ?.instruction.getRange()?.start.line ?? Infinity;
      for (const inst of stage.instructions) {
        if ((inst.getRange()?.start.line ?? 0) > shellAt) break;
        const kw = inst.getKeyword().toUpperCase();
        const raw = (rawArgsOf(inst) ?? '').trim();
        const args = argsRangeOf(inst);
        if (args === null || raw === '' || raw.startsWith('[')) continue;
        if (kw === 'RUN') {
          report({
            range: inst.getInstructionRange(),
            message: `RUN needs /bin/sh, which ${stage.facts.family} does not have: the build fails`,
          });
          continue;
        }
        if (kw !== 'CMD' && kw !== 'ENTRYPOINT' && !(kw === 'HEALTHCHECK' && /^(--\S+\s+)*CMD\s/i.test(raw))) continue;
        const body = kw === 'HEALTHCHECK' ? raw.replace(/^(--\S+\s+)*CMD\s+/i, '') : raw;
        // `HEALTHCHECK --interval=30s CMD ["/app", "-health"]` is exec form: the options come before CMD.
        if (body.startsWith('[')) continue;
        const exec = execFormOf(body);
        report({
          range: inst.getInstructionRange(),
          message: `Shell-form ${kw} runs /bin/sh, which ${stage.facts.family} does not have: "exec: /bin/sh: no such file or directory"`,
          fixes:
            exec !== undefined
              ? [
                  {
                    title: `Convert to exec form ${exec}`,
                    edits: [
                      {
                        range:
                          kw === 'HEALTHCHECK'
                            ? { start: argsRangeOf(inst)?.start ?? args.start, end: args.end }
                            : args,
                        newText: kw === 'HEALTHCHECK' ? raw.replace(body, exec) : exec,
                      },
                    ],
                  },
                ]
              : [],
        });
      }
    }
  },
});
