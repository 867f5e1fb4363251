/**
 * Settings › Shared database and the audit name, through the real handlers with a fake cipher standing in for
 * Electron's safeStorage: the settings file never holds the password, no answer sends it back, a computer
 * without a key store refuses to save one, and the startup choice of database follows the file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../main/handlers';
import { chooseDatabase, connectionErrorInWords, describeDatabase, describeLocation, withPassword } from '../../main/services/connection';
import { osActor } from '../../main/services/context';
import { cipherFrom, readLocalSettings, writeLocalSettings, type PasswordCipher } from '../../main/services/localSettings';
import type { ProbeDatabase } from '../../main/services/probe';
import { AppError } from '../../shared/errors';
import type { ConnectionSaved, ConnectionTestResult, ConnectionView } from '../../shared/ipc';
import { onPostgres } from '../helpers/engine';
import { openTempStore, sampleHome, type TempStore } from '../helpers/tempStore';

const PASSWORD = 'Corr3ct-Horse!batt@ry/staple';
const URL_ = 'postgresql://roundtable@db.practice.example:5433/roundtable_pcn';

/** A stand-in for safeStorage: reversible, and the output never contains the input. */
function fakeCipher(available = true): PasswordCipher & { encrypted: string[] } {
  const encrypted: string[] = [];
  return {
    encrypted,
    isAvailable: () => available,
    encrypt: (plain) => {
      encrypted.push(plain);
      return Buffer.from(`sealed:${Buffer.from(plain, 'utf8').toString('hex').split('').reverse().join('')}`);
    },
    decrypt: (sealed) => {
      const text = sealed.toString();
      if (!text.startsWith('sealed:')) throw new Error('not ours');
      return Buffer.from(text.slice(7).split('').reverse().join(''), 'hex').toString('utf8');
    },
  };
}

/** The choice alone: whether the store can open a PostgreSQL URL yet is main/paths.ts's to say. */
const acceptAll = (): void => undefined;

let t: TempStore;
let settingsFile: string;

