import Database from 'better-sqlite3';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, closeDatabase, DatabaseOpenError, ROUNDTABLE_APPLICATION_ID } from '../../main/store/db';
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../main/store/migrations';
import { tempDir } from '../helpers/tempStore';
import { onPostgres } from '../helpers/engine';

const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()?.(); });
function temp() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

/** Every table and column the shipped schema has; clinical records are retired, never dropped. */
const SHIPPED_SCHEMA: Record<string, string[]> = {
  practice: ['id', 'name', 'ods_code', 'is_demo', 'address', 'phone', 'email', 'sender'],
  staff: ['id', 'name', 'role', 'active'],
  care_home: ['id', 'name', 'type', 'cqc_location_id', 'address', 'phone', 'manager', 'round_day', 'round_start_time', 'round_capacity_minutes',
    'pharmacist_minutes', 'round_clinician'],
  resident: ['id', 'nhs_number', 'family_name', 'given_name', 'preferred_name', 'date_of_birth', 'sex', 'home_id', 'room', 'admission_date',
    'status', 'status_date', 'frailty', 'dementia', 'communication_needs', 'capacity_notes', 'what_matters'],
  representative: ['id', 'resident_id', 'name', 'relationship', 'phone', 'email', 'holds_lpa_health_welfare', 'lpa_registered_on', 'preferred_contact', 'notes'],
  medication: ['id', 'resident_id', 'name', 'dose', 'start_date', 'type', 'status', 'stopped_on', 'last_issued'],
  condition: ['id', 'resident_id', 'name', 'code', 'onset'],
  clinical_event: ['id', 'resident_id', 'type', 'date', 'details', 'source'],
  flag: ['id', 'home_id', 'resident_id', 'raw_identity', 'raised_on', 'raised_by', 'category', 'severity', 'text', 'source', 'status'],
  medication_review: ['id', 'resident_id', 'rule', 'due_date', 'reasons', 'status', 'done_on', 'done_by', 'outcome'],
  advance_care_plan: ['id', 'resident_id', 'element', 'value', 'recorded_on', 'review_due', 'participants', 'source', 'superseded_by'],
  round: ['id', 'home_id', 'date', 'start_time', 'clinicians', 'capacity_minutes', 'status'],
  agenda_item: ['id', 'round_id', 'resident_id', 'position', 'start_time', 'minutes', 'reasons', 'attendees', 'questions', 'notes'],
  outcome_action: ['id', 'agenda_item_id', 'resident_id', 'decision', 'action', 'owner', 'due_date', 'status'],
  import_batch: ['id', 'kind', 'file_name', 'sha256', 'imported_at', 'imported_by', 'rows_read', 'rows_accepted', 'rows_rejected', 'rows_queued'],
  import_problem: ['id', 'batch_id', 'line', 'field', 'reason'],
  lab_result: ['id', 'resident_id', 'test', 'value', 'comparator', 'unit', 'date', 'name_as_written', 'source', 'source_batch_id'],
  audit_event: ['id', 'at', 'os_user', 'staff_id', 'action', 'entity', 'entity_id', 'summary'],
};

// migrating SQLite files (pragmas, the file backup before migrating, a damaged file)
describe.skipIf(onPostgres)('migrations on real SQLite files', () => {
  it('migrates an empty file to the latest version with the pragmas set', async () => {
    const file = path.join(temp(), 'new.sqlite');
    const db = await openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    closeDatabase(db);
  });

  it('keeps every shipped table and column (schema guard)', async () => {
    const db = await openDatabase(path.join(temp(), 'guard.sqlite'));
    for (const [table, columns] of Object.entries(SHIPPED_SCHEMA)) {
      const present = (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
      expect(present, `table ${table}`).toEqual(expect.arrayContaining(columns));
    }
    const strict = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE '%STRICT%' AND name NOT LIKE 'sqlite_%'").all();
    expect(strict).toEqual([]);
    closeDatabase(db);
  });

  it('numbers migrations in rising multiples of 10 (numbers are assigned per branch, so gaps are allowed)', () => {
    MIGRATIONS.forEach((m, i) => {
      expect(m.version % 10).toBe(0);
      expect(m.version).toBeGreaterThan(MIGRATIONS[i - 1]?.version ?? 0);
    });
  });

  it('opens an up-to-date database again without migrating or backing up', async () => {
    const dir = temp();
    const file = path.join(dir, 'again.sqlite');
    closeDatabase(await openDatabase(file));
    const db = await openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    closeDatabase(db);
    expect(existsSync(path.join(dir, 'backups'))).toBe(false);
  });

  it('H10: takes an online backup before migrating an existing database, and keeps the data', async () => {
    const dir = temp();
    const file = path.join(dir, 'old.sqlite');
    const extra: Migration = { version: LATEST_VERSION + 10, name: 'test: add a column', up: (db) => db.exec('ALTER TABLE care_home ADD COLUMN colour TEXT') };
    const db = await openDatabase(file);
    db.prepare("INSERT INTO care_home (name, type, created_at, updated_at) VALUES ('Kept House', 'nursing', 'x', 'x')").run();
    closeDatabase(db);

    const upgraded = await openDatabase(file, { migrations: [...MIGRATIONS, extra] });
    expect(upgraded.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 10);
    expect(upgraded.prepare('SELECT name, colour FROM care_home').all()).toEqual([{ name: 'Kept House', colour: null }]);
    closeDatabase(upgraded);

    const backups = readdirSync(path.join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    const backup = new Database(path.join(dir, 'backups', backups[0] ?? ''), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(backup.prepare('SELECT name FROM care_home').all()).toEqual([{ name: 'Kept House' }]);
    backup.close();
  });

  it('rolls back a failing migration whole, leaving the database as it was', async () => {
    const file = path.join(temp(), 'fail.sqlite');
    closeDatabase(await openDatabase(file));
    const broken: Migration = {
      version: LATEST_VERSION + 10, name: 'test: fails half way',
      up: async (db) => { await db.exec('CREATE TABLE half_done (id INTEGER) STRICT'); throw new Error('boom'); },
    };
    await expect(openDatabase(file, { migrations: [...MIGRATIONS, broken] })).rejects.toThrow('boom');
    const db = await openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'half_done'").get()).toBeUndefined();
    closeDatabase(db);
  });

  it('H10: refuses a database written by a newer Roundtable and leaves it untouched', async () => {
    const file = path.join(temp(), 'newer.sqlite');
    const raw = new Database(file);
    raw.pragma(`application_id = ${ROUNDTABLE_APPLICATION_ID}`); // a newer Roundtable marks its databases too
    raw.pragma(`user_version = ${LATEST_VERSION + 990}`);
    raw.close();
    const attempt = openDatabase(file);
    await expect(attempt).rejects.toBeInstanceOf(DatabaseOpenError);
    await expect(openDatabase(file)).rejects.toThrow(/newer version of Roundtable/);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 990);
    check.close();
  });

  it('refuses a file that is not a database with a clear message', async () => {
    const file = path.join(temp(), 'garbage.sqlite');
    writeFileSync(file, 'this is not an SQLite database, just some text that is long enough to have a header'.repeat(20));
    await expect(openDatabase(file)).rejects.toMatchObject({ code: 'DATABASE', reason: 'corrupt', message: expect.stringMatching(/damaged.*backup/) });
  });
});
