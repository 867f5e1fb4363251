/**
 * Which database this desktop uses, and who it says is acting. At start the main process asks
 * chooseDatabase (ROUNDTABLE_DB, else this desktop's settings file, else the SQLite file in the user-data
 * folder); Settings › Shared database tests a connection and saves the choice for the next start; the
 * footer shows describeDatabase. Passwords are decrypted here, in the main process, only to open the
 * database: no answer to the renderer carries one.
 */
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { ConnectionSaved, ConnectionTestResult, ConnectionView, DatabaseDescription, DatabaseEngine, ParsedInput } from '../../shared/ipc';
import { checkDatabaseLocation, isPostgresUrl, postgresLocation } from '../paths';
import type { AppContext } from './context';
import { osActor, osUserName } from './context';
import { decryptPassword, encryptPassword, readLocalSettings, writeLocalSettings, type LocalSettings, type PasswordCipher } from './localSettings';
import { probeDatabase as storeProbe, type ProbeDatabase } from './probe';

export { isPostgresUrl };

/** The URL with any user password removed (for showing and saving). */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password === '') return url;
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)([^:@/]*):[^@/]*@/i, '$1$2@');
  }
}

/** The URL with the password put in (percent-encoded), for opening the database; main process only. */
export function withPassword(url: string, password: string | null): string {
  if (!password) return url;
  const parsed = new URL(url);
  parsed.password = password; // the URL setter percent-encodes what needs it
  return parsed.toString();
}

/** HOST/DBNAME for a PostgreSQL URL (HOST:PORT when not 5432), or the SQLite file's path. Never a password. */
export function describeLocation(target: string): string {
  return isPostgresUrl(target) ? postgresLocation(target) : target;
}

/** The database this context has open (a shared one has no file here: its location names it, without a password). */
function describeOpenStore(store: AppContext['store']): DatabaseDescription {
  return store.server === null ? describeDatabase(store.file ?? store.location) : described('postgres', store.server);
}

export function describeDatabase(target: string): DatabaseDescription {
  return described(isPostgresUrl(target) ? 'postgres' : 'sqlite', describeLocation(target));
}

function described(engine: DatabaseEngine, location: string): DatabaseDescription {
  return { engine, location, label: engine === 'postgres' ? `Database: shared, PostgreSQL on ${location}` : 'Database: this computer (SQLite)' };
}

export interface DatabaseChoice {
  /** What to hand to openStore: a file path, or a URL with the password in it. Never log or show this. */
  target: string;
  source: 'environment' | 'settings' | 'default';
  /** For logs, the About box and the failure page. */
  description: DatabaseDescription;
}

export interface ChooseDatabaseOptions {
  env: NodeJS.ProcessEnv;
  /** The settings as read from this desktop's settings file. */
  settings: LocalSettings;
  /** The SQLite file in the user-data folder. */
  defaultFile: string;
  cipher?: PasswordCipher | undefined;
  cwd?: string;
  /** Refuses a location the store cannot open (main/paths.ts); tests of the choice alone may stand in for it. */
  checkLocation?: (value: string, source: string) => void;
}

/**
 * The database the desktop app opens at start: ROUNDTABLE_DB when set (a file path, or a URL as the store
 * accepts it), else the shared database saved in Settings (its password decrypted), else the SQLite file.
 */
export function chooseDatabase(options: ChooseDatabaseOptions): DatabaseChoice {
  const check = options.checkLocation ?? checkDatabaseLocation;
  const fromEnv = options.env.ROUNDTABLE_DB?.trim();
  if (fromEnv) {
    check(fromEnv, 'ROUNDTABLE_DB'); // anything not a file path or a URL the store takes is refused, never made a folder
    const target = isPostgresUrl(fromEnv) ? fromEnv : path.resolve(options.cwd ?? process.cwd(), fromEnv);
    return { target, source: 'environment', description: describeDatabase(target) };
  }
  const shared = options.settings.sharedDatabase;
  if (shared) {
    check(shared.url, 'Settings › Shared database'); // as ROUNDTABLE_DB: a URL the store cannot open is refused, never made a folder
    const password = shared.encryptedPassword === null ? null : decryptPassword(options.cipher, shared.encryptedPassword);
    return { target: withPassword(shared.url, password), source: 'settings', description: describeDatabase(shared.url) };
  }
  return { target: options.defaultFile, source: 'default', description: describeDatabase(options.defaultFile) };
}

