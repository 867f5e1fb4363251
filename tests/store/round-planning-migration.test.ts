/** Migration 0050: homes keep their round settings and gain pharmacist minutes and a usual clinician; events keep every row and id, and take `visit`. */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../main/store/db';
import { MIGRATIONS } from '../../main/store/migrations';
import { tempDir } from '../helpers/tempStore';
import { onPostgres } from '../helpers/engine';

const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()?.(); });

// upgrades a SQLite file written before 0050; a PostgreSQL database starts at the current schema
describe.skipIf(onPostgres)('migration 0050 (round planning)', () => {
  it('keeps every clinical event with its id, accepts a GP visit, and adds pharmacist minutes and the usual clinician to homes', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = path.join(t.dir, 'old.sqlite');
    const db = await openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version < 50) });
    db.prepare("INSERT INTO care_home (name, type, round_day, round_capacity_minutes, created_at, updated_at) VALUES ('Kept House', 'nursing', 'tuesday', 150, 'x', 'x')").run();
    db.prepare(`INSERT INTO resident (nhs_number, family_name, given_name, date_of_birth, sex, home_id, created_at, updated_at)
      VALUES ('9434765919', 'Example', 'Edith', '1938-04-02', 'female', 1, 'x', 'x')`).run();
    db.prepare("INSERT INTO clinical_event (id, resident_id, type, date, details, source) VALUES (7, 1, 'discharge', '2026-11-01', 'Home from hospital', 'test')").run();
    expect(() => db.prepare("INSERT INTO clinical_event (resident_id, type, date, source) VALUES (1, 'visit', '2026-11-02', 'test')").run()).toThrow(/CHECK/);
    closeDatabase(db);

    const upgraded = await openDatabase(file);
    expect(upgraded.prepare('SELECT id, type, date, details FROM clinical_event').all()).toEqual([{ id: 7, type: 'discharge', date: '2026-11-01', details: 'Home from hospital' }]);
    upgraded.prepare("INSERT INTO clinical_event (resident_id, type, date, source) VALUES (1, 'visit', '2026-11-02', 'test')").run();
    expect(() => upgraded.prepare("INSERT INTO clinical_event (resident_id, type, date, source) VALUES (1, 'picnic', '2026-11-02', 'test')").run()).toThrow(/CHECK/);
    expect(upgraded.prepare('SELECT round_day, round_capacity_minutes, pharmacist_minutes, round_clinician FROM care_home').get())
      .toEqual({ round_day: 'tuesday', round_capacity_minutes: 150, pharmacist_minutes: null, round_clinician: null });
    expect(upgraded.prepare("SELECT sql FROM sqlite_schema WHERE name = 'clinical_event'").get()).toMatchObject({ sql: expect.stringContaining('STRICT') });
    expect(upgraded.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'clinical_event'").all()).toEqual([{ name: 'clinical_event_resident' }]);
    expect(upgraded.pragma('foreign_key_check')).toEqual([]);
    closeDatabase(upgraded);
  });
});
