/** Migration 0040: medication reviews recorded before it keep their data; the new column and table are there. */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../main/store/db';
import { MIGRATIONS } from '../../main/store/migrations';
import { tempDir } from '../helpers/tempStore';
import { onPostgres } from '../helpers/engine';

const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()?.(); });

// upgrades a SQLite file written before 0040; a PostgreSQL database starts at the current schema
describe.skipIf(onPostgres)('migration 0040 (medication reviews)', () => {
  it('keeps earlier reviews and adds medicines changed and the schedule-run record', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = path.join(t.dir, 'old.sqlite');
    const before = MIGRATIONS.filter((m) => m.version < 40);
    const db = await openDatabase(file, { migrations: before });
    db.prepare("INSERT INTO care_home (name, type, created_at, updated_at) VALUES ('Kept House', 'nursing', 'x', 'x')").run();
    db.prepare(`INSERT INTO resident (nhs_number, family_name, given_name, date_of_birth, sex, home_id, created_at, updated_at)
      VALUES ('9434765919', 'Example', 'Edith', '1938-04-02', 'female', 1, 'x', 'x')`).run();
    db.prepare("INSERT INTO medication_review (resident_id, rule, status, done_on, created_at) VALUES (1, 'smr', 'done', '2026-01-10', 'x')").run();
    closeDatabase(db);

    const upgraded = await openDatabase(file);
    expect(upgraded.prepare('SELECT rule, done_on, medicines_changed FROM medication_review').all()).toEqual([{ rule: 'smr', done_on: '2026-01-10', medicines_changed: null }]);
    expect(upgraded.prepare("SELECT sql FROM sqlite_schema WHERE name = 'review_schedule_run'").get()).toMatchObject({ sql: expect.stringContaining('STRICT') });
    closeDatabase(upgraded);
  });
});
