// Owns where the scripts find the development corpus (../shared/corpus, or GDL_CORPUS) and what they say without it:
// a user's clone has no corpus, and the corpus scripts then end successfully after saying so.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const CORPUS = process.env.GDL_CORPUS ?? path.resolve(ROOT, '..', 'shared', 'corpus');

/** The corpus folder; without it, prints that `what` has nothing to do and exits 0. */
export function corpusOrExit(what) {
  if (fs.existsSync(CORPUS)) return CORPUS;
  console.log(
    `${what}: corpus not found at ${CORPUS} (it exists only in the development workspace; set GDL_CORPUS to point at a copy). Nothing to do.`,
  );
  process.exit(0);
}
