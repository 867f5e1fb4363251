// Lint: type-aware TypeScript rules plus the folder import boundaries (docs/architecture.md, the layers).
import tseslint from 'typescript-eslint';

const nodeBuiltins = { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto'], message: 'Node APIs belong in main/.' };

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'test-output/', 'renderer/dist/', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only main/electron may import electron.' }] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'shared/ runs on both sides: no electron.' }, { name: 'react', message: 'shared/ has no UI.' }],
        patterns: [nodeBuiltins, { group: ['**/main/**', '**/renderer/**'], message: 'shared/ imports only shared/.' }],
      }],
    },
  },
  {
    // The renderer's runtime code; renderer/vite.config.ts is build tooling that runs in Node.
    files: ['renderer/src/**/*.ts', 'renderer/src/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The renderer talks only to window.roundtable.' }, { name: 'better-sqlite3', message: 'No SQL in the renderer.' }],
        patterns: [nodeBuiltins, { group: ['**/main/**'], message: 'The renderer may import shared/ but not main/.' }],
      }],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/store/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'Only main/electron may import electron.' }, { name: 'better-sqlite3', message: 'Only main/store runs SQL.' }],
      }],
    },
  },
  {
    files: ['main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'better-sqlite3', message: 'Only main/store runs SQL.' }] }],
    },
  },
);
