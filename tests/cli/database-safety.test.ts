/**
 * Whose database, and where: read-only commands never create one, hints carry --db, a PostgreSQL URL is
 * refused for now, another program's SQLite file is refused untouched, and an older Roundtable database
 * is adopted (its application_id set).
 */
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../main/store';
import { ROUNDTABLE_APPLICATION_ID } from '../../main/store/db';
import { MIGRATIONS } from '../../main/store/migrations';
import { careHomeInput, residentInput } from '../../shared/domain/register';
import { runCliCaptured } from '../helpers/cli';
import { onPostgres } from '../helpers/engine';
import { newDatabase, sampleHome, sampleResident, tempDir } from '../helpers/tempStore';

const cleanups: (() => unknown)[] = [];
afterEach(async () => { while (cleanups.length) await cleanups.pop()?.(); });

/** The run's engine's database for a test: the named file in dir, or a new PostgreSQL database. */
async function database(dir: string, fileName: string): Promise<string> {
  const db = await newDatabase(dir, fileName);
  cleanups.push(db.drop);
  return db.target;
}

function temp(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

const actor = { osUser: 'tester', staffId: null };

async function practiceWithOneHome(file: string): Promise<void> {
  const store = await openStore(file);
  const home = await store.homes.create(actor, careHomeInput.parse(sampleHome));
  await store.residents.create(actor, residentInput.parse(sampleResident(home.id)));
  store.close();
}

function applicationId(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('application_id', { simple: true }) as number;
  } finally {
    db.close();
  }
}

