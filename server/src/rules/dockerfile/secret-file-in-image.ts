// Owns GDL418: `.env` files (and `.git`) copied from the build context into the shipped image.
import { defineRule } from '../rule';
import { argsOf } from '../../parsers/dockerfile/instruction-cache';
import { isSecretEnvFileName } from '../../parsers/dockerfile/dockerignore';
import { shippedStages } from './final-stages';

/** Sources that send the whole context (or its top level) into the image. */
const WHOLE_CONTEXT = /^(\.|\.\/|\*|\.\/\*|\/)$/;

export const secretFileInImage = defineRule({
  id: 'GDL418',
  name: 'secret-file-in-image',
  language: 'dockerfile',
  defaultSeverity: 'warning',
  fixSafety: 'none',
  docs: {
    summary: 'Env file or .git copied into the image',
    what: "Reports `COPY`/`ADD` of a `.env` file (`.env`, `.env.production`, `prod.env`; not `.env.example` and other templates) in a stage that ships (the last stage and the stages it is built on), and `COPY . …` there when the build context (the Dockerfile's folder) holds such files or `.git` and the `.dockerignore` in force (`<Dockerfile>.dockerignore`, else `.dockerignore`) does not exclude them, matched with Docker's rules.",
    why: "Env files hold the service's secrets: once in a layer, anyone who can pull the image reads them, and deleting the file in a later layer does not remove it. `.git` carries the whole history, secrets that were ever committed included, and makes every commit a new layer. Pass secrets at run time (`--env-file`, orchestrator secrets) or at build time with `RUN --mount=type=secret`, and exclude `.env*` and `.git` in `.dockerignore`.",
    example: 'FROM alpine:3.20\nCOPY .env /app/.env\nCOPY app /app/app\n',
    useInstead: 'FROM alpine:3.20\nCOPY app /app/app\n',
    exampleFile: 'Dockerfile',
    references: [
      'https://docs.docker.com/build/concepts/context/#dockerignore-files',
      'https://docs.docker.com/build/building/secrets/',
    ],
  },
  check({ model, context }, report) {
    for (const stage of shippedStages(model)) {
      for (const inst of stage.instructions) {
        const keyword = inst.getKeyword().toUpperCase();
        if (keyword !== 'COPY' && keyword !== 'ADD') continue;
        // From another stage or image: not the build context.
        if (/(^|\s)--from[= ]/.test(inst.getTextContent())) continue;
        const args = argsOf(inst).filter((a) => !a.getValue().startsWith('--'));
        for (const src of args.slice(0, -1)) {
          const value = src.getValue();
          const name = value.replace(/\/+$/, '').split('/').pop() ?? '';
          if (isSecretEnvFileName(name)) {
            report({
              range: src.getRange(),
              message: `${keyword} puts \`${name}\` into an image layer: anyone who can pull the image reads its secrets; pass them at run time instead`,
            });
            continue;
          }
          if (!WHOLE_CONTEXT.test(value) || context === undefined) continue;
          const exposed = context.exposed();
          if (exposed.length === 0) continue;
          const envFiles = exposed.filter((p) => p !== '.git' && !p.endsWith('/.git'));
          const shown = [...envFiles, ...exposed.filter((p) => !envFiles.includes(p))].slice(0, 3);
          const more = exposed.length > shown.length ? ` and ${exposed.length - shown.length} more` : '';
          const ignore =
            context.dockerignore === undefined
              ? 'there is no .dockerignore; exclude them in one'
              : `${context.dockerignore} does not exclude them; add them there`;
          report({
            range: src.getRange(),
            // .git alone leaks history, not a live secret: information.
            ...(envFiles.length === 0 ? { severity: 'information' as const } : {}),
            message: `${keyword} ${value} puts ${shown.map((p) => `\`${p}\``).join(', ')}${more} into the image: ${ignore}`,
          });
        }
      }
    }
  },
});