async function ok<T>(channel: string, input: unknown): Promise<T> {
  const result = await dispatch(t.ctx, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

beforeEach(async () => {
  t = await openTempStore();
  settingsFile = path.join(t.dir, 'userData', 'settings.json');
  t.ctx.settingsFile = settingsFile;
  t.ctx.cipher = fakeCipher();
});
afterEach(() => {
  vi.unstubAllEnvs();
  t.cleanup();
});

describe('the footer’s words', () => {
  it('names the engine and, for PostgreSQL, HOST/DBNAME without the user or password', () => {
    expect(describeDatabase('/home/gp/.config/Roundtable/roundtable.sqlite')).toEqual({ engine: 'sqlite', location: '/home/gp/.config/Roundtable/roundtable.sqlite', label: 'Database: this computer (SQLite)' });
    expect(describeDatabase('postgres://rt:secret@db.example.nhs.uk/roundtable').label).toBe('Database: shared, PostgreSQL on db.example.nhs.uk/roundtable');
    expect(describeLocation('postgresql://rt:secret@db.example.nhs.uk:5432/roundtable')).toBe('db.example.nhs.uk/roundtable');
    expect(describeLocation(URL_)).toBe('db.practice.example:5433/roundtable_pcn');
    expect(describeLocation('postgresql://127.0.0.1:6543/my%20db?sslmode=require')).toBe('127.0.0.1:6543/my db');
    expect(JSON.stringify(describeDatabase(withPassword(URL_, PASSWORD)))).not.toContain('Horse');
  });

  it('is what connection:get gives for the database open now', async () => {
    const view = await ok<ConnectionView>('connection:get', {});
    // (store-pg: the test's own database is on PostgreSQL, so what is open differs from the local default saved)
    expect(view.current).toEqual(onPostgres
      ? { engine: 'postgres', location: describeLocation(t.file), label: `Database: shared, PostgreSQL on ${describeLocation(t.file)}` }
      : { engine: 'sqlite', location: t.file, label: 'Database: this computer (SQLite)' });
    expect(view).toMatchObject({ saved: { engine: 'sqlite', url: null, hasPassword: false }, restartNeeded: onPostgres, canSave: true, canKeepPassword: true, userName: null });
  });
});

describe('saving the shared database', () => {
  it('keeps the password encrypted: the settings file and every answer are free of it', async () => {
    const saved = await ok<ConnectionSaved>('connection:save', { url: URL_, password: PASSWORD });
    expect(saved.message).toBe('Roundtable will use the shared database db.practice.example:5433/roundtable_pcn. The password is kept encrypted on this computer. ' +
      'It takes effect when Roundtable is next started: close Roundtable and open it again.');
    expect(saved.view).toMatchObject({ saved: { engine: 'postgres', url: URL_, hasPassword: true }, restartNeeded: true, current: { engine: onPostgres ? 'postgres' : 'sqlite' } });
    const text = readFileSync(settingsFile, 'utf8');
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(encodeURIComponent(PASSWORD));
    expect(text).not.toContain(Buffer.from(PASSWORD).toString('base64'));
    expect(JSON.stringify(saved)).not.toContain('Horse');
    expect(JSON.stringify(await ok('connection:get', {}))).not.toContain('Horse');

    // the startup choice decrypts it, in the main process, into the URL it opens
    const choice = chooseDatabase({ checkLocation: acceptAll, env: {}, settings: readLocalSettings(settingsFile), defaultFile: t.file, cipher: t.ctx.cipher });
    expect(choice.source).toBe('settings');
    expect(decodeURIComponent(new URL(choice.target).password)).toBe(PASSWORD);
    expect(choice.description).toEqual({ engine: 'postgres', location: 'db.practice.example:5433/roundtable_pcn', label: 'Database: shared, PostgreSQL on db.practice.example:5433/roundtable_pcn' });
  });

  it('refuses to save a password where there is no key store, and says what to do instead', async () => {
    t.ctx.cipher = fakeCipher(false);
    const result = await dispatch(t.ctx, 'connection:save', { url: URL_, password: PASSWORD });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ field: 'password' }] } });
    expect(!result.ok && result.error.message).toMatch(/cannot keep a password safely.*PostgreSQL password file/);
    expect(readLocalSettings(settingsFile).sharedDatabase).toBeNull();
    expect((await ok<ConnectionView>('connection:get', {})).canKeepPassword).toBe(false);
    // without a password (a pgpass file serves) it is saved
    const saved = await ok<ConnectionSaved>('connection:save', { url: URL_, password: '' });
    expect(saved.message).toContain('No password is saved');
    expect(readLocalSettings(settingsFile).sharedDatabase).toEqual({ url: URL_, encryptedPassword: null });
  });

  it('keeps the saved password when the box is left empty for the same connection string, and forgets it going back to local', async () => {
    await ok('connection:save', { url: URL_, password: PASSWORD });
    const first = readLocalSettings(settingsFile).sharedDatabase?.encryptedPassword;
    expect((await ok<ConnectionSaved>('connection:save', { url: URL_, password: '' })).message).toContain('The saved password is kept.');
    expect(readLocalSettings(settingsFile).sharedDatabase?.encryptedPassword).toBe(first);
    await ok('connection:save', { url: 'postgres://other@db2.example/roundtable', password: '' });
    expect(readLocalSettings(settingsFile).sharedDatabase?.encryptedPassword).toBeNull();

    const local = await ok<ConnectionSaved>('connection:use-local', {});
    expect(local.message).toBe('Roundtable will use the database on this computer. It takes effect when Roundtable is next started: close Roundtable and open it again.');
    expect(local.view).toMatchObject({ saved: { engine: 'sqlite', url: null, hasPassword: false }, restartNeeded: onPostgres });
    expect(chooseDatabase({ checkLocation: acceptAll, env: {}, settings: readLocalSettings(settingsFile), defaultFile: t.file }).target).toBe(t.file);
  });

  it('refuses connection strings that are not PostgreSQL, or carry the password', async () => {
    for (const [url, message] of [
      ['mysql://db/roundtable', /postgres:\/\/ or postgresql:\/\//],
      [`postgresql://rt:${PASSWORD}@db/roundtable`, /Take the password out/],
      ['postgresql://db.example', /must name the database/],
      ['', /Enter the connection string/],
    ] as const) {
      const result = await dispatch(t.ctx, 'connection:save', { url, password: '' });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(!result.ok && result.error.message).toMatch(message);
      expect(JSON.stringify(result)).not.toContain('Horse');
    }
  });

  it('is refused where there is no settings file (the CLI, tests)', async () => {
    t.ctx.settingsFile = undefined;
    for (const [channel, input] of [['connection:save', { url: URL_ }], ['connection:use-local', {}], ['connection:set-user-name', { name: 'Dr Example' }]] as const) {
      expect(await dispatch(t.ctx, channel, input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'This computer’s settings can only be changed in the Roundtable desktop app.' } });
    }
    expect((await ok<ConnectionView>('connection:get', {})).canSave).toBe(false);
  });
});

