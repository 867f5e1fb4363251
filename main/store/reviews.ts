/** Medication reviews: settings, reviews recorded as done or deferred, upcoming rounds, schedule runs. */
import type { SqlDb } from './sql/types';

const PREFIX = 'reviews.';

export async function readReviewSettings(db: SqlDb): Promise<Record<string, string>> {
  const rows = await db.all<{ key: string; value: string }>('SELECT key, value FROM setting WHERE substr(key, 1, ?) = ? ORDER BY key', [PREFIX.length, PREFIX]);
  return Object.fromEntries(rows.filter((r) => r.key.startsWith(PREFIX)).map((r) => [r.key.slice(PREFIX.length), r.value]));
}

export async function writeReviewSettings(db: SqlDb, settings: Record<string, number>): Promise<void> {
  for (const [key, value] of Object.entries(settings)) {
    await db.run('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [`${PREFIX}${key}`, String(value)]);
  }
}

export interface NewRecordedReview {
  residentId: number;
  rule: string;
  status: 'done' | 'deferred';
  dueDate: string | null;
  reasons: unknown[];
  doneOn?: string | null;
  doneBy?: string | null;
  outcome?: string | null;
  medicinesChanged?: string | null;
  deferredUntil?: string | null;
  deferredReason?: string | null;
  rulesVersion: string;
}

export async function insertRecordedReview(db: SqlDb, r: NewRecordedReview): Promise<number> {
  const id = await db.insert(`INSERT INTO medication_review (resident_id, rule, due_date, reasons, status, done_on, done_by, outcome, medicines_changed,
      deferred_until, deferred_reason, source, rules_version, created_at)
    VALUES (@residentId, @rule, @dueDate, @reasons, @status, @doneOn, @doneBy, @outcome, @medicinesChanged, @deferredUntil, @deferredReason,
      'entered', @rulesVersion, @now)`,
  { residentId: r.residentId, rule: r.rule, dueDate: r.dueDate, reasons: JSON.stringify(r.reasons), status: r.status,
      doneOn: r.doneOn ?? null, doneBy: r.doneBy ?? null, outcome: r.outcome ?? null, medicinesChanged: r.medicinesChanged ?? null,
      deferredUntil: r.deferredUntil ?? null, deferredReason: r.deferredReason ?? null, rulesVersion: r.rulesVersion, now: new Date().toISOString() });
  return id!;
}

export interface RecordedReviewRow {
  id: number; residentId: number; nhsNumber: string; givenName: string; familyName: string; homeName: string; rule: string;
  status: 'done' | 'deferred'; doneOn: string | null; doneBy: string | null; outcome: string | null; medicinesChanged: string | null;
  deferredUntil: string | null; deferredReason: string | null;
}

/** Reviews done or deferred since a date (newest first), for one home or resident or all. */
export async function listRecordedReviews(db: SqlDb, q: { homeId?: number | undefined; residentId?: number | undefined; since: string; limit?: number }):
  Promise<RecordedReviewRow[]> {
  return db.all<RecordedReviewRow>(`SELECT m.id, m.resident_id AS "residentId", r.nhs_number AS "nhsNumber", r.given_name AS "givenName",
        r.family_name AS "familyName", h.name AS "homeName", m.rule, m.status, m.done_on AS "doneOn", m.done_by AS "doneBy",
        m.outcome, m.medicines_changed AS "medicinesChanged", m.deferred_until AS "deferredUntil", m.deferred_reason AS "deferredReason"
      FROM medication_review m JOIN resident r ON r.id = m.resident_id JOIN care_home h ON h.id = r.home_id
      WHERE m.status IN ('done', 'deferred') AND coalesce(m.done_on, substr(m.created_at, 1, 10)) >= @since
        AND (CAST(@homeId AS INTEGER) IS NULL OR r.home_id = @homeId) AND (CAST(@residentId AS INTEGER) IS NULL OR m.resident_id = @residentId)
      ORDER BY coalesce(m.done_on, substr(m.created_at, 1, 10)) DESC, m.id DESC LIMIT @limit`,
  { homeId: q.homeId ?? null, residentId: q.residentId ?? null, since: q.since, limit: q.limit ?? 500 });
}

export interface PlannedRoundRow { id: number; homeId: number; date: string; capacityMinutes: number; usedMinutes: number }

/** Rounds still being planned from a date onwards, with the minutes their agenda already takes. */
export async function listPlannedRounds(db: SqlDb, from: string, to: string): Promise<PlannedRoundRow[]> {
  return db.all<PlannedRoundRow>(`SELECT r.id, r.home_id AS "homeId", r.date, r.capacity_minutes AS "capacityMinutes",
        coalesce((SELECT sum(a.minutes) FROM agenda_item a WHERE a.round_id = r.id AND a.removed_at IS NULL), 0) AS "usedMinutes"
      FROM round r WHERE r.status = 'planning' AND r.date >= ? AND r.date <= ? ORDER BY r.date, r.id`, [from, to]);
}

export async function insertScheduleRun(db: SqlDb, run: { today: string; homeId: number | null; rulesVersion: string; settings: unknown; items: number;
  placed: number; unplaced: number }): Promise<number> {
  const id = await db.insert(`INSERT INTO review_schedule_run (computed_at, today, home_id, rules_version, settings, items, placed, unplaced)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  [new Date().toISOString(), run.today, run.homeId, run.rulesVersion, JSON.stringify(run.settings), run.items, run.placed, run.unplaced]);
  return id!;
}

export interface ScheduleRunRow { id: number; computedAt: string; today: string; homeId: number | null; rulesVersion: string; settings: string; items: number; placed: number; unplaced: number }

export async function listScheduleRuns(db: SqlDb, limit = 20): Promise<ScheduleRunRow[]> {
  return db.all<ScheduleRunRow>(`SELECT id, computed_at AS "computedAt", today, home_id AS "homeId", rules_version AS "rulesVersion", settings, items, placed,
      unplaced FROM review_schedule_run ORDER BY id DESC LIMIT ?`, [limit]);
}
