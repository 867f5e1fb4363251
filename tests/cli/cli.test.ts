import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/cli';
import { copyDemo } from '../helpers/demo';
import { openStore } from '../../main/store';
import { careHomeInput } from '../../shared/domain/register';
import { checkNhsNumber } from '../../shared/rules/nhsNumber';
import { onPostgres } from '../helpers/engine';
import { newDatabase, sampleHome, tempDir } from '../helpers/tempStore';

const cleanups: (() => unknown)[] = [];
afterEach(async () => { while (cleanups.length) await cleanups.pop()?.(); });

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  return runCliCaptured(args, { env });
}

function temp() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

/** The run's engine's database: the named file in dir, or a new PostgreSQL database. */
async function database(dir: string, fileName: string): Promise<string> {
  const db = await newDatabase(dir, fileName);
  cleanups.push(db.drop);
  return db.target;
}

/** demo's arguments and database: its own demo.sqlite in the output folder, or on PostgreSQL a database named with --db. */
async function demoInto(dir: string): Promise<{ args: string[]; db: string }> {
  const db = await database(dir, 'demo.sqlite');
  return { args: ['demo', '--out', dir, ...(onPostgres ? ['--db', db] : [])], db };
}

describe('command line', () => {
  it('demo creates a synthetic practice of three homes and about sixty residents, all with valid test-range NHS numbers', async () => {
    const dir = temp();
    const demo = await demoInto(dir);
    const result = await cli([...demo.args, '--today', '2026-11-23']);
    expect(result.code).toBe(0);
    expect(result.out).toContain(demo.db);
    expect(result.out).toMatch(/60 residents/);
    // the summary counts what was stored: every representative row of the export, none merged away
    const exported = readFileSync(path.join(dir, 'practice-export', 'representatives.csv'), 'utf8').split('\r\n').filter(Boolean).length - 1;
    expect(result.out).toContain(`${exported} representatives`);

    const json = JSON.parse((await cli(['residents', '--db', demo.db, '--json'])).out) as { nhsNumber: string }[];
    expect(json.length).toBeGreaterThanOrEqual(50);
    expect(json.every((r) => r.nhsNumber.startsWith('999') && checkNhsNumber(r.nhsNumber).valid)).toBe(true);
    expect(new Set(json.map((r) => r.nhsNumber)).size).toBe(json.length);

    const homes = JSON.parse((await cli(['homes', '--db', demo.db, '--json'])).out) as { name: string; activeResidents: number }[];
    expect(homes).toHaveLength(3);
    expect(homes.reduce((n, h) => n + h.activeResidents, 0)).toBe(json.length);
  });

  it('demo gives the same practice for the same date, and replaces an earlier demo database', async () => {
    const dir = temp();
    const demo = await demoInto(dir);
    await cli([...demo.args, '--today', '2026-11-23']);
    const first = (await cli(['residents', '--db', demo.db, '--json'])).out;
    const again = await cli([...demo.args, '--today', '2026-11-23']);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain('replacing the earlier demo');
    const second = (await cli(['residents', '--db', demo.db, '--json'])).out;
    const strip = (s: string) => (JSON.parse(s) as Record<string, unknown>[]).map(({ createdAt: _c, updatedAt: _u, ...rest }) => rest);
    expect(strip(second)).toEqual(strip(first));
  });

  it('demo refuses to touch a database that holds a practice’s own data', async () => {
    const file = await database(temp(), 'real.sqlite');
    const store = await openStore(file);
    await store.homes.create({ osUser: 't', staffId: null }, careHomeInput.parse(sampleHome));
    store.close();
    const result = await cli(['demo', '--db', file]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/not demo data/);
    const check = await openStore(file);
    expect((await check.homes.list()).map((h) => h.name)).toEqual(['Test Lodge']);
    check.close();
  });

  it('lists residents of one home as a table, by name or id', async () => {
    const demo = await copyDemo();
    cleanups.push(demo.cleanup);
    const db = demo.db;
    const byName = await cli(['residents', '--db', db, '--home', 'beech house', '--today', '2026-11-23']);
    expect(byName.code).toBe(0);
    expect(byName.out).toMatch(/NHS number/);
    expect(byName.out).toMatch(/\d{3} \d{3} \d{4}/);
    expect(byName.out).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    expect(byName.out).not.toMatch(/Willow Court/);
    expect(byName.out).toMatch(/16 residents/);
  });

  it('uses ROUNDTABLE_DB when no --db is given', async () => {
    const demo = await copyDemo();
    cleanups.push(demo.cleanup);
    const result = await cli(['homes', '--json'], { ROUNDTABLE_DB: demo.db });
    expect(JSON.parse(result.out)).toHaveLength(3);
  });

  it.each([
    [['bogus'], /Unknown command/],
    [['residents', '--status', 'asleep'], /--status takes one of/],
    [['homes', '--today', '23/11/2026'], /--today takes a date as YYYY-MM-DD/],
    [['homes', '--frobnicate'], /Unknown option/],
    [[], /Usage/],
    [['residents', '--nope'], /Unknown option/],
  ])('exits 1 with a message on stderr for %j', async (args, message) => {
    const result = await cli(args, { ROUNDTABLE_DB: path.join(temp(), 'x.sqlite') });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(message);
  });
});
