/**
 * Where the database lives. The desktop app uses Electron's userData folder ({appData}/Roundtable);
 * the CLI computes the same folder without Electron so both open the same file by default.
 */
import os from 'node:os';
import path from 'node:path';

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

/** --db wins, then ROUNDTABLE_DB, then the desktop app's file. */
export function resolveDatabasePath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(flag ?? env.ROUNDTABLE_DB ?? defaultDatabasePath(env));
}
