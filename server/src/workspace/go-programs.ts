// Owns which programs the workspace's Go modules build: the names of their main packages, found once per invalidation.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findFiles } from './files';

const MAX_GO_FILES = 5_000;

/** `package main` in the first lines of a Go file (after comments and build constraints). */
function isMainPackage(file: string): boolean {
  let head = '';
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const buf = Buffer.alloc(4096);
      head = buf.subarray(0, fs.readSync(fd, buf, 0, buf.length, 0)).toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
  return /^package\s+main\b/m.test(head);
}

/**
 * Binary names `go build` gives the main packages below each go.mod of the workspace: the folder's name, or the
 * module path's last element for a main package at the module root (cmd/go: the default output name); and the
 * outputs of `go build -o` in the workspace's Dockerfiles and Makefiles.
 */
export function goProgramNames(roots: readonly string[]): Set<string> {
  const names = new Set<string>();
  const modules = findFiles(roots, (_dir, name) => name === 'go.mod');
  const goFiles = findFiles(roots, (dir, name) => name.endsWith('.go') && !name.endsWith('_test.go') && !/[\\/](vendor|testdata)([\\/]|$)/.test(dir)).slice(0, MAX_GO_FILES);
  const mainDirs = new Set(goFiles.filter(isMainPackage).map((f) => path.dirname(f)));
  for (const mod of modules) {
    const root = path.dirname(mod);
    let modulePath = '';
    try {
      modulePath = /^module\s+(\S+)/m.exec(fs.readFileSync(mod, 'utf8'))?.[1] ?? '';
    } catch {
      continue;
    }
    for (const dir of mainDirs) {
      if (dir === root) names.add(modulePath.split('/').pop() ?? path.basename(root));
      else if (dir.startsWith(`${root}${path.sep}`)) names.add(path.basename(dir));
    }
  }
  // `go build -o bin/api` in the workspace's Dockerfiles and Makefiles names a program too.
  const buildFiles = findFiles(roots, (_dir, name) => /^(Dockerfile|Containerfile)(\..+)?$|\.dockerfile$|^(GNU)?[Mm]akefile$|\.mk$/.test(name)).slice(0, 500);
  for (const f of buildFiles) {
    let text = '';
    try {
      text = fs.readFileSync(f, 'utf8').slice(0, 200_000);
    } catch {
      continue;
    }
    for (const m of text.matchAll(/\bgo\s+build\b[^\n]*?\s-o[= ]\s*['"]?([^\s'"\\;&|]+)/g)) {
      const out = m[1] ?? '';
      if (out !== '' && !out.endsWith('/') && !out.includes('$')) names.add(path.basename(out));
    }
  }
  return names;
}
