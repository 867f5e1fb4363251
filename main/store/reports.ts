/** The rows the shared outcome figures are counted from (shared/rules/outcomes.ts), for one home or all. */
import type { OutcomeData, StoredOutcomeData } from '../../shared/domain/reports';
import type { SqlDb } from './sql/types';

export async function loadOutcomeData(db: SqlDb, homeId: number | null): Promise<StoredOutcomeData> {
  const home = { homeId };
  const homes = await db.all<OutcomeData['homes'][number]>('SELECT id, name FROM care_home WHERE (CAST(@homeId AS INTEGER) IS NULL OR id = @homeId) ORDER BY name', home);
  const residents = (await db.all<{
    id: number; home_id: number; status: OutcomeData['residents'][number]['status']; status_date: string | null; admission_date: string | null; created_on: string;
  }>(`SELECT id, home_id, status, status_date, admission_date, substr(created_at, 1, 10) AS created_on
      FROM resident WHERE (CAST(@homeId AS INTEGER) IS NULL OR home_id = @homeId) ORDER BY id`, home)).map((r) => ({ id: r.id, homeId: r.home_id, status: r.status, statusDate: r.status_date, admissionDate: r.admission_date, createdOn: r.created_on }));
  const inScope = '(CAST(@homeId AS INTEGER) IS NULL OR resident_id IN (SELECT id FROM resident WHERE home_id = @homeId))';
  const rounds = (await db.all<{
    id: number; home_id: number; date: string; status: OutcomeData['rounds'][number]['status'];
  }>('SELECT id, home_id, date, status FROM round WHERE (CAST(@homeId AS INTEGER) IS NULL OR home_id = @homeId) ORDER BY date, id', home)).map((r) => ({ id: r.id, homeId: r.home_id, date: r.date, status: r.status }));
  const agendaItems = (await db.all<{ round_id: number; resident_id: number }>(`SELECT a.round_id, a.resident_id FROM agenda_item a
      JOIN round r ON r.id = a.round_id WHERE a.removed_at IS NULL AND (CAST(@homeId AS INTEGER) IS NULL OR r.home_id = @homeId) ORDER BY a.id`, home))
    .map((a) => ({ roundId: a.round_id, residentId: a.resident_id }));
  const reviews = (await db.all<{
    resident_id: number; rule: string; status: OutcomeData['reviews'][number]['status']; due_date: string | null; done_on: string | null;
  }>(`SELECT resident_id, rule, status, due_date, done_on FROM medication_review WHERE ${inScope} ORDER BY id`, home)).map((r) => ({ residentId: r.resident_id, rule: r.rule, status: r.status, dueDate: r.due_date, doneOn: r.done_on }));
  const carePlans = (await db.all<{
    id: number; resident_id: number; element: OutcomeData['carePlans'][number]['element']; value: string; recorded_on: string; review_due: string | null; superseded_by: number | null;
  }>(`SELECT id, resident_id, element, value, recorded_on, review_due, superseded_by FROM advance_care_plan
      WHERE element IN ('respect', 'dnacpr', 'preferred-place-of-death') AND ${inScope} ORDER BY id`, home)).map((p) => ({ id: p.id, residentId: p.resident_id, element: p.element, value: p.value, recordedOn: p.recorded_on, reviewDue: p.review_due, supersededBy: p.superseded_by }));
  const flags = (await db.all<{
    id: number; home_id: number; resident_id: number | null; raised_on: string;
  }>(`SELECT id, home_id, resident_id, raised_on FROM flag
      WHERE dismissed_at IS NULL AND (CAST(@homeId AS INTEGER) IS NULL OR home_id = @homeId) ORDER BY id`, home)).map((f) => ({ id: f.id, homeId: f.home_id, residentId: f.resident_id, raisedOn: f.raised_on }));
  const events = (await db.all<{
    resident_id: number; type: OutcomeData['events'][number]['type']; date: string; details: string | null;
  }>(`SELECT resident_id, type, date, details FROM clinical_event
      WHERE type IN ('admission', 'a-and-e', 'death') AND ${inScope} ORDER BY id`, home)).map((e) => ({ residentId: e.resident_id, type: e.type, date: e.date, details: e.details }));
  return { homes, residents, rounds, agendaItems, reviews, carePlans, flags, events };
}
