/**
 * This desktop's own settings, in a small JSON file in the app's user-data folder (never in the database,
 * which may be shared): which database to open at start (the SQLite file here, or a shared PostgreSQL
 * server) and the name the audit trail records. A saved password is kept only as the bytes Electron's
 * safeStorage encrypted (base64 in the file): the file never holds it in plain text. The cipher is
 * injected (PasswordCipher), so all of this runs and is tested without Electron.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/errors';

export const LOCAL_SETTINGS_FILE_NAME = 'settings.json';

/** Electron's safeStorage, narrowed to what Roundtable uses (main/electron wires it; tests give a fake). */
export interface PasswordCipher {
  /** False where the operating system offers no key store (e.g. Linux without a keyring). */
  isAvailable(): boolean;
  encrypt(plain: string): Buffer;
  decrypt(encrypted: Buffer): string;
}

export interface SharedDatabaseSetting {
  /** postgres:// or postgresql:// URL, never with a password in it. */
  url: string;
  /** The password as the cipher encrypted it, base64; null: none saved (a PostgreSQL password file may serve). */
  encryptedPassword: string | null;
}

export interface LocalSettings {
  /** null: the SQLite file on this computer. */
  sharedDatabase: SharedDatabaseSetting | null;
  /** "Your name in the audit trail"; null: the operating-system user. */
  userName: string | null;
}

export const DEFAULT_LOCAL_SETTINGS: LocalSettings = { sharedDatabase: null, userName: null };

const fileSchema = z.object({
  format: z.literal(1),
  sharedDatabase: z.object({
    url: z.string().regex(/^postgres(ql)?:\/\//i).max(2000),
    encryptedPassword: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/).max(20_000).nullable(),
  }).nullable().default(null),
  userName: z.string().max(100).nullable().default(null),
});

/**
 * The settings, or the defaults when the file does not exist yet. A file that cannot be read is an error, not
 * a silent fallback: opening the SQLite file here while colleagues use the shared database would split the register.
 */
export function readLocalSettings(file: string): LocalSettings {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ...DEFAULT_LOCAL_SETTINGS };
    throw new AppError('INVALID_INPUT', `Roundtable could not read this computer’s settings file (${file}): ${(error as Error).message}.`);
  }
  let parsed: z.infer<typeof fileSchema>;
  try {
    parsed = fileSchema.parse(JSON.parse(text));
  } catch {
    throw new AppError('INVALID_INPUT', `This computer’s settings file (${file}) is damaged, so Roundtable does not know which database to open. ` +
      'Delete the file to go back to the database on this computer, then choose the shared database again in Settings if you use one.');
  }
  return { sharedDatabase: parsed.sharedDatabase, userName: parsed.userName };
}

/** Writes the whole file (a temporary file renamed over it), readable by this user only. */
export function writeLocalSettings(file: string, settings: LocalSettings): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const body = { format: 1, sharedDatabase: settings.sharedDatabase, userName: settings.userName };
  try {
    writeFileSync(temporary, `${JSON.stringify(body, null, 2)}\n`, { encoding: 'utf8', mode: 0o600 });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new AppError('INVALID_INPUT', `Roundtable could not save this computer’s settings (${file}): ${(error as Error).message}.`);
  }
}

export const NO_KEY_STORE = 'This computer cannot keep a password safely (the operating system offers Roundtable no encrypted key store), ' +
  'so the password has not been saved. Leave the password box empty and put the password in a PostgreSQL password file ' +
  '(pgpass.conf on Windows, ~/.pgpass elsewhere) for the account Roundtable runs under.';

/** Encrypts a password for the settings file; refuses when the cipher cannot keep it safely. */
export function encryptPassword(cipher: PasswordCipher | undefined, password: string): string {
  if (!cipher || !cipher.isAvailable()) throw new AppError('INVALID_INPUT', NO_KEY_STORE, [{ field: 'password', message: NO_KEY_STORE }]);
  return cipher.encrypt(password).toString('base64');
}

/** The saved password in plain text, for the main process only (opening the database); never sent to the renderer. */
export function decryptPassword(cipher: PasswordCipher | undefined, encrypted: string): string {
  if (!cipher || !cipher.isAvailable()) {
    throw new AppError('INVALID_INPUT', 'Roundtable cannot unlock the saved password of the shared database on this computer now (the operating system’s key store is not available). ' +
      'Save the password again in Settings › Shared database, or use a PostgreSQL password file.');
  }
  try {
    return cipher.decrypt(Buffer.from(encrypted, 'base64'));
  } catch {
    throw new AppError('INVALID_INPUT', 'The saved password of the shared database could not be unlocked (it was saved under another user or computer). ' +
      'Enter the password again in Settings › Shared database.');
  }
}

/** What Roundtable uses of Electron's safeStorage (main/electron hands it over; this module stays free of Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means no key store, the key is a constant: not safe. */
  getSelectedStorageBackend?: () => string;
}

/** safeStorage as a PasswordCipher; unavailable when missing, when it says so, or when Linux has no key store behind it. */
export function cipherFrom(safe: SafeStorageLike | undefined, platform: NodeJS.Platform = process.platform): PasswordCipher {
  const available = (): boolean => {
    if (!safe) return false;
    try {
      return safe.isEncryptionAvailable() && !(platform === 'linux' && safe.getSelectedStorageBackend?.() === 'basic_text');
    } catch {
      return false;
    }
  };
  return {
    isAvailable: available,
    encrypt: (plain) => {
      if (!safe || !available()) throw new Error('safeStorage is not available');
      return safe.encryptString(plain);
    },
    decrypt: (encrypted) => {
      if (!safe || !available()) throw new Error('safeStorage is not available');
      return safe.decryptString(encrypted);
    },
  };
}
