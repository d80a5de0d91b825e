// ESLint: typescript-eslint's recommended rules with type information, run by `npm test` (ADR 0014).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['node_modules/', 'public/', 'build/', 'data/', 'audit/', '.bench-data/', 'test-results/', 'tmp-scratch/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // node:test's test() and describe() return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite', 'before', 'after'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Names a reader has to decode slow the next person down: at least two letters in the application's code
    // (loop counters and an ignored parameter aside). Lines stay readable without scrolling: prettier wraps code
    // at 120 characters, and no line (a long string included) passes 160.
    files: ['src/**/*.ts'],
    rules: {
      'id-length': ['error', { min: 2, exceptions: ['i', 'j', '_'], properties: 'never' }],
      'max-len': ['error', { code: 160, ignoreUrls: true }],
    },
  },
  {
    // A migration that has run is history: its SQL is pinned (test/db/migration-sql.test.ts) and never rewrapped.
    files: ['src/db/migrations/**/*.ts'],
    rules: { 'max-len': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/web/assets/js/**/*.js'],
    languageOptions: { globals: globals.browser, sourceType: 'script' },
  },
);
