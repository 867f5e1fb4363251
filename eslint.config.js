// Lint: type-aware TypeScript rules plus the folder import boundaries (docs/architecture.md, the layers).
import tseslint from 'typescript-eslint';

const nodeBuiltins = { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto'], message: 'Node APIs belong in main/.' };

// The main process's own modules (not main/store, which runs SQL, nor main/electron, which is the shell).
const mainPaths = [{ name: 'electron', message: 'Only main/electron may import electron.' }, { name: 'better-sqlite3', message: 'Only main/store runs SQL.' }];
// main/ and the renderer meet in one place: main/print renders renderer/src/print's components to HTML and PDF.
const noRenderer = { group: ['**/renderer/**'], message: 'main/ may import the renderer only in main/print, and only renderer/src/print (docs/architecture.md, the print boundary).' };
const onlyPrintComponents = {
  regex: '(^|/)renderer/(?!src/print/)',
  message: 'main/print may import only the print components of renderer/src/print, nothing else of the renderer (docs/architecture.md, the print boundary).',
};

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
    // The print components also run in Node (main/print renders them): only shared/, their own folder and packages.
    files: ['renderer/src/print/**/*.ts', 'renderer/src/print/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The renderer talks only to window.roundtable.' }, { name: 'better-sqlite3', message: 'No SQL in the renderer.' }],
        patterns: [nodeBuiltins, { group: ['**/main/**'], message: 'The renderer may import shared/ but not main/.' },
          { regex: '^\\.\\./(?!\\.\\./\\.\\./shared/)', message: 'The print components are rendered by main/print too: they import only shared/ and renderer/src/print.' }],
      }],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/store/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: mainPaths, patterns: [noRenderer] }],
    },
  },
  {
    // The store is below everything else of main/: it knows the domain (shared/) and SQL, not the importers,
    // services, handlers or the CLI that use it (docs/architecture.md, the store and its two engines).
    files: ['main/store/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'Only main/electron may import electron.' }],
        patterns: [noRenderer, { group: ['**/imports/**', '**/services/**', '**/handlers/**', '**/cli/**', '**/print/**', '**/electron/**'],
          message: 'The store imports only shared/ and its own files: row types and rules live in shared/.' }],
      }],
    },
  },
  {
    files: ['main/print/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: mainPaths, patterns: [onlyPrintComponents] }],
    },
  },
  {
    // The command line has one front door: ctx.call (the IPC contract's handlers) or the services. Only
    // main/cli/common.ts opens and closes the store.
    files: ['main/cli/**/*.ts'],
    ignores: ['main/cli/common.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: mainPaths,
        patterns: [noRenderer, { group: ['**/store', '**/store/**'], message: 'The command line goes through ctx.call or the services, never the store.' }],
      }],
      'no-restricted-syntax': ['error', {
        selector: "MemberExpression[property.name='store']",
        message: 'The command line goes through ctx.call or the services, never the store (main/cli/common.ts opens and closes it).',
      }],
    },
  },
  {
    files: ['main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'better-sqlite3', message: 'Only main/store runs SQL.' }], patterns: [noRenderer] }],
    },
  },
);