describe('testing a connection', () => {
  it('says what it found: the server’s version and the Roundtable schema, or an empty database', async () => {
    const seen: string[] = [];
    const probe: ProbeDatabase = (target) => {
      seen.push(target);
      return Promise.resolve({ engine: 'postgres', location: describeLocation(target), schemaVersion: seen.length === 1 ? 100 : null, serverVersion: '16.4' });
    };
    t.ctx.probeDatabase = probe;
    const found = await ok<ConnectionTestResult>('connection:test', { url: URL_, password: PASSWORD });
    expect(found).toEqual({ connected: true, message: 'Connected to db.practice.example:5433/roundtable_pcn (PostgreSQL 16.4). It holds a Roundtable database (schema version 100).',
      location: 'db.practice.example:5433/roundtable_pcn', serverVersion: '16.4', schemaVersion: 100, usedSavedPassword: false });
    expect(decodeURIComponent(new URL(seen[0] ?? '').password)).toBe(PASSWORD);
    const empty = await ok<ConnectionTestResult>('connection:test', { url: URL_ });
    expect(empty.message).toBe('Connected to db.practice.example:5433/roundtable_pcn (PostgreSQL 16.4). It is an empty database: Roundtable will set it up when it first opens it.');
    expect(new URL(seen[1] ?? '').password).toBe('');
  });

  it('uses the saved password when the box is empty for the saved connection string', async () => {
    await ok('connection:save', { url: URL_, password: PASSWORD });
    const seen: string[] = [];
    t.ctx.probeDatabase = (target) => {
      seen.push(target);
      return Promise.resolve({ engine: 'postgres', location: '', schemaVersion: 100, serverVersion: '17.0' });
    };
    expect(await ok<ConnectionTestResult>('connection:test', { url: URL_, password: '' })).toMatchObject({ connected: true, usedSavedPassword: true });
    expect(decodeURIComponent(new URL(seen[0] ?? '').password)).toBe(PASSWORD);
  });

  it('reports a failure in words, as an answer, never echoing the password', async () => {
    t.ctx.probeDatabase = () => Promise.reject(new AppError('INVALID_INPUT', 'Roundtable could not connect to PostgreSQL at 127.0.0.1:1: connection refused.'));
    expect(await ok<ConnectionTestResult>('connection:test', { url: 'postgres://rt@127.0.0.1:1/roundtable', password: PASSWORD }))
      .toEqual({ connected: false, message: 'Roundtable could not connect to PostgreSQL at 127.0.0.1:1: connection refused.', location: '127.0.0.1:1/roundtable', serverVersion: null, schemaVersion: null, usedSavedPassword: false });
    t.ctx.probeDatabase = () => Promise.reject(Object.assign(new Error(`password authentication failed for ${PASSWORD}`), { code: '28P01' }));
    const refused = await ok<ConnectionTestResult>('connection:test', { url: URL_, password: PASSWORD });
    expect(refused).toMatchObject({ connected: false, message: 'The server refused the user name or password. Check them, and type the password again.' });
    t.ctx.probeDatabase = () => Promise.reject(new Error(`odd failure mentioning ${PASSWORD}`));
    const odd = await ok<ConnectionTestResult>('connection:test', { url: URL_, password: PASSWORD });
    expect(odd.message).toBe('Roundtable could not connect to the PostgreSQL server at db.practice.example:5433: odd failure mentioning ….');
  });

  it('puts the usual network failures into words', () => {
    const words = (code: string) => connectionErrorInWords(Object.assign(new Error('x'), { code }), 'db.example:5433/rt');
    expect(words('ECONNREFUSED')).toBe('Nothing answered at the PostgreSQL server at db.example:5433: the server may be stopped, or the host or port may be wrong.');
    expect(words('ENOTFOUND')).toMatch(/could not be found \(db\.example:5433\)/);
    expect(words('3D000')).toMatch(/no database called rt/);
  });
});

