/**
 * Backups: automatic daily backups with retention (7 daily, 4 weekly), "Back up now", and restore from
 * a checked backup with the current database kept, so the restore can itself be undone.
 */
import path from 'node:path';
import { addDays, dayOfWeek, todayInLondon } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import type { BackupInfo, BackupKind, RestoreResult } from '../../shared/ipc/backups';
import { checkBackup, deleteBackupFile, describeHolder, listBackupFiles, markRestoring, openStore, replaceDatabaseFile, type Holder } from '../store';
import { LATEST_VERSION } from '../store/migrations';
import type { AppContext } from './context';
import { outputFolder } from './outputFolder';
import { SERVER_BACKUPS } from '../store/pgDump';

/** How many automatic backups are kept: the newest of each of the last 7 days, then of each of 4 weeks before. */
export const RETENTION = { daily: 7, weekly: 4 } as const;

const KIND_LABELS: Record<BackupKind, string> = {
  daily: 'Automatic daily backup',
  manual: 'Backed up by hand',
  'before-restore': 'Kept before a restore',
  'before-upgrade': 'Taken before an upgrade',
  other: 'Backup',
};

/** Beside the SQLite file (its "backups" folder); on PostgreSQL, where this computer's pg_dump copies go. */
export function backupFolder(ctx: AppContext): string {
  return path.join(outputFolder(ctx.store), 'backups');
}

/** On a shared PostgreSQL database the server's backups are the ones that count; restoring is the server's too. */
function refuseOnSharedDatabase(ctx: AppContext, what: string): void {
  if (ctx.store.engine === 'postgres') throw new AppError('CONFLICT', `${what} is for the database on this computer. ${SERVER_BACKUPS}`);
}

