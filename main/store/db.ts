/**
 * Opening the database: the pragmas in one place, an integrity check, a backup before any migration,
 * the numbered migrations in one transaction, and refusal of a database from a newer app.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
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
}

export class DatabaseOpenError extends AppError {
  readonly reason: 'newer' | 'corrupt' | 'unwritable';
  constructor(reason: 'newer' | 'corrupt' | 'unwritable', message: string) {
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
  try {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  } catch (error) {
    throw new DatabaseOpenError('unwritable', `The folder for the database cannot be created: ${(error as Error).message}`);
  }
  let db: Db;
  try {
    db = new Database(file);
  } catch (error) {
    throw new DatabaseOpenError('unwritable', `The database file ${file} cannot be opened: ${(error as Error).message}`);
  }
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      throw new DatabaseOpenError('corrupt', `The database file ${file} is damaged (SQLite quick_check: ${String(check)}). Restore it from a backup.`);
    }
    setPragmas(db);
    const current = schemaVersion(db);
    const newest = migrations.at(-1)?.version ?? 0;
    if (current > newest) {
      throw new DatabaseOpenError('newer',
        `The database ${file} was written by a newer version of Roundtable (schema ${current}; this version knows up to ${newest}). ` +
        'Install the newer version of Roundtable; the database has not been changed.');
    }
    const pending = migrations.filter((m) => m.version > current && m.version <= target);
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

export function closeDatabase(db: Db): void {
  if (!db.open) return;
  try {
    db.pragma('optimize');
  } finally {
    db.close();
  }
}
