// `npm run test:rule -- GDLnnn`: compiles, then runs what proves one rule: its fixtures (markers and .fixed files),
// and the registry checks (doc examples fire, sorted registry, doc page current) for every rule.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const id = process.argv[2] ?? '';
if (!/^GDL\d{3}$/.test(id)) {
  console.error('usage: npm run test:rule -- GDLnnn');
  process.exit(2);
}
const step = (args) => spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' }).status ?? 1;
if (step([path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.']) !== 0) process.exit(1);
const fixtures = step(['--test', '--test-reporter=spec', `--test-name-pattern=${id}`, 'out/test/unit/rules.test.js']);
const registry = step([
  '--test',
  '--test-reporter=spec',
  'out/test/unit/registry.test.js',
  'out/test/unit/generated.test.js',
]);
process.exit(fixtures === 0 && registry === 0 ? 0 : 1);