// files that do not exist yet, and where a new one would be made: SQLite's, a PostgreSQL database is never created by the app
describe.skipIf(onPostgres)('read-only commands and a missing database', () => {
  it('refuses a missing --db file with exit 1, naming it, and creates nothing', async () => {
    const dir = temp();
    const file = path.join(dir, 'misspelt.sqlite');
    for (const args of [['homes'], ['residents'], ['rounds'], ['flags'], ['reviews', 'due'], ['acp', 'gaps'], ['agenda', '--round', '4', '--out', 'a.pdf']]) {
      const result = await runCliCaptured([...args, '--db', file], { cwd: dir });
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.err).toContain(file);
      expect(result.err).toMatch(/no database/i);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a missing ROUNDTABLE_DB file, and the default file, without creating either', async () => {
    const dir = temp();
    const file = path.join(dir, 'sub', 'roundtable.sqlite');
    const result = await runCliCaptured(['homes'], { env: { ROUNDTABLE_DB: file }, cwd: dir });
    expect(result.code).toBe(1);
    expect(result.err).toContain(file);
    const byDefault = await runCliCaptured(['residents'], { env: { XDG_CONFIG_HOME: dir, APPDATA: dir }, cwd: dir });
    expect(byDefault.code).toBe(1);
    expect(byDefault.err).toMatch(/no database/i);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('importing a practice export may start a new database', async () => {
    const dir = temp();
    const csv = path.join(dir, 'patients.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(csv, 'NHS number,Family name,Given name,Date of birth,Sex\n');
    const file = path.join(dir, 'new.sqlite');
    const result = await runCliCaptured(['import', 'records', csv, '--db', file], { cwd: dir });
    expect(result.err).not.toMatch(/no database/i);
    expect(existsSync(file)).toBe(true);
    expect(applicationId(file)).toBe(ROUNDTABLE_APPLICATION_ID);
  });
});

describe('follow-up hints carry the --db they were given', () => {
  it('plan ends with the agenda command for the same database, which prints that round', async () => {
    const dir = temp();
    const file = await database(dir, 'practice one.sqlite');
    await practiceWithOneHome(file);
    const plan = await runCliCaptured(['plan', '--home', sampleHome.name, '--date', '2026-12-01', '--db', file, '--today', '2026-11-23'], { cwd: dir });
    expect(plan.code).toBe(0);
    const hint = /Print it: npm run cli -- (.*)$/m.exec(plan.out)?.[1] ?? '';
    expect(hint).toContain(onPostgres ? `--db ${file}` : `--db '${file}'`); // the file's name has a space: quoted
    // run the hint as printed (a shell would strip the quotes)
    const args = hint.match(/'[^']*'|\S+/g)?.map((w) => w.replace(/^'(.*)'$/, '$1')) ?? [];
    const agenda = await runCliCaptured(args, { cwd: dir });
    expect(agenda.err).not.toMatch(/no round/i);
    expect(existsSync(path.join(dir, 'agenda.html'))).toBe(true);
  });

  it('an unknown home names the homes command with the same --db', async () => {
    const dir = temp();
    const file = await database(dir, 'p.sqlite');
    await practiceWithOneHome(file);
    const result = await runCliCaptured(['residents', '--home', 'Nowhere House', '--db', file], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.err).toContain(`npm run cli -- homes --db ${file}`);
  });

  it('every hint of the week’s commands (invite, agenda, flags sheet, tasks) names the same --db', async () => {
    const dir = temp();
    const file = await database(dir, 'p.sqlite');
    await practiceWithOneHome(file);
    const plan = await runCliCaptured(['plan', '--home', sampleHome.name, '--date', '2026-12-01', '--db', file, '--today', '2026-11-23', '--json'], { cwd: dir });
    const roundId = String((JSON.parse(plan.out) as { roundId: number }).roundId);
    const runs = [
      ['invite', '--round', roundId, '--all-proposed'],
      ['invite', '--round', 'x', '--all-proposed'],
      ['agenda', '--round', roundId, '--out', 'a.html', '--letters', 'letters'],
      ['flags', 'sheet', '--home', sampleHome.name, '--out', 'sheet.csv'],
      ['flags', 'sheet', '--out', 'sheet.csv'],
      ['agenda', '--week', '--from', '2027-01-04', '--out', 'week'],
    ];
    let seen = 0;
    for (const args of runs) {
      const result = await runCliCaptured([...args, '--db', file, '--today', '2026-11-23'], { cwd: dir });
      // a hint sits inside a sentence ("See: npm run cli -- homes …"); usage lines start with the command itself
      const hints = `${result.out}\n${result.err}`.split('\n').filter((l) => l.includes('npm run cli --') && !l.trimStart().startsWith('npm run cli --'));
      for (const hint of hints) expect(hint, args.join(' ')).toContain(`--db ${file}`);
      seen += hints.length;
    }
    expect(seen).toBeGreaterThanOrEqual(4);
  });
});

describe('a database location that is not a file', () => {
  it('takes a postgres:// --db as a shared database: a server it cannot reach is exit 1, named without the password, and no folder "postgres:"', async () => {
    const dir = temp();
    for (const url of ['postgres://clinic:s3cret@db.example.invalid/roundtable', 'postgresql://localhost:1/roundtable']) {
      const result = await runCliCaptured(['homes', '--db', url], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/The shared database cannot be reached \(PostgreSQL (db\.example\.invalid|localhost:1)\/roundtable/);
      expect(result.err).not.toContain('s3cret');
    }
    const viaEnv = await runCliCaptured(['residents'], { env: { ROUNDTABLE_DB: 'postgres://localhost:1/rt' }, cwd: dir });
    expect(viaEnv.code).toBe(1);
    expect(viaEnv.err).toMatch(/cannot be reached \(PostgreSQL localhost:1\/rt/);
    const demo = await runCliCaptured(['demo', '--db', 'postgres://localhost:1/rt', '--out', dir], { cwd: dir });
    expect(demo.code).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses any other URL as --db with a clear message', async () => {
    const dir = temp();
    const result = await runCliCaptured(['homes', '--db', 'https://example.org/db.sqlite'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/takes the path of a Roundtable SQLite file or a postgres:\/\/ \(postgresql:\/\/\) URL, not a https:\/\/ address/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

// application_id marks a SQLite file; a PostgreSQL database has no such header
describe.skipIf(onPostgres)('whose database (PRAGMA application_id)', () => {
  it('marks a new database as Roundtable’s', async () => {
    const file = path.join(temp(), 'new.sqlite');
    await openStore(file).then((s) => s.close());
    expect(applicationId(file)).toBe(ROUNDTABLE_APPLICATION_ID);
  });

  it('refuses another program’s SQLite file untouched, naming it', async () => {
    const dir = temp();
    const file = path.join(dir, 'notes.sqlite');
    const other = new Database(file);
    other.exec(`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); CREATE TABLE practice (id INTEGER); CREATE TABLE staff (id INTEGER);
      CREATE TABLE setting (key TEXT, value TEXT); INSERT INTO notes (body) VALUES ('keep me');`);
    other.close();
    const before = readFileSync(file);
    for (const args of [['homes'], ['import', 'records', path.join(dir, 'x.csv')], ['demo', '--out', dir]]) {
      const result = await runCliCaptured([...args, '--db', file], { cwd: dir });
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.err).toContain(file);
      expect(result.err).toMatch(/not a Roundtable database/);
    }
    await expect(openStore(file)).rejects.toThrow(/not a Roundtable database.*notes/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['notes.sqlite']);
  });

  it('refuses a file carrying another application_id even when empty', async () => {
    const file = path.join(temp(), 'other.sqlite');
    const other = new Database(file);
    other.pragma('application_id = 1234');
    other.close();
    await expect(openStore(file)).rejects.toThrow(/application_id 1234/);
    expect(applicationId(file)).toBe(1234);
  });

  it('adopts a Roundtable database from before application_id, keeping its data', async () => {
    const file = path.join(temp(), 'older.sqlite');
    await practiceWithOneHome(file);
    const db = new Database(file);
    db.pragma('application_id = 0'); // as every database written before this change
    db.close();
    const store = await openStore(file);
    expect((await store.homes.list()).map((h) => h.name)).toEqual([sampleHome.name]);
    store.close();
    expect(applicationId(file)).toBe(ROUNDTABLE_APPLICATION_ID);
  });

  it('adopts an older-schema Roundtable database while migrating it', async () => {
    const file = path.join(temp(), 'v10.sqlite');
    const first = MIGRATIONS[0]?.version ?? 10;
    const old = await openStore(file, { targetVersion: first });
    old.close();
    const db = new Database(file);
    db.pragma('application_id = 0');
    db.close();
    const store = await openStore(file);
    expect(store.schemaVersion()).toBe(MIGRATIONS.at(-1)?.version);
    store.close();
    expect(applicationId(file)).toBe(ROUNDTABLE_APPLICATION_ID);
  });
});
