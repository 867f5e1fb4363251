/** Medication reviews: settings, reviews recorded as done or deferred, upcoming rounds, schedule runs. */
import type { Db } from './db';

const PREFIX = 'reviews.';

export function readReviewSettings(db: Db): Record<string, string> {
  const rows = db.prepare('SELECT key, value FROM setting WHERE substr(key, 1, length(?)) = ?').all(PREFIX, PREFIX) as { key: string; value: string }[];
  return Object.fromEntries(rows.filter((r) => r.key.startsWith(PREFIX)).map((r) => [r.key.slice(PREFIX.length), r.value]));
}

export function writeReviewSettings(db: Db, settings: Record<string, number>): void {
  const upsert = db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  for (const [key, value] of Object.entries(settings)) upsert.run(`${PREFIX}${key}`, String(value));
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

export function insertRecordedReview(db: Db, r: NewRecordedReview): number {
  const result = db.prepare(`INSERT INTO medication_review (resident_id, rule, due_date, reasons, status, done_on, done_by, outcome, medicines_changed,
      deferred_until, deferred_reason, source, rules_version, created_at)
    VALUES (@residentId, @rule, @dueDate, @reasons, @status, @doneOn, @doneBy, @outcome, @medicinesChanged, @deferredUntil, @deferredReason,
      'entered', @rulesVersion, @now)`)
    .run({ residentId: r.residentId, rule: r.rule, dueDate: r.dueDate, reasons: JSON.stringify(r.reasons), status: r.status,
      doneOn: r.doneOn ?? null, doneBy: r.doneBy ?? null, outcome: r.outcome ?? null, medicinesChanged: r.medicinesChanged ?? null,
      deferredUntil: r.deferredUntil ?? null, deferredReason: r.deferredReason ?? null, rulesVersion: r.rulesVersion, now: new Date().toISOString() });
  return Number(result.lastInsertRowid);
}

export interface RecordedReviewRow {
  id: number; resident_id: number; nhs_number: string; given_name: string; family_name: string; home_name: string; rule: string;
  status: 'done' | 'deferred'; done_on: string | null; done_by: string | null; outcome: string | null; medicines_changed: string | null;
  deferred_until: string | null; deferred_reason: string | null;
}

/** Reviews done or deferred since a date (newest first), for one home or resident or all. */
export function listRecordedReviews(db: Db, q: { homeId?: number | undefined; residentId?: number | undefined; since: string; limit?: number }): RecordedReviewRow[] {
  return db.prepare(`SELECT m.id, m.resident_id, r.nhs_number, r.given_name, r.family_name, h.name AS home_name, m.rule, m.status, m.done_on, m.done_by,
        m.outcome, m.medicines_changed, m.deferred_until, m.deferred_reason
      FROM medication_review m JOIN resident r ON r.id = m.resident_id JOIN care_home h ON h.id = r.home_id
      WHERE m.status IN ('done', 'deferred') AND coalesce(m.done_on, substr(m.created_at, 1, 10)) >= @since
        AND (@homeId IS NULL OR r.home_id = @homeId) AND (@residentId IS NULL OR m.resident_id = @residentId)
      ORDER BY coalesce(m.done_on, substr(m.created_at, 1, 10)) DESC, m.id DESC LIMIT @limit`)
    .all({ homeId: q.homeId ?? null, residentId: q.residentId ?? null, since: q.since, limit: q.limit ?? 500 }) as RecordedReviewRow[];
}

export interface PlannedRoundRow { id: number; home_id: number; date: string; capacity_minutes: number; used_minutes: number }

/** Rounds still being planned from a date onwards, with the minutes their agenda already takes. */
export function listPlannedRounds(db: Db, from: string, to: string): PlannedRoundRow[] {
  return db.prepare(`SELECT r.id, r.home_id, r.date, r.capacity_minutes,
        coalesce((SELECT sum(a.minutes) FROM agenda_item a WHERE a.round_id = r.id AND a.removed_at IS NULL), 0) AS used_minutes
      FROM round r WHERE r.status = 'planning' AND r.date >= ? AND r.date <= ? ORDER BY r.date, r.id`).all(from, to) as PlannedRoundRow[];
}

export function insertScheduleRun(db: Db, run: { today: string; homeId: number | null; rulesVersion: string; settings: unknown; items: number; placed: number; unplaced: number }): number {
  const result = db.prepare(`INSERT INTO review_schedule_run (computed_at, today, home_id, rules_version, settings, items, placed, unplaced)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(new Date().toISOString(), run.today, run.homeId, run.rulesVersion, JSON.stringify(run.settings), run.items, run.placed, run.unplaced);
  return Number(result.lastInsertRowid);
}

export interface ScheduleRunRow { id: number; computed_at: string; today: string; home_id: number | null; rules_version: string; settings: string; items: number; placed: number; unplaced: number }

export function listScheduleRuns(db: Db, limit = 20): ScheduleRunRow[] {
  return db.prepare('SELECT * FROM review_schedule_run ORDER BY id DESC LIMIT ?').all(limit) as ScheduleRunRow[];
}
