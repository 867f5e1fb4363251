/**
 * A real store, removed after the test: a SQLite file in a fresh temporary folder, or on PostgreSQL (the
 * store-pg project) a fresh database on the run's test cluster, dropped afterwards. The temporary folder
 * exists on both engines, for the files a test writes (CSV exports, printed output).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '../../main/store';
import { createContext, type AppContext } from '../../main/services/context';
import { createTestDatabase, onPostgres } from './engine';

export function tempDir(prefix = 'roundtable-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TempStore {
  /** A temporary folder for the test's own files (and the SQLite database). */
  dir: string;
  /** What `openStore` and the command line's `--db` take: the SQLite file, or the PostgreSQL database's URL. */
  file: string;
  store: Store;
  ctx: AppContext;
  /** Closes the store (ctx.store: a restore may have swapped it), removes the folder and drops the database. */
  cleanup: () => Promise<void>;
}

/** A store's target for this run's engine: a SQLite file in `dir`, or a new database on the test cluster. */
export async function newDatabase(dir: string, fileName = 'roundtable.sqlite'): Promise<{ target: string; drop: () => Promise<void> }> {
  if (!onPostgres) return { target: path.join(dir, fileName), drop: () => Promise.resolve() };
  const database = await createTestDatabase();
  return { target: database.url, drop: database.drop };
}

/**
 * A temporary folder and a database not yet opened: `file` is `fileName` in the folder on SQLite (not
 * created), or the URL of a new empty database on PostgreSQL. For tests that hand `--db` to the command line.
 */
export async function tempDatabase(fileName = 'roundtable.sqlite'): Promise<{ dir: string; file: string; cleanup: () => Promise<void> }> {
  const t = tempDir();
  try {
    const database = await newDatabase(t.dir, fileName);
    return { dir: t.dir, file: database.target, cleanup: async () => { t.cleanup(); await database.drop(); } };
  } catch (e) {
    t.cleanup();
    throw e;
  }
}

export async function openTempStore(today = '2026-11-23'): Promise<TempStore> {
  const { dir, cleanup } = tempDir();
  let database: Awaited<ReturnType<typeof newDatabase>> | undefined;
  try {
    database = await newDatabase(dir);
    const drop = database.drop;
    const file = database.target;
    const store = await openStore(file);
    const ctx = createContext(store, { today, actor: { osUser: 'tester', staffId: null } });
    return {
      dir, file, store, ctx,
      cleanup: async () => {
        // the test may have closed it already (a second close of a PostgreSQL pool throws): that is no failure of the test
        try { await ctx.store.close(); } catch { /* closed before */ } finally { cleanup(); await drop(); }
      },
    };
  } catch (e) {
    cleanup();
    await database?.drop();
    throw e;
  }
}

export const sampleHome = {
  name: 'Test Lodge', type: 'residential' as const, cqcLocationId: '1-555000111', address: '1 Test Street, Anytown', phone: '01632 960999',
  manager: 'Ann Example', roundDay: 'tuesday' as const, roundStartTime: '10:00', roundCapacityMinutes: 120,
};

export const sampleResident = (homeId: number, overrides: Record<string, unknown> = {}) => ({
  nhsNumber: '943 476 5919', familyName: 'Example', givenName: 'Edith', dateOfBirth: '1938-04-02', sex: 'female' as const, homeId,
  room: '12', admissionDate: '2025-06-01', dementia: true, frailty: 6, whatMatters: 'Her garden and her cat', ...overrides,
});

/** A CSV file's text, every value quoted, as a practice system exports it. */
export function csvText(lines: readonly (readonly string[])[]): string {
  return `${lines.map((l) => l.map((v) => `"${v.replace(/"/g, '""')}"`).join(',')).join('\n')}\n`;
}

/** Writes a CSV file into a folder and returns its path. */
export function writeCsv(dir: string, name: string, lines: readonly (readonly string[])[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, csvText(lines));
  return file;
}