/** Plain words for what a failed connection said, when the store's probe did not already give them. */
export function connectionErrorInWords(error: unknown, location: string): string {
  if (error instanceof AppError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  const at = `the PostgreSQL server at ${location.split('/')[0] ?? location}`;
  switch (code) {
    case 'ECONNREFUSED': return `Nothing answered at ${at}: the server may be stopped, or the host or port may be wrong.`;
    case 'ENOTFOUND': case 'EAI_AGAIN': return `The server name in the connection string could not be found (${location.split('/')[0] ?? location}). Check how it is spelt.`;
    case 'ETIMEDOUT': case 'ECONNRESET': return `${at.charAt(0).toUpperCase()}${at.slice(1)} did not answer in time. A firewall may be in the way.`;
    case '28P01': return 'The server refused the user name or password. Check them, and type the password again.';
    case '28000': return 'The server does not let this user connect from this computer (check pg_hba.conf with your IT support).';
    case '3D000': return `The server has no database called ${location.split('/').slice(1).join('/')}. Ask your IT support to create it, or check its name.`;
    default: {
      const said = error instanceof Error ? error.message.trim() : '';
      return `Roundtable could not connect to ${at}${said ? `: ${said}${/[.!?]$/.test(said) ? '' : '.'}` : '.'}`;
    }
  }
}

function settingsFileOf(ctx: AppContext): string {
  if (!ctx.settingsFile) {
    throw new AppError('INVALID_INPUT', 'This computer’s settings can only be changed in the Roundtable desktop app.');
  }
  return ctx.settingsFile;
}

function currentSettings(ctx: AppContext): LocalSettings {
  return ctx.settingsFile ? readLocalSettings(ctx.settingsFile) : { sharedDatabase: null, userName: null };
}

export function connectionView(ctx: AppContext): ConnectionView {
  const settings = currentSettings(ctx);
  const current = describeOpenStore(ctx.store);
  const savedEngine: DatabaseEngine = settings.sharedDatabase ? 'postgres' : 'sqlite';
  const environmentOverride = Boolean(process.env.ROUNDTABLE_DB?.trim()) && ctx.settingsFile !== undefined;
  const restartNeeded = !environmentOverride && ctx.settingsFile !== undefined && (savedEngine !== current.engine
    || (settings.sharedDatabase !== null && describeLocation(settings.sharedDatabase.url) !== current.location));
  return {
    current,
    saved: { engine: savedEngine, url: settings.sharedDatabase?.url ?? null, location: settings.sharedDatabase ? describeLocation(settings.sharedDatabase.url) : null, hasPassword: Boolean(settings.sharedDatabase?.encryptedPassword) },
    restartNeeded,
    environmentOverride,
    canSave: ctx.settingsFile !== undefined,
    canKeepPassword: ctx.cipher?.isAvailable() === true,
    userName: settings.userName,
    defaultUserName: osUserName(),
    auditName: ctx.actor.osUser,
    machine: os.hostname(),
  };
}

/** Tries the connection now; nothing is saved. An empty password uses the saved one for the same connection string. */
export async function testConnection(ctx: AppContext, input: ParsedInput<'connection:test'>): Promise<ConnectionTestResult> {
  const location = describeLocation(input.url);
  let password: string | null = input.password === '' ? null : input.password;
  let usedSavedPassword = false;
  if (password === null && ctx.settingsFile) {
    const saved = readLocalSettings(ctx.settingsFile).sharedDatabase;
    if (saved?.encryptedPassword && saved.url === input.url) {
      password = decryptPassword(ctx.cipher, saved.encryptedPassword);
      usedSavedPassword = true;
    }
  }
  const probe: ProbeDatabase = ctx.probeDatabase ?? storeProbe;
  try {
    const found = await probe(withPassword(input.url, password));
    const server = found.serverVersion ? `PostgreSQL ${found.serverVersion}` : 'PostgreSQL';
    const schema = found.schemaVersion === null || found.schemaVersion === 0
      ? 'It is an empty database: Roundtable will set it up when it first opens it.'
      : `It holds a Roundtable database (schema version ${found.schemaVersion}).`;
    return { connected: true, message: `Connected to ${location} (${server}). ${schema}`, location, serverVersion: found.serverVersion, schemaVersion: found.schemaVersion, usedSavedPassword };
  } catch (error) {
    const words = connectionErrorInWords(error, location);
    const message = password ? words.replaceAll(password, '…').replaceAll(encodeURIComponent(password), '…') : words;
    return { connected: false, message, location, serverVersion: null, schemaVersion: null, usedSavedPassword };
  }
}

const RESTART = 'It takes effect when Roundtable is next started: close Roundtable and open it again.';

/** Saves the shared database for the next start. The password is encrypted, or refused when it cannot be kept safely. */
export function saveSharedDatabase(ctx: AppContext, input: ParsedInput<'connection:save'>): ConnectionSaved {
  const file = settingsFileOf(ctx);
  const settings = readLocalSettings(file);
  let encryptedPassword: string | null = null;
  let kept = false;
  if (input.password !== '') encryptedPassword = encryptPassword(ctx.cipher, input.password);
  else if (settings.sharedDatabase?.url === input.url && settings.sharedDatabase.encryptedPassword) {
    encryptedPassword = settings.sharedDatabase.encryptedPassword;
    kept = true;
  }
  writeLocalSettings(file, { ...settings, sharedDatabase: { url: input.url, encryptedPassword } });
  const password = input.password !== '' ? ' The password is kept encrypted on this computer.'
    : kept ? ' The saved password is kept.' : ' No password is saved: the server or a PostgreSQL password file must let Roundtable in.';
  return { message: `Roundtable will use the shared database ${describeLocation(input.url)}.${password} ${RESTART}`, view: connectionView(ctx) };
}

/** Back to the SQLite file on this computer at the next start; the saved connection and its password are forgotten. */
export function useLocalDatabase(ctx: AppContext): ConnectionSaved {
  const file = settingsFileOf(ctx);
  const settings = readLocalSettings(file);
  writeLocalSettings(file, { ...settings, sharedDatabase: null });
  return { message: `Roundtable will use the database on this computer. ${RESTART}`, view: connectionView(ctx) };
}

/** "Your name in the audit trail": saved for this desktop and used from the next change on. */
export function setUserName(ctx: AppContext, input: ParsedInput<'connection:set-user-name'>): ConnectionSaved {
  const file = settingsFileOf(ctx);
  const settings = readLocalSettings(file);
  const userName = input.name === '' ? null : input.name;
  writeLocalSettings(file, { ...settings, userName });
  ctx.actor = osActor(ctx.actor.staffId, userName);
  const message = userName === null
    ? `The audit trail records the computer’s user name, ${ctx.actor.osUser}, from now on.`
    : `The audit trail records your name as ${userName} from now on.`;
  return { message, view: connectionView(ctx) };
}
