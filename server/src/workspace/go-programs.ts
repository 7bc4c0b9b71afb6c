// Owns which programs the workspace's Go code builds: the names of its main packages (and the module of each) and of
// `go build -o` outputs in its Dockerfiles, found in one walk per invalidation.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDockerfile } from '../parsers/dockerfile/parser';
import { detectLanguage } from './language-id';
import { buildModel } from '../parsers/dockerfile/model';
import { LineIndex } from '../text/line-index';
import { findFiles, readHead } from './files';

const MAX_GO_FILES = 5_000;
const MAX_DOCKERFILES = 500;

export interface GoPrograms {
  /** Binary name → the go.mod of the module whose main package builds it (the nearest enclosing module). */
  readonly modules: ReadonlyMap<string, string>;
  /** Every binary name: main packages and the outputs of `go build -o` in the workspace's Dockerfiles. */
  readonly names: ReadonlySet<string>;
}

/**
 * Binary names `go build` gives the main packages below each go.mod of the workspace (the folder's name, or the
 * module path's last element for a main package at the module root: cmd/go's default output name), and the outputs
 * of `go build -o` that the Dockerfile model reads in the workspace's Dockerfiles.
 */
export function goPrograms(roots: readonly string[]): GoPrograms {
  const modules = new Map<string, string>();
  const names = new Set<string>();
  const files = findFiles(
    roots,
    (dir, name) =>
      name === 'go.mod' ||
      (name.endsWith('.go') && !name.endsWith('_test.go') && !/[\\/](vendor|testdata)([\\/]|$)/.test(dir)) ||
      detectLanguage(path.join(dir, name)) === 'dockerfile',
  );
  // Deepest module first, so a main package belongs to its nearest enclosing go.mod.
  const goMods = files.filter((f) => path.basename(f) === 'go.mod').sort((a, b) => b.length - a.length);
  // `package main` in the first lines of a Go file (after comments and build constraints).
  const mainDirs =
    goMods.length === 0
      ? new Set<string>()
      : new Set(
          files
            .filter((f) => f.endsWith('.go'))
            .slice(0, MAX_GO_FILES)
            .filter((f) => /^package\s+main\b/m.test(readHead(f, 4096)))
            .map((f) => path.dirname(f)),
        );
  for (const dir of [...mainDirs].sort()) {
    const mod = goMods.find((m) => dir === path.dirname(m) || dir.startsWith(`${path.dirname(m)}${path.sep}`));
    if (mod === undefined) continue;
    const root = path.dirname(mod);
    const modulePath = /^module\s+(\S+)/m.exec(readHead(mod, 4096))?.[1] ?? '';
    const name = dir === root ? modulePath.split('/').pop() || path.basename(root) : path.basename(dir);
    if (!modules.has(name)) modules.set(name, mod);
    names.add(name);
  }
  for (const f of files.filter((x) => !x.endsWith('.go') && path.basename(x) !== 'go.mod').slice(0, MAX_DOCKERFILES)) {
    let text: string;
    try {
      text = fs.readFileSync(f, 'utf8');
    } catch {
      continue;
    }
    for (const stage of buildModel(parseDockerfile(text), new LineIndex(text)).stages) {
      for (const b of stage.goBuilds) if (b.output !== undefined) names.add(path.basename(b.output));
    }
  }
  return { modules, names };
}
