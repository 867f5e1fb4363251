/** Migration 0060: medicines already stored are marked as required or just in case from their text; the rest stay regular. */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../main/store/db';
import { MIGRATIONS } from '../../main/store/migrations';
import { tempDir } from '../helpers/tempStore';
import { onPostgres } from '../helpers/engine';

const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()?.(); });

// upgrades a SQLite file written before 0060; a PostgreSQL database starts at the current schema
describe.skipIf(onPostgres)('migration 0060 (medication as needed)', () => {
  it('H13: marks stored just-in-case injections and as-required medicines, and keeps everything else', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = path.join(t.dir, 'old.sqlite');
    const db = await openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version < 60) });
    db.prepare("INSERT INTO care_home (name, type, created_at, updated_at) VALUES ('Kept House', 'nursing', 'x', 'x')").run();
    db.prepare(`INSERT INTO resident (nhs_number, family_name, given_name, date_of_birth, sex, home_id, created_at, updated_at)
      VALUES ('9434765919', 'Example', 'Edith', '1938-04-02', 'female', 1, 'x', 'x')`).run();
    const add = db.prepare(`INSERT INTO medication (resident_id, name, dose, start_date, type, status, updated_at) VALUES (1, ?, ?, '2026-01-01', 'repeat', 'active', 'x')`);
    add.run('Midazolam 10mg/2ml injection', '2.5mg subcut when required, just in case');
    add.run('Haloperidol 5mg/ml injection PRN', null);
    add.run('Paracetamol 500mg tablets', 'Two when required');
    add.run('Sertraline 50mg tablets', 'One each morning');
    closeDatabase(db);

    const upgraded = await openDatabase(file);
    expect(upgraded.prepare('SELECT name, as_needed FROM medication ORDER BY id').all()).toEqual([
      { name: 'Midazolam 10mg/2ml injection', as_needed: 'just-in-case' },
      { name: 'Haloperidol 5mg/ml injection PRN', as_needed: 'just-in-case' },
      { name: 'Paracetamol 500mg tablets', as_needed: 'as-required' },
      { name: 'Sertraline 50mg tablets', as_needed: null },
    ]);
    expect(() => upgraded.prepare("UPDATE medication SET as_needed = 'sometimes' WHERE id = 1").run()).toThrow(/CHECK/);
    closeDatabase(upgraded);
  });
});
