/**
 * Plain SQL on a test's database from outside the store, on either engine: a second connection, as another
 * process or desktop would have. Tests use it to arrange rows the store has no call for and to read the
 * database as it really is. Queries use the store's SQL conventions (`?` or `@name`, see main/store/sql).
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { isPostgresUrl } from '../../main/paths';
import { postgresDb } from '../../main/store/sql/postgres';
import { SqliteStatements, sqliteDb } from '../../main/store/sql/sqlite';
import type { SqlDb } from '../../main/store/sql/types';

export interface RawDb extends SqlDb {
  /** The application's tables (no engine catalogue tables), by name. */
  tables(): Promise<string[]>;
  /** The database's own consistency check: SQLite's integrity_check ('ok'); PostgreSQL has none to run ('ok'). */
  integrity(): Promise<string>;
  close(): Promise<void>;
}

export { isPostgresUrl };

/** A connection of its own to a SQLite file or a PostgreSQL URL. */
export async function openRaw(target: string, options: { readonly?: boolean } = {}): Promise<RawDb> {
  if (isPostgresUrl(target)) {
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    if (options.readonly) await client.query('SET default_transaction_read_only = on');
    const db = postgresDb(client);
    return {
      ...db,
      tables: () => db.column<string>(`SELECT table_name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`),
      integrity: () => Promise.resolve('ok'),
      close: () => client.end(),
    };
  }
  const sqlite = new Database(target, { readonly: options.readonly === true, fileMustExist: true });
  const db = sqliteDb(new SqliteStatements(sqlite));
  return {
    ...db,
    tables: () => db.column<string>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"),
    integrity: () => Promise.resolve(String(sqlite.pragma('integrity_check', { simple: true }))),
    close: () => { sqlite.close(); return Promise.resolve(); },
  };
}

/** Runs fn with a connection of its own, closed afterwards. */
export async function withRaw<T>(target: string, fn: (db: RawDb) => Promise<T>, options: { readonly?: boolean } = {}): Promise<T> {
  const db = await openRaw(target, options);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/**
 * Every row of every table, each table's rows sorted by their JSON text (PostgreSQL has no rowid order), so
 * the same content compares equal on both engines.
 */
export async function dumpTables(db: RawDb, without: readonly string[] = []): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const name of await db.tables()) {
    if (without.includes(name)) continue;
    const rows = (await db.all<Record<string, unknown>>(`SELECT * FROM "${name}"`)).map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
    dump[name] = rows.sort().map((r) => JSON.parse(r) as unknown);
  }
  return dump;
}

/** A hash over every row of every table: equal hashes, same content. */
export async function contentHash(db: RawDb): Promise<string> {
  const hash = createHash('sha256');
  for (const [name, rows] of Object.entries(await dumpTables(db))) {
    hash.update(`\n#${name}\n`);
    for (const row of rows) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}
