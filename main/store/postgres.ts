/**
 * The shared engine's side of opening a database: connect to PostgreSQL, refuse a database that is another
 * program's or from a newer Roundtable, apply the numbered migrations (the same list as SQLite's) in one
 * transaction under a lock so two desktops starting together never both migrate, and the Connection the
 * store runs on: reads from a small pool, each write in its own transaction.
 */
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { AppError } from '../../shared/errors';
import { DatabaseOpenError, DatabaseBusyError, type OpenOptions } from './db';
import { MIGRATIONS } from './migrations';
import { isBusy, isRetryable, type Connection, type TransactionOptions } from './sql/connection';
import { Mutex } from './sql/mutex';
import { postgresDb, postgresDialect, postgresTypes } from './sql/postgres';
import type { SqlDb } from './sql/types';

/** The one writer lock of a Roundtable database on PostgreSQL (pg_advisory_xact_lock key: "RndT"). */
const WRITER_LOCK = 0x526e6454;
/** Held while migrating, so a second desktop opening at the same time waits, then finds the schema current. */
const MIGRATION_LOCK = 0x526e6455;
/** How long a large write (an import, planning a round) waits for another desktop's before saying so. */
const WRITER_WAIT = '60s';

export { isPostgresUrl } from '../paths';
import { postgresLocation } from '../paths';

/** "PostgreSQL host[:port]/database" of a connection string, never the user's password: for screens, logs and messages. */
export function describePostgres(url: string): string {
  return `PostgreSQL ${postgresLocation(url)}`;
}

function connectionMessage(url: string, error: unknown): string {
  const e = error as { code?: string; message?: string };
  const where = describePostgres(url);
  if (e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND' || e.code === 'ETIMEDOUT' || e.code === 'EHOSTUNREACH') {
    return `The shared database cannot be reached (${where}: ${e.code}). Check the server name and port, and that the server is running.`;
  }
  if (e.code === '28P01' || e.code === '28000') return `The shared database refused the user name or password (${where}). Check them in Settings › Shared database.`;
  if (e.code === '3D000') return `There is no database of that name on the server (${where}). Ask whoever runs the server to create it.`;
  return `The shared database cannot be opened (${where}): ${e.message ?? String(error)}`;
}

const SCHEMA_TABLE = 'roundtable_schema';

export interface PostgresConnection extends Connection {
  readonly url: string;
  readonly pool: pg.Pool;
}

/** Connects, checks and migrates; the pool is closed again if anything is refused. */
export async function openPostgres(url: string, options: OpenOptions = {}, created = false): Promise<PostgresConnection> {
  const migrations = options.migrations ?? MIGRATIONS;
  const target = options.targetVersion ?? (migrations.at(-1)?.version ?? 0);
  const pool = new pg.Pool({ connectionString: url, max: 4, idleTimeoutMillis: 10_000, connectionTimeoutMillis: 20_000,
    application_name: `Roundtable on ${os.hostname()}`.slice(0, 63) });
  pool.on('error', () => undefined); // an idle client's lost connection: the next query reconnects
  let version: number;
  try {
    version = await migrate(pool, url, options, migrations, target);
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (error instanceof AppError) throw error;
    // a command that writes a practice's data in (demo, import) creates a missing database, as it creates a missing file
    if ((error as { code?: string }).code === '3D000' && !options.mustExist && !created && await createDatabase(url)) return openPostgres(url, options, true);
    throw new DatabaseOpenError('unwritable', connectionMessage(url, error));
  }
  return postgresConnection(pool, url, version);
}

/** Creates the URL's database on its server (through the server's own `postgres` database); false when not allowed. */
async function createDatabase(url: string): Promise<boolean> {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!name) return false;
  u.pathname = '/postgres';
  const client = new pg.Client({ connectionString: u.toString(), connectionTimeoutMillis: 20_000 });
  try {
    await client.connect();
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === '42P04'; // created meanwhile by another desktop
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function migrate(pool: pg.Pool, url: string, options: OpenOptions, migrations: OpenOptions['migrations'] & object, target: number): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const hasSchema = (await client.query(`SELECT to_regclass('${SCHEMA_TABLE}') IS NOT NULL AS present`)).rows[0]?.present === true;
      let current = 0;
      if (hasSchema) {
        current = Number((await client.query(`SELECT version FROM ${SCHEMA_TABLE} WHERE id = 1`)).rows[0]?.version ?? 0);
      } else {
        const tables = (await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`))
          .rows.map((r: { table_name: string }) => r.table_name);
        if (tables.length > 0) {
          const shown = tables.slice(0, 6).join(', ');
          throw new DatabaseOpenError('foreign', `${describePostgres(url)} is not a Roundtable database: it holds tables ${shown}${tables.length > 6 ? ', …' : ''}. ` +
            'Roundtable has not changed it. Use an empty database of its own.');
        }
        if (options.mustExist) {
          throw new DatabaseOpenError('missing', `${describePostgres(url)} holds no Roundtable data yet. Nothing was created. ` +
            'npm run cli -- demo --db URL fills it with the demo practice, or the desktop app sets it up.');
        }
      }
      const newest = migrations.at(-1)?.version ?? 0;
      if (current > newest) {
        throw new DatabaseOpenError('newer', `${describePostgres(url)} was written by a newer version of Roundtable (schema ${current}; this version knows up to ${newest}). ` +
          'Install the newer version of Roundtable; the database has not been changed.');
      }
      const pending = migrations.filter((m) => m.version > current && m.version <= target);
      if (pending.length === 0) return current;
      const db = postgresDb(client);
      await client.query('BEGIN');
      try {
        if (!hasSchema) {
          // SQLite's NOCASE, for the same case-insensitive names and ordering on both engines
          await client.query(`DO $$ BEGIN
              CREATE COLLATION nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
            EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
          await client.query(`CREATE TABLE ${SCHEMA_TABLE} (id integer PRIMARY KEY CHECK (id = 1), version integer NOT NULL, updated_at text NOT NULL)`);
          await client.query(`INSERT INTO ${SCHEMA_TABLE} (id, version, updated_at) VALUES (1, 0, $1)`, [new Date().toISOString()]);
        }
        for (const migration of pending) await migration.up(db);
        const reached = pending.at(-1)?.version ?? current;
        await client.query(`UPDATE ${SCHEMA_TABLE} SET version = $1, updated_at = $2 WHERE id = 1`, [reached, new Date().toISOString()]);
        await client.query('COMMIT');
        return reached;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    }
  } finally {
    client.release();
  }
}

