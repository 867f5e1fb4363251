/**
 * What a resident's timeline needs beyond their snapshot: where each record came from (import file, or
 * who entered it) and every round outcome (the snapshot holds only open actions).
 */
import type { TimelineOutcomeInput } from '../../shared/rules/timeline';
import type { SqlDb } from './sql/types';

export interface RecordSource {
  /** e.g. "medication:12" → "Imported from records.csv" / "Entered by jsmith". */
  [key: string]: string;
}

export type TimelineOutcome = TimelineOutcomeInput;

export interface TimelineExtras {
  sources: RecordSource;
  outcomes: TimelineOutcome[];
}

export async function loadTimelineExtras(db: SqlDb, residentId: number): Promise<TimelineExtras> {
  const sources: RecordSource = {};
  for (const table of ['medication', 'clinical_event', 'advance_care_plan', 'medication_review', 'flag'] as const) {
    const rows = await db.all<{ id: number; file_name: string; imported_by: string }>(`SELECT t.id, b.file_name, b.imported_by FROM ${table} t
        JOIN import_batch b ON b.id = t.source_batch_id WHERE t.resident_id = ?`, [residentId]);
    for (const row of rows) sources[`${table}:${row.id}`] = `Imported from ${row.file_name} by ${row.imported_by}`;
  }
  const entered = await db.get<{ os_user: string; summary: string }>(
    `SELECT os_user, summary FROM audit_event WHERE entity = 'resident_records' AND entity_id = ? ORDER BY id LIMIT 1`, [residentId]);
  if (entered) sources.default = `Entered by ${entered.os_user}`;
  const flagPeople = await db.all<{ id: number; os_user: string }>(`SELECT f.id, a.os_user FROM flag f
      JOIN audit_event a ON a.entity = 'flag' AND a.entity_id = f.id AND a.action = 'create'
      WHERE f.resident_id = ? AND f.source_batch_id IS NULL ORDER BY a.id`, [residentId]);
  for (const row of flagPeople) sources[`flag:${row.id}`] ??= `Entered by hand by ${row.os_user}`;
  const outcomes = (await db.all<{
    id: number; decision: string | null; action: string | null; owner: string | null; due_date: string | null; status: string; round_date: string | null;
    created_at: string }>(`SELECT o.*, r.date AS round_date FROM outcome_action o LEFT JOIN agenda_item a ON a.id = o.agenda_item_id
      LEFT JOIN round r ON r.id = a.round_id WHERE o.resident_id = ? ORDER BY o.created_at, o.id`, [residentId]))
    .map((o) => ({ id: o.id, decision: o.decision, action: o.action, owner: o.owner, dueDate: o.due_date, status: o.status, roundDate: o.round_date,
      createdAt: o.created_at }));
  return { sources, outcomes };
}
