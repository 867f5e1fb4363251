/**
 * Backups and restore through the real services, IPC handlers and CLI on real SQLite files: a restored
 * backup holds exactly what was backed up, the restore can be undone, a damaged backup is never offered,
 * and the retention rule keeps 7 daily and 4 weekly backups.
 */
import Database from 'better-sqlite3';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/cli';
import { dispatch } from '../../main/handlers';
import { backupFolder, backupsToDelete, createBackup, dailyBackup, listBackups, restoreBackup, restoreNamedBackup } from '../../main/services/backups';
import { addDays } from '../../shared/dates';
import { openTempStore, sampleHome, sampleResident, type TempStore } from '../helpers/tempStore';
import { onPostgres } from '../helpers/engine';

const open: TempStore[] = [];
afterEach(() => { while (open.length) open.pop()?.cleanup(); });

async function fresh(): Promise<TempStore> {
  const t = await openTempStore();
  open.push(t); // its cleanup closes t.ctx.store, which a restore replaces
  return t;
}

/** Every row of every table, in rowid order, read from the file itself. */
function dump(file: string, without: string[] = []): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[])
      .map((r) => r.name).filter((n) => !without.includes(n));
    return Object.fromEntries(tables.map((n) => [n, db.prepare(`SELECT * FROM "${n}" ORDER BY rowid`).all()]));
  } finally {
    db.close();
  }
}

async function seed(t: TempStore): Promise<number> {
  const home = await t.ctx.store.homes.create(t.ctx.actor, { ...sampleHome });
  const r = await dispatch(t.ctx, 'residents:create', { resident: sampleResident(home.id), representatives: [{ name: 'Ann Example', relationship: 'Daughter', phone: '01632 960000' }] });
  if (!r.ok) throw new Error(r.error.message);
  await t.ctx.store.records.add(t.ctx.actor, (r.value as { id: number }).id, {
    medications: [{ name: 'Amitriptyline 10mg tablets', dose: 'One at night', startDate: '2026-01-01', type: 'repeat', status: 'active' }],
    carePlans: [{ element: 'respect', value: 'not-for-cpr', recordedOn: '2026-02-01', reviewDue: '2027-02-01' }],
  }, 'test');
  return home.id;
}

// backup files (SQLite's online backup, quick_check, restore by file): on PostgreSQL backups are the server's
describe.skipIf(onPostgres)('backup and restore', () => {
  it('H10: restores exactly the data that was backed up, and keeps the current database so the restore can be undone', async () => {
    const t = await fresh();
    const homeId = await seed(t);
    const backup = await createBackup(t.ctx, 'manual');
    expect(backup).toMatchObject({ ok: true, kind: 'manual', homes: 1, residents: 1 });
    const backedUp = dump(backup.file);

    // Work goes on after the backup.
    await t.ctx.store.homes.create(t.ctx.actor, { ...sampleHome, name: 'Later House', cqcLocationId: '1-555000333' });
    await t.ctx.store.homes.update(t.ctx.actor, homeId, { ...sampleHome, phone: '01632 960111' });
    const changed = dump(t.file, ['audit_event']);

    const result = await restoreBackup(t.ctx, backup.file);
    expect(result).toMatchObject({ restoredFrom: backup.name, restoredTakenAt: backup.takenAt, homes: 1, residents: 1 });
    const restored = dump(t.file);
    expect({ ...restored, audit_event: undefined }).toEqual({ ...backedUp, audit_event: undefined });
    // The audit trail is the backup's, plus one event saying the database was restored.
    expect(restored.audit_event?.slice(0, -1)).toEqual(backedUp.audit_event);
    expect(restored.audit_event?.at(-1)).toMatchObject({ action: 'restore', entity: 'database' });
    expect((await t.ctx.store.homes.list()).map((h) => h.name)).toEqual(['Test Lodge']);

    // Undo: restore the database that was kept.
    expect(existsSync(result.keptFile)).toBe(true);
    await restoreNamedBackup(t.ctx, result.keptAs);
    expect(dump(t.file, ['audit_event'])).toEqual(changed);
    expect((await t.ctx.store.homes.list()).map((h) => h.name).sort()).toEqual(['Later House', 'Test Lodge']);
  });

  it('H10: checks every backup with quick_check and never offers a damaged one', async () => {
    const t = await fresh();
    await seed(t);
    const good = await createBackup(t.ctx, 'manual');
    writeFileSync(path.join(backupFolder(t.ctx), 'roundtable-2026-11-20T10-00-00-000Z-manual.sqlite'), 'this is not a database at all, just text');
    const { backups } = await listBackups(t.ctx);
    expect(backups.find((b) => b.name === good.name)).toMatchObject({ ok: true, problem: null });
    const bad = backups.find((b) => b.name.startsWith('roundtable-2026-11-20'));
    expect(bad).toMatchObject({ ok: false });
    expect(bad?.problem).toMatch(/not a database/);

    const refused = await dispatch(t.ctx, 'backups:restore', { name: bad?.name });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toMatchObject({ code: 'INVALID_INPUT' });
    expect((await t.ctx.store.homes.list())).toHaveLength(1);
  });

  it('restores only a backup from the list: a path is refused before any file is touched', async () => {
    const t = await fresh();
    for (const name of ['../roundtable.sqlite', '/etc/passwd', 'x.sqlite/../../y.sqlite']) {
      const result = await dispatch(t.ctx, 'backups:restore', { name });
      expect(result.ok, name).toBe(false);
    }
    const missing = await dispatch(t.ctx, 'backups:restore', { name: 'roundtable-2020-01-01T00-00-00-000Z-manual.sqlite' });
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');
  });

  it('takes one automatic backup a day and audits every backup', async () => {
    const t = await fresh();
    await seed(t);
    const first = await dailyBackup(t.ctx, new Date('2026-11-23T08:00:00Z'));
    expect(first.created).toMatchObject({ kind: 'daily', ok: true });
    expect((await dailyBackup(t.ctx, new Date('2026-11-23T17:00:00Z'))).created).toBeNull();
    expect((await dailyBackup(t.ctx, new Date('2026-11-24T08:00:00Z'))).created).not.toBeNull();
    const audit = await t.ctx.store.audit.search({ kind: 'backup' });
    expect(audit).toHaveLength(2);
    expect(audit[0]?.summary).toMatch(/^Automatic daily backup: roundtable-2026-11-24T08-00-00-000Z-daily\.sqlite$/);
  });
});

