/** Reads residents' snapshots (shared/domain/snapshot.ts) for the rules: a few set-based queries, not one per resident. */
import type { LabTest, ResidentSnapshot } from '../../shared/domain/snapshot';
import type { SqlDb } from './sql/types';
import { listRepresentativesOfSnapshot, residentsByIds, searchResidents } from './residents';

export interface SnapshotQuery {
  homeId?: number | undefined;
  residentIds?: number[] | undefined;
  /** Residents who have left or died are included only when asked for. */
  includeInactive?: boolean | undefined;
}

function groupBy<T extends { resident_id: number }>(rows: T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const list = map.get(row.resident_id);
    if (list) list.push(row);
    else map.set(row.resident_id, [row]);
  }
  return map;
}

/**
 * The residents' ids are bound once per query as a JSON array (the dialect turns it into a set), so the
 * number of queries does not grow with the number of residents: one for the residents, one per kind of
 * record, one for representatives.
 */
export async function loadSnapshots(db: SqlDb, query: SnapshotQuery = {}): Promise<ResidentSnapshot[]> {
  // A few residents (a page of a list, one record) are read by id, not by reading the whole register.
  const residents = query.residentIds
    ? (await residentsByIds(db, query.residentIds))
      .filter((r) => (query.homeId === undefined || r.homeId === query.homeId) && (query.includeInactive || r.status === 'active'))
    : await searchResidents(db, { homeId: query.homeId, status: query.includeInactive ? 'all' : 'active' }, { limit: null });
  if (residents.length === 0) return [];
  const ids = JSON.stringify(residents.map((r) => r.id));
  const all = async <T extends { resident_id: number }>(sql: string) => groupBy(await db.all<T>(sql, [ids]));
  const inSet = `resident_id IN (${db.dialect.intsFromJson('?')})`;

  const meds = await all<{ resident_id: number; id: number; name: string; dose: string | null; start_date: string | null; type: 'repeat' | 'acute';
    status: 'active' | 'stopped'; stopped_on: string | null; last_issued: string | null; as_needed: 'as-required' | 'just-in-case' | null }>(
    `SELECT * FROM medication WHERE ${inSet} ORDER BY start_date NULLS FIRST, id`);
  const conditions = await all<{ resident_id: number; id: number; name: string; code: string | null; onset: string | null }>(
    `SELECT * FROM condition WHERE ${inSet} ORDER BY onset NULLS FIRST, id`);
  const events = await all<{ resident_id: number; id: number; type: ResidentSnapshot['events'][number]['type']; date: string; details: string | null; source: string }>(
    `SELECT * FROM clinical_event WHERE ${inSet} ORDER BY date, id`);
  const plans = await all<{ resident_id: number; id: number; element: ResidentSnapshot['carePlans'][number]['element']; value: string; details: string;
    recorded_on: string; review_due: string | null; participants: string; source: string; superseded_by: number | null }>(
    `SELECT * FROM advance_care_plan WHERE ${inSet} ORDER BY recorded_on, id`);
  const reviews = await all<{ resident_id: number; id: number; rule: string; status: ResidentSnapshot['reviews'][number]['status']; due_date: string | null;
    done_on: string | null; done_by: string | null; outcome: string | null; deferred_until: string | null; deferred_reason: string | null }>(
    `SELECT * FROM medication_review WHERE ${inSet} ORDER BY coalesce(done_on, due_date) NULLS FIRST, id`);
  const flags = await all<{ resident_id: number; id: number; raised_on: string; raised_by: string | null; category: ResidentSnapshot['flags'][number]['category'];
    severity: ResidentSnapshot['flags'][number]['severity']; status: ResidentSnapshot['flags'][number]['status']; text: string; scores: string }>(
    `SELECT * FROM flag WHERE ${inSet} AND dismissed_at IS NULL ORDER BY raised_on, id`);
  const actions = await all<{ resident_id: number; id: number; decision: string | null; action: string | null; owner: string | null; due_date: string | null; created_at: string }>(
    `SELECT * FROM outcome_action WHERE ${inSet} AND status = 'open' ORDER BY created_at, id`);
  const supportPlans = await all<{ resident_id: number; id: number; kind: 'created' | 'reviewed'; date: string; done_by: string | null; next_review: string | null }>(
    `SELECT * FROM support_plan WHERE ${inSet} ORDER BY date, id`);
  const steps = await all<{ resident_id: number; id: number; step: NonNullable<ResidentSnapshot['endOfLifeSteps']>[number]['step']; outcome: 'done' | 'declined';
    recorded_on: string; done_by: string | null; notes: string | null }>(`SELECT * FROM end_of_life_step WHERE ${inSet} ORDER BY recorded_on, id`);
  // The latest result of each test (the newest date; on one day, the last stored).
  const results = await all<{ resident_id: number; test: LabTest; value: number; comparator: '<' | '>' | null; unit: string; date: string }>(
    `SELECT resident_id, test, value, comparator, unit, date FROM lab_result r WHERE ${inSet}
       AND id = (SELECT id FROM lab_result x WHERE x.resident_id = r.resident_id AND x.test = r.test ORDER BY x.date DESC, x.id DESC LIMIT 1)
     ORDER BY test`);
  const seen = new Map((await db.all<{ resident_id: number; date: string }>(`SELECT a.resident_id AS resident_id, max(r.date) AS date
      FROM agenda_item a JOIN round r ON r.id = a.round_id
      WHERE a.${inSet} AND a.removed_at IS NULL AND r.status IN ('held', 'closed') GROUP BY a.resident_id`, [ids]))
    .map((row) => [row.resident_id, row.date]));

  const representatives = await listRepresentativesOfSnapshot(db, ids);

  return residents.map((resident) => ({
    resident,
    representatives: representatives.get(resident.id) ?? [],
    medications: (meds.get(resident.id) ?? []).map((m) => ({ id: m.id, name: m.name, dose: m.dose, startDate: m.start_date, type: m.type,
      status: m.status, stoppedOn: m.stopped_on, lastIssued: m.last_issued, asNeeded: m.as_needed })),
    conditions: (conditions.get(resident.id) ?? []).map((c) => ({ id: c.id, name: c.name, code: c.code, onset: c.onset })),
    events: (events.get(resident.id) ?? []).map((e) => ({ id: e.id, type: e.type, date: e.date, details: e.details, source: e.source })),
    carePlans: (plans.get(resident.id) ?? []).map((p) => ({ id: p.id, element: p.element, value: p.value, details: JSON.parse(p.details) as Record<string, unknown>,
      recordedOn: p.recorded_on, reviewDue: p.review_due, participants: JSON.parse(p.participants) as Record<string, unknown>, source: p.source,
      supersededBy: p.superseded_by })),
    reviews: (reviews.get(resident.id) ?? []).map((r) => ({ id: r.id, rule: r.rule, status: r.status, dueDate: r.due_date, doneOn: r.done_on,
      doneBy: r.done_by, outcome: r.outcome, deferredUntil: r.deferred_until, deferredReason: r.deferred_reason })),
    flags: (flags.get(resident.id) ?? []).map((f) => ({ id: f.id, raisedOn: f.raised_on, raisedBy: f.raised_by, category: f.category, severity: f.severity,
      status: f.status, text: f.text, scores: JSON.parse(f.scores) as ResidentSnapshot['flags'][number]['scores'] })),
    openActions: (actions.get(resident.id) ?? []).map((a) => ({ id: a.id, decision: a.decision, action: a.action, owner: a.owner, dueDate: a.due_date,
      createdAt: a.created_at })),
    supportPlans: (supportPlans.get(resident.id) ?? []).map((p) => ({ id: p.id, kind: p.kind, date: p.date, by: p.done_by, nextReview: p.next_review })),
    endOfLifeSteps: (steps.get(resident.id) ?? []).map((e) => ({ id: e.id, step: e.step, outcome: e.outcome, recordedOn: e.recorded_on, by: e.done_by,
      notes: e.notes })),
    results: (results.get(resident.id) ?? []).map((r) => ({ test: r.test, value: r.value, comparator: r.comparator, unit: r.unit, date: r.date })),
    lastSeenOnRound: seen.get(resident.id) ?? null,
  }));
}
