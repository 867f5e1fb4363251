/**
 * Vitest global setup: builds the synthetic demo practice ONCE per run, with the same code as
 * `npm run cli -- demo`, into a temporary folder (database, practice export, printed rounds). Tests copy it
 * (tests/helpers/demo.ts) instead of running the demo themselves, so a busy machine runs the demo once,
 * not once per file, and nothing is written into the working tree.
 *
 * On PostgreSQL (the store-pg project: ROUNDTABLE_TEST_ENGINE=postgres) it first starts the run's
 * throwaway cluster (tests/setup/postgres.ts; ROUNDTABLE_TEST_PG names a server to use instead), builds
 * the demo into the template database `roundtable_demo` (tests copy it with CREATE DATABASE … TEMPLATE),
 * and stops the cluster at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { runCli } from '../../main/cli/index';
import { adminQuery, databaseUrl, DEMO_TEMPLATE } from '../helpers/engine';
import { startThrowawayPostgres } from './postgres';

/** The day the fixture's demo is made on; tests that use it pass the same --today. */
export const DEMO_TODAY = '2026-11-23';

declare module 'vitest' {
  export interface ProvidedContext {
    /**
     * A folder holding practice-export/ and rounds/ (and demo.sqlite on SQLite), made by
     * `demo --out DIR --today 2026-11-23` (with `--db` the template database on PostgreSQL).
     */
    demoFixtureDir: string;
    /** What that demo run printed with --json. */
    demoFixtureSummary: string;
  }
}

function engineOf(project: TestProject): string | undefined {
  return (project.config.env as Record<string, string | undefined> | undefined)?.ROUNDTABLE_TEST_ENGINE ?? process.env.ROUNDTABLE_TEST_ENGINE;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cleanups: (() => unknown)[] = [];
  const cleanup = async (): Promise<void> => {
    for (const step of cleanups.reverse()) {
      try { await step(); } catch (e) { console.error('[demo fixture] cleanup failed:', e); }
    }
  };
  try {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'roundtable-demo-fixture-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const args = ['demo', '--out', dir, '--today', DEMO_TODAY, '--json'];
    let base = '';
    if (engineOf(project) === 'postgres') {
      base = process.env.ROUNDTABLE_TEST_PG ?? '';
      if (!base) {
        const cluster = await startThrowawayPostgres();
        cleanups.push(cluster.stop);
        base = cluster.url;
      }
      const admin = base;
      // a server named by ROUNDTABLE_TEST_PG may hold one from an interrupted run
      await adminQuery(admin, `DROP DATABASE IF EXISTS ${DEMO_TEMPLATE} WITH (FORCE)`, `CREATE DATABASE ${DEMO_TEMPLATE}`);
      cleanups.push(() => adminQuery(admin, `DROP DATABASE IF EXISTS ${DEMO_TEMPLATE} WITH (FORCE)`));
      args.push('--db', databaseUrl(base, DEMO_TEMPLATE));
    }
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s), env: { XDG_CONFIG_HOME: dir, APPDATA: dir }, cwd: dir });
    if (code !== 0) throw new Error(`The demo fixture could not be built (exit ${code}): ${err.join('\n')}`);
    if (base) {
      // A template must have no connections while it is copied: end any the demo left, and allow no new ones.
      await adminQuery(base,
        `ALTER DATABASE ${DEMO_TEMPLATE} WITH ALLOW_CONNECTIONS false`,
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${DEMO_TEMPLATE}' AND pid <> pg_backend_pid()`);
    }
    project.provide('demoFixtureDir', dir);
    project.provide('demoFixtureSummary', out.join('\n'));
    project.provide('postgresBaseUrl', base);
    return cleanup;
  } catch (e) {
    await cleanup();
    throw e;
  }
}