describe('retention', () => {
  const daily = (day: string, hour = '02') => ({ name: `roundtable-${day}T${hour}-00-00-000Z-daily.sqlite`, takenAt: `${day}T${hour}:00:00.000Z` });

  it('keeps the newest backup of each of the last 7 days and of each of the 4 weeks before', () => {
    const all = Array.from({ length: 60 }, (_, i) => daily(addDays('2026-11-24', -i))); // Tue 24/11 back to 26/09
    const deleted = new Set(backupsToDelete(all));
    const kept = all.filter((b) => !deleted.has(b.name)).map((b) => b.takenAt.slice(0, 10));
    expect(kept).toEqual([
      '2026-11-24', '2026-11-23', '2026-11-22', '2026-11-21', '2026-11-20', '2026-11-19', '2026-11-18', // 7 days
      '2026-11-15', '2026-11-08', '2026-11-01', '2026-10-25', // the newest of each of the 4 weeks before (Sundays)
    ]);
  });

  it('keeps one a day when there are two, and never deletes backups taken by hand, before an upgrade or before a restore', () => {
    const others = ['roundtable-2020-01-01T00-00-00-000Z-manual.sqlite', 'roundtable-2020-01-01T00-00-00-000Z-before-v20.sqlite',
      'roundtable-2020-01-01T00-00-00-000Z-before-restore.sqlite'].map((name) => ({ name, takenAt: '2020-01-01T00:00:00.000Z' }));
    const deleted = backupsToDelete([daily('2026-11-24', '02'), daily('2026-11-24', '09'), ...others]);
    expect(deleted).toEqual([daily('2026-11-24', '02').name]);
  });
});

// the same, from the command line
describe.skipIf(onPostgres)('backup and restore from the command line', () => {
  function cli(args: string[]) {
    return runCliCaptured(args);
  }

  it('backup --to FILE, then restore FILE, with the undo command printed', async () => {
    const t = await fresh();
    await seed(t);
    t.ctx.store.close();
    const to = path.join(t.dir, 'copy.sqlite');
    const backedUp = await cli(['backup', '--db', t.file, '--to', to]);
    expect(backedUp).toMatchObject({ code: 0 });
    expect(backedUp.out).toContain(`Backed up to ${to}`);
    expect(backedUp.out).toContain('1 care homes, 1 residents; quick_check ok');
    const before = dump(to);

    expect((await cli(['homes', '--db', t.file])).code).toBe(0);
    const restored = await cli(['restore', to, '--db', t.file]);
    expect(restored.code).toBe(0);
    expect(restored.out).toMatch(/^Restored copy\.sqlite: 1 care homes, 1 residents\./);
    expect(restored.out).toMatch(/To undo the restore: npm run cli -- restore \S*before-restore\.sqlite --db /);
    expect(restored.out).toContain(`--db ${t.file}`);
    expect({ ...dump(t.file), audit_event: undefined }).toEqual({ ...before, audit_event: undefined });

    const bad = path.join(t.dir, 'bad.sqlite');
    writeFileSync(bad, 'not a database');
    const refused = await cli(['restore', bad, '--db', t.file]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/bad\.sqlite cannot be restored: it failed its check/);
    t.ctx.store = await (await import('../../main/store')).openStore(t.file); // for cleanup
  });
});
