// Owns access to probe.sh: inlined into the bundles by esbuild, read from the source tree in tests.
import * as fs from 'node:fs';
import * as path from 'node:path';

declare const GDL_PROBE_SCRIPT: string | undefined;

let cached: string | undefined;

export function probeScript(): string {
  if (typeof GDL_PROBE_SCRIPT === 'string') return GDL_PROBE_SCRIPT;
  if (cached !== undefined) return cached;
  for (let dir = __dirname, i = 0; i < 6; i++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'server', 'src', 'host', 'probe.sh');
    const local = path.join(dir, 'probe.sh');
    for (const f of [local, candidate]) if (fs.existsSync(f)) return (cached = fs.readFileSync(f, 'utf8'));
  }
  throw new Error('probe.sh not found');
}
