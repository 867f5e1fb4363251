/**
 * The embedded engine's side of opening a database: the pragmas in one place, an integrity check, a backup
 * before any migration, the numbered migrations in one transaction, refusal of a database from a newer app
 * or another program, and the SQLite Connection the store runs on (one writer at a time, audit events of
 * reads queued beside the file while another process writes).
 */
import Database from 'better-sqlite3';
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations';
import { writeAudit, type Actor } from './audit';
import { busyMessage, listHolders, type HolderHandle } from './holders';
import { isBusy, type Connection, type TransactionOptions } from './sql/connection';
import { Mutex } from './sql/mutex';
import { SqliteStatements, sqliteDb, sqliteDialect } from './sql/sqlite';
import type { SqlDb } from './sql/types';

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
      const migrator = sqliteDb(new SqliteStatements(db));
      db.exec('BEGIN IMMEDIATE');
      try {
        for (const migration of pending) await migration.up(migrator);
        db.pragma(`user_version = ${pending.at(-1)?.version ?? current}`);
        db.exec('COMMIT');
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
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

/** Another process holds the write lock longer than the busy timeout; the message says what it is running. */
export class DatabaseBusyError extends AppError {
  constructor(message: string) {
    super('DATABASE', message);
  }
}

/** Audit events of reads that could not be written while another process held the write lock, oldest first. */
export function auditQueueFile(databaseFile: string): string {
  return `${databaseFile}-audit-queue.jsonl`;
}

export interface QueuedAudit { at: string; actor: Actor; action: string; entity: string; entityId: number | null; summary: string }

/** How long an audit event of a read waits for another process's write before it is queued instead. */
const AUDIT_WAIT_MS = 250;

export interface SqliteConnection extends Connection {
  readonly file: string;
  readonly db: Db;
  /** Keeps an audit event of a read beside the database for the next write (the database is busy). */
  queueAudit(event: QueuedAudit): void;
}

/** The Connection over an open database file: one transaction at a time; queued audit events go in with the next write. */
export function sqliteConnection(db: Db, file: string, holder?: HolderHandle): SqliteConnection {
  const statements = new SqliteStatements(db);
  const lock = new Mutex();
  const tx = sqliteDb(statements);
  const read = sqliteDb(statements, () => lock.idle());
  const queueFile = auditQueueFile(file);
  /** Takes the queued audit events (renamed away first, so two processes never write the same one twice). */
  const claimQueue = (): { claimed: string; events: QueuedAudit[] } | null => {
    if (!existsSync(queueFile)) return null;
    const claimed = `${queueFile}.${process.pid}.claimed`;
    try {
      renameSync(queueFile, claimed);
      const events = readFileSync(claimed, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as QueuedAudit);
      return { claimed, events };
    } catch {
      return null;
    }
  };
  const putBack = (claim: { claimed: string } | null) => {
    if (!claim) return;
    appendFileSync(queueFile, readFileSync(claim.claimed));
    rmSync(claim.claimed, { force: true });
  };
  const begin = (options: TransactionOptions) => {
    const wait = db.pragma('busy_timeout', { simple: true }) as number;
    if (options.shortWait) db.pragma(`busy_timeout = ${AUDIT_WAIT_MS}`);
    try {
      db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      if (isBusy(error)) throw new DatabaseBusyError(busyMessage(listHolders(file, holder?.id)));
      throw error;
    } finally {
      if (options.shortWait) db.pragma(`busy_timeout = ${wait}`);
    }
  };
  /** This store's own mark in its data version: a store opened again (after a restore) never repeats an earlier one's version. */
  const instance = randomUUID();
  return {
    engine: 'sqlite',
    dialect: sqliteDialect,
    location: file,
    server: null,
    file,
    db,
    read,
    transaction: <T>(fn: (tx: SqlDb) => Promise<T>, options: TransactionOptions = {}) => lock.run(async () => {
      const claim = claimQueue();
      try {
        begin(options);
        try {
          for (const e of claim?.events ?? []) await writeAudit(tx, e.actor, e.action, e.entity, e.entityId, e.summary, e.at);
          const value = await fn(tx);
          db.exec('COMMIT');
          if (claim) rmSync(claim.claimed, { force: true });
          return value;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      } catch (error) {
        putBack(claim);
        throw error;
      }
    }),
    dataVersion: async () => {
      await lock.idle();
      return `${instance}:${String(db.pragma('data_version', { simple: true }))}:${String(statements.pluck('SELECT total_changes()').get())}`;
    },
    schemaVersion: () => schemaVersion(db),
    queueAudit: (event) => appendFileSync(queueFile, `${JSON.stringify(event)}\n`),
    // Queued audit events stay beside the file for the next write (by any process). Closing while idle is
    // immediate, so a caller that swaps the file next (restore) never races the close.
    close: () => {
      if (!lock.isHeld) {
        closeDatabase(db);
        return Promise.resolve();
      }
      return lock.idle().then(() => closeDatabase(db));
    },
  };
}
