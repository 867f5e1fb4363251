/**
 * Advance care plan entries. History by supersession: every insert path comes through
 * insertCarePlanEntry, which keeps the older entry and points its superseded_by at the new one. An entry
 * dated before the current one goes straight into history, already superseded by the newer entry.
 */
import type { CarePlanRecord } from '../../shared/domain/clinical';
import type { CarePlanEntryView } from '../../shared/domain/carePlan';
import { valueLabel } from '../../shared/domain/carePlan';
import type { AcpElement } from '../../shared/domain/enums';
import type { SqlDb } from './sql/types';

interface PlanRow {
  id: number; resident_id: number; element: AcpElement; value: string; details: string; recorded_on: string; review_due: string | null;
  participants: string; source: string; source_batch_id: number | null; superseded_by: number | null;
}

/**
 * Inserts one entry and applies supersession; returns the new entry's id. With skipDuplicate (imports), an
 * entry already stored with the same resident, element, value and date is not added again and null is
 * returned, so re-importing a file changes nothing.
 */
export function insertCarePlanEntry(db: SqlDb, residentId: number, entry: CarePlanRecord, source: string, batchId: number | null): Promise<number>;
export function insertCarePlanEntry(db: SqlDb, residentId: number, entry: CarePlanRecord, source: string, batchId: number | null,
  options: { skipDuplicate: boolean }): Promise<number | null>;
export async function insertCarePlanEntry(db: SqlDb, residentId: number, entry: CarePlanRecord, source: string, batchId: number | null,
  options: { skipDuplicate?: boolean } = {}): Promise<number | null> {
  if (options.skipDuplicate && await db.get('SELECT 1 AS found FROM advance_care_plan WHERE resident_id = ? AND element = ? AND value = ? AND recorded_on = ?',
    [residentId, entry.element, entry.value, entry.recordedOn])) return null;
  const current = await db.all<{ id: number; recorded_on: string }>(`SELECT id, recorded_on FROM advance_care_plan
      WHERE resident_id = ? AND element = ? AND superseded_by IS NULL ORDER BY recorded_on DESC, id DESC`, [residentId, entry.element]);
  const newest = current[0];
  // Older than what is current: kept as history, already superseded by the newer entry.
  const supersededBy = newest && entry.recordedOn < newest.recorded_on ? newest.id : null;
  const id = await db.insert(`INSERT INTO advance_care_plan (resident_id, element, value, details, recorded_on, review_due, participants, source,
      source_batch_id, superseded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  [residentId, entry.element, entry.value, JSON.stringify(entry.details ?? {}), entry.recordedOn, entry.reviewDue,
    JSON.stringify(entry.participants ?? {}), source, batchId, supersededBy, new Date().toISOString()]);
  if (id === null) throw new Error('The care plan entry was not stored');
  if (supersededBy === null) {
    for (const c of current) await db.run('UPDATE advance_care_plan SET superseded_by = ? WHERE id = ?', [id, c.id]);
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
export async function listCarePlanEntries(db: SqlDb, residentId: number): Promise<CarePlanEntryView[]> {
  const rows = await db.all<PlanRow>('SELECT * FROM advance_care_plan WHERE resident_id = ? ORDER BY recorded_on DESC, id DESC', [residentId]);
  return rows.map(toView);
}
