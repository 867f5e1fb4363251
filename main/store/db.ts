/**
 * Opening the database: the pragmas in one place, an integrity check, a backup before any migration,
 * the numbered migrations in one transaction, and refusal of a database from a newer app.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** Apply migrations only up to this version (tests of a migration's data step). */
  targetVersion?: number;
  migrations?: readonly Migration[];
  /** Folder for the pre-migration backup; defaults to "backups" beside the database. */
  backupDir?: string;
  /** Refuse a file that does not exist instead of creating it (commands that only read). */
  mustExist?: boolean;
}

/**
 * SQLite's application_id for Roundtable's databases ("RndT" in ASCII, 0x526E6454), written into the file
 * header so `file` and sqlite3 can tell whose database it is, and so Roundtable refuses another program's.
 */
export const ROUNDTABLE_APPLICATION_ID = 0x526e6454;

/** Tables every Roundtable schema has had since the first migration: with user_version > 0, an older Roundtable database. */
const ROUNDTABLE_TABLES = ['care_home', 'resident', 'agenda_item', 'audit_event'] as const;

export type DatabaseOpenReason = 'newer' | 'corrupt' | 'unwritable' | 'missing' | 'foreign';

export class DatabaseOpenError extends AppError {
  readonly reason: DatabaseOpenReason;
  constructor(reason: DatabaseOpenReason, message: string) {
    super('DATABASE', message);
    this.reason = reason;
  }
}

function setPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL'); // clinical data: durability over speed
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function backupFolderFor(file: string): string {
  return path.join(path.dirname(path.resolve(file)), 'backups');
}

function timestampForFile(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** Opens (creating if need be) and migrates the database file. */
export async function openDatabase(file: string, options: OpenOptions = {}): Promise<Db> {
  const migrations = options.migrations ?? MIGRATIONS;
  const target = options.targetVersion ?? (migrations.at(-1)?.version ?? LATEST_VERSION);
  if (options.mustExist && !existsSync(file)) {
    throw new DatabaseOpenError('missing', `There is no database at ${file}. Nothing was created. Check the file name (--db or ROUNDTABLE_DB); ` +
      'npm run cli -- demo --db FILE makes a demo one.');
  }
  try {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  } catch (error) {
    throw new DatabaseOpenError('unwritable', `The folder for the database cannot be created: ${(error as Error).message}`);
  }
  let db: Db;
  try {
    db = new Database(file, options.mustExist ? { fileMustExist: true } : {});
  } catch (error) {
    throw new DatabaseOpenError('unwritable', `The database file ${file} cannot be opened: ${(error as Error).message}`);
  }
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      throw new DatabaseOpenError('corrupt', `The database file ${file} is damaged (SQLite quick_check: ${String(check)}). Restore it from a backup.`);
    }
    const owner = ownership(db, file);
    setPragmas(db);
    const current = schemaVersion(db);
    const newest = migrations.at(-1)?.version ?? 0;
    if (current > newest) {
      throw new DatabaseOpenError('newer',
        `The database ${file} was written by a newer version of Roundtable (schema ${current}; this version knows up to ${newest}). ` +
        'Install the newer version of Roundtable; the database has not been changed.');
    }
    const pending = migrations.filter((m) => m.version > current && m.version <= target);
    if (owner !== 'roundtable') {
      // a new file, or a Roundtable database from before application_id: mark it as Roundtable's
      db.pragma(`application_id = ${ROUNDTABLE_APPLICATION_ID}`);
    }
    if (pending.length > 0) {
      if (current > 0) {
        const folder = options.backupDir ?? backupFolderFor(file);
        mkdirSync(folder, { recursive: true });
        const base = path.basename(file).replace(/\.[^.]+$/, '');
        await db.backup(path.join(folder, `${base}-${timestampForFile()}-before-v${pending.at(-1)?.version}.sqlite`));
      }
      db.transaction(() => {
        for (const migration of pending) migration.up(db);
        db.pragma(`user_version = ${pending.at(-1)?.version ?? current}`);
      })();
    }
    return db;
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    const message = (error as Error).message;
    if (/not a database|malformed|corrupt/i.test(message)) {
      throw new DatabaseOpenError('corrupt', `The database file ${file} is damaged (${message}). Restore it from a backup.`);
    }
    throw error;
  }
}

/**
 * Whose database this is, decided before anything is written to it: Roundtable's (its application_id),
 * new (no tables at all), or an older Roundtable database (application_id 0, a schema version and
 * Roundtable's own tables). Anything else is another program's database and is refused untouched.
 */
function ownership(db: Db, file: string): 'roundtable' | 'new' | 'older-roundtable' {
  const id = db.pragma('application_id', { simple: true }) as number;
  if (id === ROUNDTABLE_APPLICATION_ID) return 'roundtable';
  const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[])
    .map((t) => t.name));
  if (id === 0 && tables.size === 0 && schemaVersion(db) === 0) return 'new';
  if (id === 0 && schemaVersion(db) > 0 && ROUNDTABLE_TABLES.every((t) => tables.has(t))) return 'older-roundtable';
  const shown = [...tables].slice(0, 6).join(', ');
  throw new DatabaseOpenError('foreign', `${file} is not a Roundtable database: it belongs to another program` +
    `${id === 0 ? '' : ` (SQLite application_id ${id})`}${tables.size > 0 ? ` and holds tables ${shown}${tables.size > 6 ? ', …' : ''}` : ''}. ` +
    'Roundtable has not changed it. Choose another file with --db (or ROUNDTABLE_DB).');
}

export function closeDatabase(db: Db): void {
  if (!db.open) return;
  try {
    // optimize may write (ANALYZE): never wait for another process's import for it, nor fail on it
    db.pragma('busy_timeout = 0');
    db.pragma('optimize');
  } catch {
    // busy: the next close will optimize
  } finally {
    db.close();
  }
}
