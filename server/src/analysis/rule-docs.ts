// Owns where a rule's documentation lives: the page file name and a URI that works offline.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Rule } from '../rules/rule';

export function docFileName(rule: Pick<Rule, 'id' | 'name'>): string {
  return `${rule.id}-${rule.name}.md`;
}

let cachedRoot: string | undefined;

/** The shipped `docs/rules` folder: next to `dist/` in the VSIX, at the repository root in development. */
export function docsRoot(): string {
  if (cachedRoot !== undefined) return cachedRoot;
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'docs', 'rules');
    if (fs.existsSync(candidate)) return (cachedRoot = candidate);
    dir = path.dirname(dir);
  }
  return (cachedRoot = path.join(__dirname, '..', 'docs', 'rules'));
}

const hrefs = new Map<string, string>();

/** A file URI of the shipped page, so the link works without network; computed once per rule. */
export function docHref(rule: Pick<Rule, 'id' | 'name'>): string {
  let href = hrefs.get(rule.id);
  if (href === undefined) hrefs.set(rule.id, (href = pathToFileURL(path.join(docsRoot(), docFileName(rule))).href));
  return href;
}
