// Owns loading dockerfile-ast: on the first Dockerfile, so linting other files does not pay for it at startup.
import type { Dockerfile, DockerfileParser } from 'dockerfile-ast';

let parser: typeof DockerfileParser | undefined;

export function parseDockerfile(text: string): Dockerfile {
  // A require inside the function: the bundler keeps the module but initialises it only when called.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  parser ??= (require('dockerfile-ast') as typeof import('dockerfile-ast')).DockerfileParser;
  return parser.parse(text);
}

/**
 * True when `newText` inserted at `offset` becomes its own `keyword` instruction on `line` in the last stage, and
 * does not join an open continuation or heredoc (checked by parsing the result: only fixes near one ask).
 */
export function insertionStandsAlone(
  text: string,
  offset: number,
  newText: string,
  keyword: string,
  line: number,
): boolean {
  const probe = parseDockerfile(text.slice(0, offset) + newText + text.slice(offset));
  const lastFrom = probe.getFROMs().at(-1)?.getRange()?.start.line ?? 0;
  return probe
    .getInstructions()
    .some(
      (i) =>
        i.getKeyword() === keyword && (i.getRange()?.start.line ?? -1) >= lastFrom && i.getRange()?.start.line === line,
    );
}
