/**
 * An import and planning at the same time (two desktops, or a desktop and a scheduled import) neither
 * deadlock nor half-apply: both finish, the import stores every row in its one transaction, and the round
 * is planned once. On both engines; on PostgreSQL they meet at the writer lock of imports and planning, on
 * SQLite at its write lock (the import is kept small enough to end within SQLite's busy wait on a loaded machine).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { writeRecordFiles } from '../../bench/records-data';
import { openStore } from '../../main/store';
import { runCliCaptured, runCliProcess } from '../helpers/cli';
import { tempDatabase } from '../helpers/tempStore';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => { for (const c of cleanups) await c(); });


describe('an import and planning at the same time', () => {
  it('H17: both finish; the import is whole and the round is planned once', async () => {
    const t = await tempDatabase();
    cleanups.push(t.cleanup);
    const files = writeRecordFiles(t.dir, 200, 10_000);
    const patients = await runCliCaptured(['import', 'records', files.patients, '--db', t.file], { cwd: t.dir });
    expect(patients.code, patients.err).toBe(0);
    const plan = ['plan', '--home', 'Bench Home 1', '--date', '2026-12-01', '--db', t.file, '--today', '2026-11-23'];
    const [imported, planned, again] = await Promise.all([
      runCliProcess(['import', 'records', files.medications, '--db', t.file], t.dir), runCliProcess(plan, t.dir), runCliProcess(plan, t.dir),
    ]);
    expect(imported.code, imported.out).toBe(0);
    expect([planned.code, again.code].sort(), `${planned.out}\n---\n${again.out}`).toEqual([0, 1]);
    const store = await openStore(t.file, { mustExist: true });
    try {
      expect((await store.records.counts()).medications).toBe(10_000);
      const home = await store.homes.find('Bench Home 1');
      expect((await store.rounds.list(home?.id ?? 0)).filter((r) => r.date === '2026-12-01')).toHaveLength(1);
    } finally {
      await store.close();
    }
  });
});
