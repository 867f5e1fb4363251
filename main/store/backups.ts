/**
 * Backups with SQLite's online backup API (never a file copy of a live database), their check
 * (quick_check) before one is offered, and the file swap of a restore. The rules of which backups to
 * keep live in main/services/backups.ts; this module only touches files and SQL.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROUNDTABLE_APPLICATION_ID, type Db } from './db';

export interface BackupCheck {
  ok: boolean;
  /** SQLite's quick_check answer, or why the file could not be opened. */
  problem: string | null;
  schemaVersion: number | null;
  homes: number | null;
  residents: number | null;
}

export interface BackupFile {
  file: string;
  name: string;
  bytes: number;
  modifiedAt: string;
}

/** Takes an online backup of the open database into file (its folder is created). */
export async function backupTo(db: Db, file: string): Promise<void> {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  await db.backup(file);
}

function count(db: Db, table: string): number | null {
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } catch {
    return null;
  }
}

/** Opens a backup read-only and checks it: quick_check, schema version, how much it holds. */
export function checkBackup(file: string): BackupCheck {
  let db: Db | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const answer = String(db.pragma('quick_check', { simple: true }));
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    if (applicationId !== 0 && applicationId !== ROUNDTABLE_APPLICATION_ID) {
      return { ok: false, problem: `another program's database (SQLite application_id ${applicationId})`, schemaVersion: null, homes: null, residents: null };
    }
    if (answer !== 'ok') return { ok: false, problem: answer, schemaVersion, homes: null, residents: null };
    const homes = count(db, 'care_home');
    const residents = count(db, 'resident');
    if (homes === null || residents === null) return { ok: false, problem: 'not a Roundtable database', schemaVersion, homes, residents };
    return { ok: true, problem: null, schemaVersion, homes, residents };
  } catch (error) {
    return { ok: false, problem: (error as Error).message, schemaVersion: null, homes: null, residents: null };
  } finally {
    db?.close();
  }
}

/** The backup files (.sqlite, or pg_dump's .dump) in a folder, newest first. */
export function listBackupFiles(folder: string, extension = '.sqlite'): BackupFile[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith(extension))
    .map((name) => {
      const file = path.join(folder, name);
      const stat = statSync(file);
      return { file, name, bytes: stat.size, modifiedAt: stat.mtime.toISOString() };
    })
    .sort((a, b) => b.name.localeCompare(a.name));
}

export function deleteBackupFile(file: string): void {
  rmSync(file, { force: true });
}

/**
 * Puts a checked backup in place of a CLOSED database file: the old file and its WAL and shared-memory
 * files go first, so nothing of the old database can be replayed over the restored one.
 */
export function replaceDatabaseFile(databaseFile: string, backupFile: string): void {
  for (const suffix of ['-wal', '-shm', '']) rmSync(`${databaseFile}${suffix}`, { force: true });
  copyFileSync(backupFile, databaseFile);
}
