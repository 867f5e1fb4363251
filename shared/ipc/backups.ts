/** Channels of backups: list (each checked), back up now, restore a listed backup. */
import { z } from 'zod';
import { channel } from './channel';

export type BackupKind = 'daily' | 'manual' | 'before-restore' | 'before-upgrade' | 'other';

export interface BackupInfo {
  name: string;
  file: string;
  kind: BackupKind;
  kindLabel: string;
  /** ISO timestamp. */
  takenAt: string;
  bytes: number;
  /** Passed quick_check and can be restored by this version. */
  ok: boolean;
  problem: string | null;
  homes: number | null;
  residents: number | null;
  /** A pg_dump of a shared PostgreSQL database (not checked here: pg_restore reads it), with what to know about the server's backups. */
  sharedDatabase?: { location: string; note: string };
}

export interface RestoreResult {
  restoredFrom: string;
  /** When the restored backup was taken (ISO timestamp), when its name says. */
  restoredTakenAt: string | null;
  /** The database as it was before the restore, kept as a backup: restoring it undoes the restore. */
  keptAs: string;
  keptFile: string;
  homes: number;
  residents: number;
}

const none = z.object({}).strict();

export const backupChannels = {
  /** note: on a shared PostgreSQL database, that its backups are the server's (the list is then empty). */
  'backups:list': channel<{ folder: string; backups: BackupInfo[]; note: string | null }>()(none),
  'backups:create': channel<BackupInfo>()(none),
  'backups:restore': channel<RestoreResult>()(z.object({
    name: z.string().regex(/^[\w.-]+\.sqlite$/, 'Choose one of the listed backups').max(200),
  }).strict()),
} as const;
