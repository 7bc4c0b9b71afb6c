// `npm run try`: the extension in a real VS Code without a desktop: code-server on 127.0.0.1 with the packaged
// extension installed and the examples open. Prints the URL; Ctrl-C stops it.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { missingTools, ROOT, startCodeServer } from './e2e/code-server.mjs';

const missing = missingTools();
if (missing !== undefined) {
  console.error(`npm run try: ${missing}`);
  process.exit(3);
}
execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
const cs = await startCodeServer();
await cs.installExtension(path.join(ROOT, 'go-deploy-lint.vsix'));
const folder = path.join(ROOT, 'examples');
console.log(`Go Deploy Lint in code-server: http://127.0.0.1:${cs.port}/?folder=${encodeURIComponent(folder)}`);
console.log('(listening on 127.0.0.1 only; Ctrl-C stops it)');
const stop = () => {
  // Exit only when code-server and its workers are gone, so nothing is left listening.
  void cs.stopAndWait().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
await new Promise(() => {});
