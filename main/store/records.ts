/** Writes of clinical records for one resident (used by the demo now, by the importers later). */
import type { CarePlanRecord, NewFlag, ResidentRecords } from '../../shared/domain/clinical';
import { normaliseName } from '../../shared/text';
import { insertCarePlanEntry } from './carePlans';
import type { SqlDb } from './sql/types';

export async function insertResidentRecords(db: SqlDb, residentId: number, records: ResidentRecords, source: string, batchId: number | null): Promise<number> {
  const now = new Date().toISOString();
  let count = 0;
  for (const m of records.medications ?? []) {
    await db.run(`INSERT INTO medication (resident_id, name, dose, start_date, type, status, stopped_on, last_issued, as_needed, source_batch_id, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [residentId, m.name, m.dose, m.startDate, m.type, m.status, m.stoppedOn ?? null, m.lastIssued ?? null, m.asNeeded ?? null, batchId, now]);
    count++;
  }
  for (const c of records.conditions ?? []) {
    await db.run('INSERT INTO condition (resident_id, name, code, onset, source_batch_id) VALUES (?, ?, ?, ?, ?)', [residentId, c.name, c.code, c.onset, batchId]);
    count++;
  }
  for (const e of records.events ?? []) {
    await db.run('INSERT INTO clinical_event (resident_id, type, date, details, source, source_batch_id) VALUES (?, ?, ?, ?, ?, ?)',
      [residentId, e.type, e.date, e.details, source, batchId]);
    count++;
  }
  for (const p of records.carePlans ?? []) {
    if (await addCarePlanEntryOnce(db, residentId, p, source, batchId) !== null) count++;
  }
  for (const r of records.reviews ?? []) {
    await db.run(`INSERT INTO medication_review (resident_id, rule, status, done_on, done_by, outcome, source, source_batch_id, created_at)
        VALUES (?, ?, 'done', ?, ?, ?, ?, ?, ?)`, [residentId, r.rule, r.doneOn, r.doneBy, r.outcome, source, batchId, now]);
    count++;
  }
  count += await insertPathwayRecords(db, residentId, records, source, batchId);
  return count;
}

/** Imports and the demo add care-plan entries through the one insert that de-duplicates and supersedes. */
export async function addCarePlanEntryOnce(db: SqlDb, residentId: number, p: CarePlanRecord, source: string, batchId: number | null): Promise<number | null> {
  return insertCarePlanEntry(db, residentId, p, source, batchId, { skipDuplicate: true });
}

/** The natural key that stops a re-imported flag being stored twice. */
export function flagNaturalKey(flag: NewFlag): string {
  const identity = Object.values(flag.rawIdentity).map((v) => normaliseName(v ?? '')).join('|');
  return [flag.homeId, flag.raisedOn, identity, flag.category, normaliseName(flag.text)].join('#');
}

/** Inserts a flag; returns its id, or null when the same flag is already stored. */
export async function insertFlag(db: SqlDb, flag: NewFlag, source: string, batchId: number | null): Promise<number | null> {
  const now = new Date().toISOString();
  return db.insert(`INSERT INTO flag (home_id, resident_id, raw_identity, raised_on, raised_by, category, category_original, severity, text,
      scores, source, source_batch_id, match_method, natural_key, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (natural_key) DO NOTHING`,
  [flag.homeId, flag.residentId, JSON.stringify(flag.rawIdentity), flag.raisedOn, flag.raisedBy, flag.category, flag.categoryOriginal ?? null,
    flag.severity, flag.text, JSON.stringify(flag.scores ?? {}), source, batchId, flag.matchMethod ?? null, flagNaturalKey(flag), now, now]);
}

export interface RecordCounts {
  medications: number;
  activeMedications: number;
  conditions: number;
  events: number;
  carePlans: number;
  reviews: number;
  flags: number;
  representatives: number;
}

export async function countRecords(db: SqlDb): Promise<RecordCounts> {
  const n = async (sql: string) => (await db.value<number>(sql)) ?? 0;
  return {
    medications: await n('SELECT count(*) AS n FROM medication'),
    activeMedications: await n("SELECT count(*) AS n FROM medication WHERE status = 'active'"),
    conditions: await n('SELECT count(*) AS n FROM condition'),
    events: await n('SELECT count(*) AS n FROM clinical_event'),
    carePlans: await n('SELECT count(*) AS n FROM advance_care_plan'),
    reviews: await n('SELECT count(*) AS n FROM medication_review'),
    flags: await n('SELECT count(*) AS n FROM flag'),
    representatives: await n('SELECT count(*) AS n FROM representative WHERE retired_at IS NULL'),
  };
}

/** Care and support plans and end-of-life steps; the same record twice (same kind or step, outcome and date) is stored once. */
export async function insertPathwayRecords(db: SqlDb, residentId: number, records: Pick<ResidentRecords, 'supportPlans' | 'endOfLifeSteps'>,
  source: string, batchId: number | null): Promise<number> {
  const now = new Date().toISOString();
  let count = 0;
  for (const p of records.supportPlans ?? []) {
    count += (await db.run(`INSERT INTO support_plan (resident_id, kind, date, done_by, next_review, source, source_batch_id, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (resident_id, kind, date) DO NOTHING`,
    [residentId, p.kind, p.date, p.by, p.nextReview, source, batchId, now])).changes;
  }
  for (const e of records.endOfLifeSteps ?? []) {
    count += (await db.run(`INSERT INTO end_of_life_step (resident_id, step, outcome, recorded_on, done_by, notes, source, source_batch_id, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (resident_id, step, outcome, recorded_on) DO NOTHING`,
    [residentId, e.step, e.outcome, e.recordedOn, e.by, e.notes, source, batchId, now])).changes;
  }
  return count;
}
