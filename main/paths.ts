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
export function withoutCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1…@');
}

/** host[:port]/database of a PostgreSQL URL (the port when not 5432), never the user or password. */
export function postgresLocation(url: string): string {
  try {
    const u = new URL(url.trim());
    const host = decodeURIComponent(u.hostname) || u.searchParams.get('host') || 'localhost';
    const port = u.port && u.port !== '5432' ? `:${u.port}` : '';
    const database = decodeURIComponent(u.pathname.replace(/^\//, '')) || decodeURIComponent(u.username) || 'postgres';
    return `${host}${port}/${database}`;
  } catch {
    return 'an address that could not be read';
  }
}

export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value.trim());
}

/**
 * Refuses a database location that is neither a file path nor a PostgreSQL URL (postgres:// or
 * postgresql://). Checked before the path is resolved, so a URL never becomes a folder.
 */
export function checkDatabaseLocation(value: string, source: string): void {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value.trim())?.[1]?.toLowerCase();
  if (scheme === undefined || isPostgresUrl(value)) return;
  throw new AppError('INVALID_INPUT', `${source} takes the path of a Roundtable SQLite file or a postgres:// (postgresql://) URL, not a ${scheme}:// address ` +
    `(${withoutCredentials(value.trim())}). Nothing was created.`);
}

/**
 * --db wins, then ROUNDTABLE_DB, then the desktop app's file. A file path is made absolute (relative to
 * cwd); a PostgreSQL URL is kept as given; any other URL is refused.
 */
export function resolveDatabasePath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const given = flag ?? (env.ROUNDTABLE_DB?.trim() ? env.ROUNDTABLE_DB : undefined);
  if (given === undefined) return path.resolve(defaultDatabasePath(env));
  checkDatabaseLocation(given, flag !== undefined ? '--db' : 'ROUNDTABLE_DB');
  return isPostgresUrl(given) ? given.trim() : path.resolve(cwd, given);
}
