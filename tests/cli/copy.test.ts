/**
 * Moving a practice: `copy --from … --to …` copies every table in one transaction on the target and checks
 * each table's count. On the store-pg run the demo (in PostgreSQL) goes to a SQLite file and back into a new
 * PostgreSQL database; on the SQLite run, file to file.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../main/store';
import { ALL_TABLES } from '../../main/store/tables';
import { runCliCaptured } from '../helpers/cli';
import { copyDemo, DEMO_TODAY, type DemoCopy } from '../helpers/demo';
import { newDatabase, tempDir } from '../helpers/tempStore';

let demo: DemoCopy;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  demo = await copyDemo();
});

afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  await demo.cleanup();
});

async function countsOf(target: string): Promise<Record<string, number>> {
  const store = await openStore(target, { mustExist: true });
  try {
    return await store.maintenance.tableCounts();
  } finally {
    await store.close();
  }
}

describe('copy --from --to', () => {
  it('copies every table to the other engine and back, every count checked, and the copy works on (new ids follow the copied ones)', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const sqliteCopy = path.join(t.dir, 'moved.sqlite');
    const back = await newDatabase(t.dir, 'back.sqlite');
    cleanups.push(back.drop);

    const there = await runCliCaptured(['copy', '--from', demo.db, '--to', sqliteCopy], { cwd: t.dir });
    expect(there.err).toBe('');
    expect(there.code).toBe(0);
    expect(there.out).toMatch(/every table's count matches/);
    const again = await runCliCaptured(['copy', '--from', sqliteCopy, '--to', back.target, '--json'], { cwd: t.dir });
    expect(again.code, again.err).toBe(0);

    const original = await countsOf(demo.db);
    expect(Object.keys(original).sort()).toEqual([...ALL_TABLES].sort());
    expect(original.resident).toBeGreaterThan(50);
    // the copy adds its own audit event; every other table is row for row
    const expected = (extra: number) => ({ ...original, audit_event: (original.audit_event ?? 0) + extra });
    expect(await countsOf(sqliteCopy)).toEqual(expected(1));
    expect(await countsOf(back.target)).toEqual(expected(2));
    expect(JSON.parse(again.out).counts).toEqual(expected(1));

    // the copied database goes on working: the next round gets an id after the copied ones
    const store = await openStore(back.target);
    try {
      const before = await store.rounds.list(null);
      const home = (await store.homes.list())[0];
      const plan = await runCliCaptured(['plan', '--home', home?.name ?? '', '--date', '2026-12-22', '--db', back.target, '--today', DEMO_TODAY], { cwd: t.dir });
      expect(plan.code, plan.err).toBe(0);
      const after = await store.rounds.list(null);
      expect(after).toHaveLength(before.length + 1);
      expect(Math.max(...after.map((r) => r.id))).toBeGreaterThan(Math.max(...before.map((r) => r.id)));
      const residents = await store.residents.search({});
      const source = await openStore(demo.db, { mustExist: true });
      try {
        expect(residents.map((r) => [r.id, r.nhsNumber, r.familyName])).toEqual((await source.residents.search({})).map((r) => [r.id, r.nhsNumber, r.familyName]));
      } finally {
        await source.close();
      }
    } finally {
      await store.close();
    }
  });

  it('refuses a target that already holds data, changing nothing, and names both the same database', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const before = await countsOf(demo.db);
    const onto = await runCliCaptured(['copy', '--from', demo.db, '--to', demo.db], { cwd: t.dir });
    expect(onto.code).toBe(1);
    expect(onto.err).toMatch(/name the same one/);
    const full = path.join(t.dir, 'full.sqlite');
    expect((await runCliCaptured(['copy', '--from', demo.db, '--to', full], { cwd: t.dir })).code).toBe(0);
    const second = await runCliCaptured(['copy', '--from', demo.db, '--to', full], { cwd: t.dir });
    expect(second.code).toBe(1);
    expect(second.err).toMatch(/already holds Roundtable data .* nothing was changed/);
    expect(await countsOf(demo.db)).toEqual(before);
    expect((await countsOf(full)).resident).toBe(before.resident);
  });

  it('says how to use it when a side is missing', async () => {
    const result = await runCliCaptured(['copy', '--from', demo.db]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/Name both databases/);
  });
});
