/**
 * Advance care plan entries. History by supersession: every insert path comes through
 * insertCarePlanEntry, which keeps the older entry and points its superseded_by at the new one. An entry
 * dated before the current one goes straight into history, already superseded by the newer entry.
 */
import type { CarePlanRecord } from '../../shared/domain/clinical';
import type { CarePlanEntryView } from '../../shared/domain/carePlan';
import { valueLabel } from '../../shared/domain/carePlan';
import type { AcpElement } from '../../shared/domain/enums';
import type { Db } from './db';

interface PlanRow {
  id: number; resident_id: number; element: AcpElement; value: string; details: string; recorded_on: string; review_due: string | null;
  participants: string; source: string; source_batch_id: number | null; superseded_by: number | null;
}

/**
 * Inserts one entry and applies supersession; returns the new entry's id. With skipDuplicate (imports), an
 * entry already stored with the same resident, element, value and date is not added again and null is
 * returned, so re-importing a file changes nothing.
 */
export function insertCarePlanEntry(db: Db, residentId: number, entry: CarePlanRecord, source: string, batchId: number | null): number;
export function insertCarePlanEntry(db: Db, residentId: number, entry: CarePlanRecord, source: string, batchId: number | null,
  options: { skipDuplicate: boolean }): number | null;
export function insertCarePlanEntry(db: Db, residentId: number, entry: CarePlanRecord, source: string, batchId: number | null,
  options: { skipDuplicate?: boolean } = {}): number | null {
  if (options.skipDuplicate && db.prepare('SELECT 1 FROM advance_care_plan WHERE resident_id = ? AND element = ? AND value = ? AND recorded_on = ?')
    .get(residentId, entry.element, entry.value, entry.recordedOn)) return null;
  const current = db.prepare(`SELECT id, recorded_on FROM advance_care_plan WHERE resident_id = ? AND element = ? AND superseded_by IS NULL
      ORDER BY recorded_on DESC, id DESC`).all(residentId, entry.element) as { id: number; recorded_on: string }[];
  const newest = current[0];
  // Older than what is current: kept as history, already superseded by the newer entry.
  const supersededBy = newest && entry.recordedOn < newest.recorded_on ? newest.id : null;
  const result = db.prepare(`INSERT INTO advance_care_plan (resident_id, element, value, details, recorded_on, review_due, participants, source,
      source_batch_id, superseded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(residentId, entry.element, entry.value, JSON.stringify(entry.details ?? {}), entry.recordedOn, entry.reviewDue,
      JSON.stringify(entry.participants ?? {}), source, batchId, supersededBy, new Date().toISOString());
  const id = Number(result.lastInsertRowid);
  if (supersededBy === null && current.length > 0) {
    const supersede = db.prepare('UPDATE advance_care_plan SET superseded_by = ? WHERE id = ?');
    for (const c of current) supersede.run(id, c.id);
  }
  return id;
}

function toView(row: PlanRow): CarePlanEntryView {
  return {
    id: row.id, element: row.element, value: row.value, valueLabel: valueLabel(row.element, row.value),
    details: JSON.parse(row.details) as Record<string, unknown>, recordedOn: row.recorded_on, reviewDue: row.review_due,
    participants: JSON.parse(row.participants) as Record<string, unknown>, source: row.source, sourceBatchId: row.source_batch_id,
    supersededBy: row.superseded_by,
  };
}

/** Every entry for a resident, current and superseded, newest first. */
export function listCarePlanEntries(db: Db, residentId: number): CarePlanEntryView[] {
  const rows = db.prepare(`SELECT * FROM advance_care_plan WHERE resident_id = ? ORDER BY recorded_on DESC, id DESC`).all(residentId) as PlanRow[];
  return rows.map(toView);
}
