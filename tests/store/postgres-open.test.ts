/**
 * Opening a shared PostgreSQL database (store-pg only; the SQLite file's equivalents are in migrations.test.ts
 * and database-safety.test.ts): the same migrations applied once, a database from a newer Roundtable or of
 * another program refused untouched, a read-only command creating nothing, and two desktops opening a new
 * database at the same moment migrating it once.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseOpenError, openStore, probeDatabase } from '../../main/store';
import { LATEST_VERSION } from '../../main/store/migrations';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/engine';
import { withRaw } from '../helpers/rawDb';

const databases: TestDatabase[] = [];
afterAll(async () => { for (const d of databases) await d.drop(); });

async function fresh(): Promise<string> {
  const d = await createTestDatabase();
  databases.push(d);
  return d.url;
}

describe.skipIf(!onPostgres)('a shared PostgreSQL database', () => {
  it('two desktops opening a new database at once set it up once, at the newest schema', async () => {
    const url = await fresh();
    const [a, b] = await Promise.all([openStore(url), openStore(url)]);
    expect(a.schemaVersion()).toBe(LATEST_VERSION);
    expect(b.schemaVersion()).toBe(LATEST_VERSION);
    await a.close();
    await b.close();
    expect(await withRaw(url, (db) => db.value('SELECT version FROM roundtable_schema'))).toBe(LATEST_VERSION);
    expect(await probeDatabase(url)).toMatchObject({ engine: 'postgres', schemaVersion: LATEST_VERSION });
  });

  it('refuses a database written by a newer Roundtable, and leaves it as it was', async () => {
    const url = await fresh();
    await (await openStore(url)).close();
    await withRaw(url, (db) => db.run('UPDATE roundtable_schema SET version = ?', [LATEST_VERSION + 990]));
    await expect(openStore(url)).rejects.toMatchObject({ reason: 'newer', message: expect.stringMatching(/newer version of Roundtable/) });
    expect(await withRaw(url, (db) => db.value('SELECT version FROM roundtable_schema'))).toBe(LATEST_VERSION + 990);
  });

  it('refuses another program’s database untouched, and a read-only command creates nothing in an empty one', async () => {
    const other = await fresh();
    await withRaw(other, (db) => db.exec('CREATE TABLE invoices (id integer primary key, total numeric)'));
    const refused = await openStore(other).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DatabaseOpenError);
    expect((refused as DatabaseOpenError).message).toMatch(/not a Roundtable database: it holds tables invoices/);
    expect(await withRaw(other, (db) => db.tables())).toEqual(['invoices']);

    const empty = await fresh();
    await expect(openStore(empty, { mustExist: true })).rejects.toMatchObject({ reason: 'missing' });
    expect(await withRaw(empty, (db) => db.tables())).toEqual([]);
    expect(await probeDatabase(empty)).toMatchObject({ engine: 'postgres', schemaVersion: null });
  });
});

describe.skipIf(!onPostgres)('a shared database that does not exist yet', () => {
  it('is created by a command that writes a practice in (as a missing file is), and refused by one that only reads', async () => {
    const base = await fresh();
    const missing = base.replace(/\/[^/]+$/, `/${`rt_new_${Date.now()}`}`);
    await expect(openStore(missing, { mustExist: true })).rejects.toMatchObject({ message: expect.stringMatching(/no database of that name/) });
    const store = await openStore(missing);
    try {
      expect(store.schemaVersion()).toBe(LATEST_VERSION);
    } finally {
      await store.close();
      await withRaw(base, (db) => db.exec(`DROP DATABASE IF EXISTS ${missing.split('/').at(-1) ?? ''} WITH (FORCE)`)).catch(() => undefined);
    }
  });
});
