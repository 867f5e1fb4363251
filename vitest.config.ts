import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Timeouts are sized for a loaded 2-core machine (CI beside other jobs), not for a quiet laptop: a hook or
 * test that is merely slow must not fail. Speed targets live in bench/, never in tests.
 */
const MINUTE = 60_000;

/**
 * The store, services, imports and CLI suites: run twice, on SQLite (`store`) and on PostgreSQL
 * (`store-pg`), the engine picked by ROUNDTABLE_TEST_ENGINE (tests/helpers/engine.ts).
 */
const store = {
  include: ['tests/store/**/*.test.ts', 'tests/services/**/*.test.ts', 'tests/cli/**/*.test.ts', 'tests/imports/**/*.test.ts'],
  environment: 'node',
  // the demo practice, built once per run and copied by the tests that need it (tests/helpers/demo.ts); on
  // PostgreSQL it also starts and stops the run's throwaway cluster
  globalSetup: ['tests/setup/demoFixture.ts'],
  // a temporary home folder per test file: what the app writes "in the user's folder" stays in a temporary folder
  setupFiles: ['tests/setup/tempHome.ts'],
  testTimeout: 5 * MINUTE,
  hookTimeout: 5 * MINUTE,
};

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 2 * MINUTE, hookTimeout: 5 * MINUTE } },
      { test: { ...store, name: 'store', exclude: [...configDefaults.exclude, 'tests/store/postgres-cluster.test.ts'] } },
      // the same files again on PostgreSQL: a throwaway cluster for the run (tests/setup/postgres.ts), a database per test
      { test: { ...store, name: 'store-pg', env: { ROUNDTABLE_TEST_ENGINE: 'postgres' } } },
      { test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], environment: 'node', testTimeout: 5 * MINUTE, hookTimeout: 5 * MINUTE, fileParallelism: false } },
    ],
  },
});
