// ESLint for the whole TypeScript tree: typescript-eslint's type-checked rules, formatting left to Prettier.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', '.vscode-test/', 'test/fixtures/', 'test/fuzz/', '**/*.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Parsers and printers match NUL, ESC and other control characters on purpose (binary input, terminal text).
      'no-control-regex': 'off',
      // node:test's test()/suite() return promises the runner awaits itself.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'suite', 'describe', 'it'] },
          ],
        },
      ],
    },
  },
  {
    // LSP 3.18 types a diagnostic's message as string | MarkupContent; this server only sends strings.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-base-to-string': 'off' },
  },
  {
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        TextDecoder: 'readonly',
        document: 'readonly',
      },
    },
  },
);