/** "2026-11-25T06-40-00-000Z" back to an ISO timestamp. */
function takenAtOf(name: string): string | null {
  const m = /(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/.exec(name);
  return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` : null;
}

export function kindOf(name: string): BackupKind {
  if (name.endsWith('-daily.sqlite')) return 'daily';
  if (name.endsWith('-manual.sqlite')) return 'manual';
  if (name.endsWith('-before-restore.sqlite')) return 'before-restore';
  if (/-before-v\d+\.sqlite$/.test(name)) return 'before-upgrade';
  return 'other';
}

export function backupName(databaseFile: string, kind: Exclude<BackupKind, 'other' | 'before-upgrade'>, now: Date): string {
  const base = path.basename(databaseFile).replace(/\.[^.]+$/, '');
  return `${base}-${now.toISOString().replace(/[:.]/g, '-')}-${kind}.sqlite`;
}

/**
 * Which automatic backups the retention rule deletes: it keeps the newest backup of each of the last
 * RETENTION.daily days that have one, and the newest of each of the RETENTION.weekly weeks before those.
 * Backups taken by hand, before an upgrade or before a restore are never deleted automatically.
 */
export function backupsToDelete(backups: readonly { name: string; takenAt: string }[]): string[] {
  const daily = backups.filter((b) => kindOf(b.name) === 'daily').sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  const keep = new Set<string>();
  const days = new Set<string>();
  const weeks = new Set<string>();
  for (const b of daily) {
    const day = todayInLondon(new Date(b.takenAt));
    if (days.has(day)) continue;
    if (days.size < RETENTION.daily) {
      days.add(day);
      keep.add(b.name);
      continue;
    }
    const week = addDays(day, -((dayOfWeek(day) + 6) % 7)); // the Monday
    if (weeks.has(week) || weeks.size >= RETENTION.weekly) continue;
    // a week already covered by a kept daily backup needs no weekly one
    if ([...days].some((d) => addDays(d, -((dayOfWeek(d) + 6) % 7)) === week)) continue;
    weeks.add(week);
    keep.add(b.name);
  }
  return daily.filter((b) => !keep.has(b.name)).map((b) => b.name);
}

/** quick_check answers by file, size and time: a backup file is not changed once written, so each is read once (per context). */
function checkOnce(ctx: AppContext, file: { file: string; bytes: number; modifiedAt: string }): ReturnType<typeof checkBackup> {
  const checked = ctx.state.backupChecks;
  const key = `${file.file}|${file.bytes}|${file.modifiedAt}`;
  const known = checked.get(key);
  if (known) return known;
  const check = checkBackup(file.file);
  if (checked.size > 200) checked.clear();
  checked.set(key, check);
  return check;
}

function infoOf(ctx: AppContext, file: { file: string; name: string; bytes: number; modifiedAt: string }, fresh = false): BackupInfo {
  const kind = kindOf(file.name);
  const check = fresh ? checkBackup(file.file) : checkOnce(ctx, file);
  return {
    name: file.name, file: file.file, kind, kindLabel: KIND_LABELS[kind], takenAt: takenAtOf(file.name) ?? file.modifiedAt, bytes: file.bytes,
    ok: check.ok && (check.schemaVersion ?? 0) <= LATEST_VERSION,
    problem: check.ok && (check.schemaVersion ?? 0) > LATEST_VERSION ? 'written by a newer version of Roundtable' : check.problem,
    residents: check.residents, homes: check.homes,
  };
}

/** Every backup in the folder, newest first, each checked with quick_check before it is offered. */
export async function listBackups(ctx: AppContext): Promise<{ folder: string; backups: BackupInfo[]; note: string | null }> {
  const folder = backupFolder(ctx);
  if (ctx.store.engine === 'postgres') return { folder, backups: [], note: SERVER_BACKUPS };
  const backups = listBackupFiles(folder).map((f) => infoOf(ctx, f)).sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  return { folder, backups, note: null };
}

/** Takes a backup now (into the backup folder, or to a chosen file) and checks it. */
export async function createBackup(ctx: AppContext, kind: 'manual' | 'daily' | 'before-restore' = 'manual', to?: string, now = new Date()): Promise<BackupInfo> {
  if (ctx.store.engine === 'postgres') return dumpSharedDatabase(ctx, to, now);
  const file = to ?? path.join(backupFolder(ctx), backupName(ctx.store.file ?? 'roundtable', kind, now));
  await ctx.store.maintenance.backup(ctx.actor, file, `${KIND_LABELS[kind]}: ${path.basename(file)}`);
  const info = infoOf(ctx, { file, name: path.basename(file), bytes: 0, modifiedAt: now.toISOString() }, true);
  if (!info.ok) {
    deleteBackupFile(file);
    throw new AppError('DATABASE', `The backup failed its check (${info.problem ?? 'unknown problem'}) and was not kept. Try again.`);
  }
  return { ...info, bytes: listBackupFiles(path.dirname(file)).find((f) => f.name === info.name)?.bytes ?? 0 };
}

/**
 * The automatic daily backup: takes one unless one was already taken today (Europe/London), then
 * applies the retention rule. Returns the new backup, or null when today's already exists.
 */
export async function dailyBackup(ctx: AppContext, now = new Date()): Promise<{ created: BackupInfo | null; deleted: string[] }> {
  if (ctx.store.engine === 'postgres') return { created: null, deleted: [] }; // the server's backups
  const today = todayInLondon(now);
  const existing = listBackupFiles(backupFolder(ctx)).map((f) => ({ ...f, takenAt: takenAtOf(f.name) ?? f.modifiedAt }));
  const hasToday = existing.some((b) => kindOf(b.name) === 'daily' && todayInLondon(new Date(b.takenAt)) === today);
  const created = hasToday ? null : await createBackup(ctx, 'daily', undefined, now);
  const all = created ? [...existing, { name: created.name, takenAt: created.takenAt, file: created.file }] : existing;
  const deleted = backupsToDelete(all);
  for (const name of deleted) deleteBackupFile(path.join(backupFolder(ctx), name));
  return { created, deleted };
}

/**
 * Restores a backup: checks it, keeps the current database as a "before restore" backup (so the restore
 * can be undone by restoring that one), swaps the files and reopens. ctx.store is the restored store after.
 */
export async function restoreBackup(ctx: AppContext, backupFile: string): Promise<RestoreResult> {
  refuseOnSharedDatabase(ctx, 'Restoring from a backup file');
  const check = checkBackup(backupFile);
  if (!check.ok) throw new AppError('INVALID_INPUT', `${path.basename(backupFile)} cannot be restored: it failed its check (${check.problem ?? 'unknown problem'}).`);
  if ((check.schemaVersion ?? 0) > LATEST_VERSION) {
    throw new AppError('INVALID_INPUT', `${path.basename(backupFile)} was written by a newer version of Roundtable; install that version to restore it.`);
  }
  // Anyone else with the database open would go on writing into the replaced file, and those writes
  // would be lost: refuse, naming them. The mark keeps new openers out while the files are swapped.
  refuseWhileHeld(await ctx.store.otherHolders());
  const kept = await createBackup(ctx, 'before-restore');
  const databaseFile = ctx.store.file ?? '';
  const unmark = markRestoring(databaseFile);
  try {
    refuseWhileHeld(await ctx.store.otherHolders());
    await ctx.store.close();
    try {
      replaceDatabaseFile(databaseFile, backupFile);
      ctx.store = await openStore(databaseFile);
    } catch (error) {
      replaceDatabaseFile(databaseFile, kept.file);
      ctx.store = await openStore(databaseFile);
      throw new AppError('DATABASE', `The restore did not work (${(error as Error).message}); the database is as it was before.`);
    }
  } finally {
    unmark();
  }
  await ctx.store.audit.record(ctx.actor, 'restore', 'database', null,
    `Restored the database from ${path.basename(backupFile)}; the database before the restore is kept as ${kept.name}`);
  return { restoredFrom: path.basename(backupFile), restoredTakenAt: takenAtOf(path.basename(backupFile)), keptAs: kept.name, keptFile: kept.file, residents: check.residents ?? 0, homes: check.homes ?? 0 };
}

function refuseWhileHeld(holders: Holder[]): void {
  if (holders.length === 0) return;
  throw new AppError('CONFLICT', `The database cannot be restored while it is open elsewhere: ${holders.map(describeHolder).join('; ')}. ` +
    `Close ${holders.length === 1 ? 'it' : 'them'}, then restore again. Nothing was changed.`);
}

/** Restore by name from the backup folder: the renderer may only choose one of the listed, checked backups. */
export async function restoreNamedBackup(ctx: AppContext, name: string): Promise<RestoreResult> {
  const { backups } = await listBackups(ctx);
  const chosen = backups.find((b) => b.name === name);
  if (!chosen) throw new AppError('NOT_FOUND', `There is no backup called ${name} in the backup folder.`);
  if (!chosen.ok) throw new AppError('INVALID_INPUT', `${name} cannot be restored: ${chosen.problem ?? 'it failed its check'}.`);
  return restoreBackup(ctx, chosen.file);
}

/** A pg_dump of the shared database into a file on this computer (custom format; pg_restore reads it). */
async function dumpSharedDatabase(ctx: AppContext, to: string | undefined, now: Date): Promise<BackupInfo> {
  const name = `roundtable-${now.toISOString().replace(/[:.]/g, '-')}-manual.dump`;
  const file = to ?? path.join(backupFolder(ctx), name);
  await ctx.store.maintenance.backup(ctx.actor, file, `pg_dump of ${ctx.store.location}: ${path.basename(file)}`);
  const bytes = listBackupFiles(path.dirname(file), '.dump').find((f) => f.file === file)?.bytes ?? 0;
  return { name: path.basename(file), file, kind: 'manual', kindLabel: 'pg_dump of the shared database', takenAt: now.toISOString(), bytes,
    ok: true, problem: null, residents: null, homes: null, sharedDatabase: { location: ctx.store.location, note: SERVER_BACKUPS } };
}
