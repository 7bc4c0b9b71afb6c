// Owns GDL415: `ENV PATH=…` without `$PATH`, which removes the system directories.
import { defineRule } from '../rule';

export const envPathOverwritesSystemPath = defineRule({
  id: 'GDL415',
  name: 'env-path-overwrites-system-path',
  language: 'dockerfile',
  defaultSeverity: 'warning',
  fixSafety: 'safe',
  docs: {
    summary: 'ENV PATH drops the system PATH',
    what: 'Reports `ENV PATH=…` whose value does not include `$PATH` (the Dockerfile form of GDL146).',
    why: 'Later RUN lines and the container lose /usr/bin and /bin: `sh`, `git`, `apk` are no longer found, with errors far from this line.',
    example: 'FROM golang:1.27\nENV PATH=/go/bin\n',
    useInstead: 'FROM golang:1.27\nENV PATH=/go/bin:$PATH\n',
    exampleFile: 'Dockerfile',
  },
  check({ model, index }, report) {
    for (const stage of model.stages) {
      // Windows stages list PATH with `;` and have no Linux system directories to lose.
      if (stage.facts?.windows === true) continue;
      for (const inst of stage.instructions) {
        if (inst.getKeyword().toUpperCase() !== 'ENV') continue;
        for (const p of (
          inst as unknown as {
            getProperties(): {
              getName(): string;
              getValue(): string | null;
              getValueRange(): {
                start: { line: number; character: number };
                end: { line: number; character: number };
              } | null;
            }[];
          }
        ).getProperties()) {
          const vr = p.getValueRange();
          const raw = vr === null ? '' : index.text.slice(index.offsetAt(vr.start), index.offsetAt(vr.end));
          if (p.getName() !== 'PATH' || vr === null || /\$\{?PATH\b/.test(raw)) continue;
          const quoted = raw.startsWith('"') && raw.endsWith('"');
          const insertAt = quoted ? { line: vr.end.line, character: vr.end.character - 1 } : vr.end;
          report({
            range: vr,
            message: 'ENV PATH does not include $PATH: the system directories are no longer searched',
            fixes: [
              { title: 'Append :$PATH', edits: [{ range: { start: insertAt, end: insertAt }, newText: ':$PATH' }] },
            ],
          });
        }
      }
    }
  },
});
