/**
 * Where the database lives. The desktop app uses Electron's userData folder ({appData}/Roundtable);
 * the CLI computes the same folder without Electron so both open the same file by default.
 */
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../shared/errors';

export const DATABASE_FILE_NAME = 'roundtable.sqlite';
export const PRODUCT_NAME = 'Roundtable';

/** Electron's app.getPath('appData') for this platform. */
export function appDataFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config');
}

export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  return path.join(appDataFolder(env, platform), PRODUCT_NAME, DATABASE_FILE_NAME);
}

/** A URL with its password (and user) hidden, for messages. */
function withoutCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1…@');
}

/**
 * Refuses a database location that is not a file path: a PostgreSQL URL (shared mode is not in this
 * version) or any other URL. Checked before the path is resolved, so "postgres://…" never becomes a folder.
 */
export function checkDatabaseLocation(value: string, source: string): void {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value.trim())?.[1]?.toLowerCase();
  if (scheme === undefined) return;
  if (scheme === 'postgres' || scheme === 'postgresql') {
    throw new AppError('INVALID_INPUT', `PostgreSQL is not supported yet in this version: ${source} names a PostgreSQL server ` +
      `(${withoutCredentials(value.trim())}). Give the path of a Roundtable SQLite file instead. Nothing was created.`);
  }
  throw new AppError('INVALID_INPUT', `${source} takes the path of a Roundtable SQLite file, not a ${scheme}:// address ` +
    `(${withoutCredentials(value.trim())}). Nothing was created.`);
}

/** --db wins (relative to cwd), then ROUNDTABLE_DB, then the desktop app's file. URLs are refused. */
export function resolveDatabasePath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  if (flag !== undefined) {
    checkDatabaseLocation(flag, '--db');
    return path.resolve(cwd, flag);
  }
  const fromEnv = env.ROUNDTABLE_DB?.trim() ? env.ROUNDTABLE_DB : undefined;
  if (fromEnv !== undefined) {
    checkDatabaseLocation(fromEnv, 'ROUNDTABLE_DB');
    return path.resolve(cwd, fromEnv);
  }
  return path.resolve(defaultDatabasePath(env));
}
