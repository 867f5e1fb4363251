/**
 * Which engine this test run's stores use. The `store` project runs on SQLite files; `store-pg` runs the
 * same files on PostgreSQL (ROUNDTABLE_TEST_ENGINE=postgres, set by vitest.config.ts), each test in a
 * database of its own on the run's throwaway cluster (tests/setup/postgres.ts, started by
 * tests/setup/demoFixture.ts).
 */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { adminQuery, databaseUrl } from '../setup/postgres';

export { adminQuery, databaseUrl };

/** True in the store-pg project: tests that are inherently about SQLite files use `describe.skipIf(onPostgres)`. */
export const onPostgres = process.env.ROUNDTABLE_TEST_ENGINE === 'postgres';

/** The name of the template database holding the run's demo practice (see tests/setup/demoFixture.ts). */
export const DEMO_TEMPLATE = 'roundtable_demo';

/** The cluster's base URL (postgres://postgres@127.0.0.1:PORT/postgres). */
export function postgresBaseUrl(): string {
  const url = inject('postgresBaseUrl');
  if (!url) throw new Error('No test PostgreSQL: run this test through the "store-pg" project (ROUNDTABLE_TEST_ENGINE=postgres npx vitest run --project store-pg …).');
  return url;
}

/** A name no other test uses: rt_ and 16 hex digits (safe unquoted). */
export function freshDatabaseName(prefix = 'rt'): string {
  return `${prefix}_${randomBytes(8).toString('hex')}`;
}

export interface TestDatabase {
  name: string;
  url: string;
  /** Drops the database, closing any connection a test left open; never throws (the cluster goes at the end of the run anyway). */
  drop: () => Promise<void>;
}

/** A new database on the test cluster: empty, or a copy of a template (which must have no open connections). */
export async function createTestDatabase(options: { template?: string; base?: string } = {}): Promise<TestDatabase> {
  const base = options.base ?? postgresBaseUrl();
  const name = freshDatabaseName();
  await adminQuery(base, `CREATE DATABASE ${name}${options.template ? ` TEMPLATE ${options.template}` : ''}`);
  let dropped: Promise<void> | undefined;
  return {
    name,
    url: databaseUrl(base, name),
    drop: () => (dropped ??= adminQuery(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined)),
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's test PostgreSQL (store-pg only; '' on SQLite). */
    postgresBaseUrl: string;
  }
}