function postgresConnection(pool: pg.Pool, url: string, version: number): PostgresConnection {
  const read = postgresDb(pool);
  /** Writes from this process go one at a time (as on SQLite); other desktops' only meet at the server's locks. */
  const local = new Mutex();
  const instance = randomUUID();
  let closing: Promise<void> | null = null;
  const once = async <T>(fn: (tx: SqlDb) => Promise<T>, options: TransactionOptions): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      try {
        if (options.exclusive) {
          await client.query(`SET LOCAL lock_timeout = '${WRITER_WAIT}'`);
          await client.query('SELECT pg_advisory_xact_lock($1)', [WRITER_LOCK]);
          await client.query('SET LOCAL lock_timeout = 0');
        }
        const value = await fn(postgresDb(client));
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    } finally {
      client.release();
    }
  };
  return {
    engine: 'postgres',
    dialect: postgresDialect,
    location: describePostgres(url),
    server: postgresLocation(url),
    url,
    pool,
    read,
    transaction: <T>(fn: (tx: SqlDb) => Promise<T>, options: TransactionOptions = {}) => local.run(async () => {
      // PostgreSQL may end one of two transactions that wait on each other; an ordinary edit is simply run again.
      for (let attempt = 1; ; attempt++) {
        try {
          return await once(fn, options);
        } catch (error) {
          if (isRetryable(error) && attempt < 4) continue;
          if (isBusy(error)) {
            throw new DatabaseBusyError('Another desktop is making a large change to the shared database (an import or planning a round) ' +
              'and it has not finished. Try again when it has; nothing was changed.');
          }
          throw error;
        }
      }
    }),
    // the WAL insert position moves with every commit, also with synchronous_commit off (the flushed position lags)
    dataVersion: async () => `${instance}:${String((await pool.query({ text: 'SELECT pg_current_wal_insert_lsn()::text AS lsn', types: postgresTypes() })).rows[0]?.lsn)}`,
    schemaVersion: () => version,
    close: () => {
      closing ??= pool.end();
      return closing;
    },
  };
}

/**
 * Connects without opening for use and says what is there: the server's version and Roundtable's schema
 * version (null: an empty database Roundtable would set up). Refuses another program's database and one
 * from a newer Roundtable, as opening would. Nothing is written.
 */
export async function probePostgres(url: string): Promise<{ location: string; schemaVersion: number | null; serverVersion: string }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 15_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new DatabaseOpenError('unwritable', connectionMessage(url, error));
  }
  try {
    const serverVersion = String((await client.query('SHOW server_version')).rows[0]?.server_version ?? '').split(' ')[0] ?? '';
    const hasSchema = (await client.query(`SELECT to_regclass('${SCHEMA_TABLE}') IS NOT NULL AS present`)).rows[0]?.present === true;
    if (!hasSchema) {
      const tables = Number((await client.query(`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema()`)).rows[0]?.n ?? 0);
      if (tables > 0) throw new DatabaseOpenError('foreign', `${describePostgres(url)} is not a Roundtable database: it holds ${tables} tables of another program. Use an empty database of its own.`);
      return { location: describePostgres(url), schemaVersion: null, serverVersion };
    }
    const version = Number((await client.query(`SELECT version FROM ${SCHEMA_TABLE} WHERE id = 1`)).rows[0]?.version ?? 0);
    const newest = MIGRATIONS.at(-1)?.version ?? 0;
    if (version > newest) throw new DatabaseOpenError('newer', `${describePostgres(url)} was written by a newer version of Roundtable (schema ${version}); install that version to use it.`);
    return { location: describePostgres(url), schemaVersion: version, serverVersion };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new DatabaseOpenError('unwritable', connectionMessage(url, error));
  } finally {
    await client.end().catch(() => undefined);
  }
}