describe('the name in the audit trail', () => {
  it('defaults to the operating-system user, with the computer’s name; ROUNDTABLE_USER names it for the CLI', () => {
    expect(osActor(null, null, {})).toEqual({ osUser: os.userInfo().username, staffId: null, machine: os.hostname() });
    expect(osActor(3, null, { ROUNDTABLE_USER: '  Pharmacist Pat ' })).toMatchObject({ osUser: 'Pharmacist Pat', staffId: 3 });
    expect(osActor(null, 'Dr Amara Okafor', { ROUNDTABLE_USER: 'Pat' }).osUser).toBe('Dr Amara Okafor');
  });

  it('is saved for this desktop, takes effect at once, and the audit records it', async () => {
    const saved = await ok<ConnectionSaved>('connection:set-user-name', { name: '  Dr Amara Okafor ' });
    expect(saved.message).toBe('The audit trail records your name as Dr Amara Okafor from now on.');
    expect(saved.view).toMatchObject({ userName: 'Dr Amara Okafor', auditName: 'Dr Amara Okafor', machine: os.hostname() });
    expect(readLocalSettings(settingsFile).userName).toBe('Dr Amara Okafor');
    expect(t.ctx.actor).toMatchObject({ osUser: 'Dr Amara Okafor', machine: os.hostname() });
    await ok('homes:create', { home: sampleHome });
    const [entry] = await t.store.audit.search({ kind: 'create' });
    expect(entry?.osUser).toBe('Dr Amara Okafor');

    const back = await ok<ConnectionSaved>('connection:set-user-name', { name: '' });
    expect(back.view.userName).toBeNull();
    expect(t.ctx.actor.osUser).toBe(back.view.defaultUserName);
    expect((await dispatch(t.ctx, 'connection:set-user-name', { name: 'x'.repeat(101) })).ok).toBe(false);
  });
});

describe('the settings file', () => {
  it('reads as the defaults when missing, and refuses a damaged file rather than quietly opening another database', () => {
    expect(readLocalSettings(settingsFile)).toEqual({ sharedDatabase: null, userName: null });
    writeLocalSettings(settingsFile, { sharedDatabase: { url: URL_, encryptedPassword: null }, userName: 'Jo' });
    expect(readLocalSettings(settingsFile)).toEqual({ sharedDatabase: { url: URL_, encryptedPassword: null }, userName: 'Jo' });
    writeFileSync(settingsFile, '{ "format": 1, "sharedDatabase": ');
    expect(() => readLocalSettings(settingsFile)).toThrow(/settings file .* is damaged.*Delete the file to go back to the database on this computer/);
  });

  it('ROUNDTABLE_DB wins at start; an undecryptable password is said in words', () => {
    const settings = { sharedDatabase: { url: URL_, encryptedPassword: Buffer.from('garbage').toString('base64') }, userName: null };
    expect(chooseDatabase({ checkLocation: acceptAll, env: { ROUNDTABLE_DB: 'here.sqlite' }, settings, defaultFile: t.file, cwd: '/srv' })).toMatchObject({ target: path.resolve('/srv', 'here.sqlite'), source: 'environment' });
    expect(() => chooseDatabase({ checkLocation: acceptAll, env: {}, settings, defaultFile: t.file, cipher: fakeCipher() })).toThrow(/could not be unlocked.*Enter the password again/);
    expect(() => chooseDatabase({ checkLocation: acceptAll, env: {}, settings, defaultFile: t.file, cipher: fakeCipher(false) })).toThrow(/key store is not available/);
    expect(chooseDatabase({ checkLocation: acceptAll, env: { ROUNDTABLE_DB: ' ' }, settings: { sharedDatabase: null, userName: null }, defaultFile: t.file })).toMatchObject({ target: t.file, source: 'default' });
  });

  it('takes safeStorage as a cipher only where it is really encrypted', () => {
    const safe = { isEncryptionAvailable: () => true, encryptString: (s: string) => Buffer.from(s), decryptString: (b: Buffer) => b.toString(), getSelectedStorageBackend: () => 'basic_text' };
    expect(cipherFrom(safe, 'linux').isAvailable()).toBe(false);
    expect(cipherFrom({ ...safe, getSelectedStorageBackend: () => 'gnome_libsecret' }, 'linux').isAvailable()).toBe(true);
    expect(cipherFrom(safe, 'win32').isAvailable()).toBe(true);
    expect(cipherFrom(undefined).isAvailable()).toBe(false);
    expect(() => cipherFrom(undefined).encrypt('x')).toThrow();
  });
});
