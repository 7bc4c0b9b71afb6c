// @vscode/test-cli configuration: the same extension suite as the code-server run, under VS Code desktop (needs network).
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
  files: 'out/test/e2e/suite/*.test.js',
  workspaceFolder: './test/fixtures/workspace',
  mocha: { ui: 'tdd', timeout: 60000 },
});
