/**
 * Shared outcome figures on a small practice whose every number is worked out by hand in the comments,
 * read through the real store and the IPC handlers. The period is October 2026.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/handlers';
import { testNhsNumber } from '../../main/services/demoData';
import type { Figure, OutcomeReport } from '../../shared/domain/reports';
import { openRaw } from '../helpers/rawDb';
import { openTempStore, sampleHome, sampleResident, type TempStore } from '../helpers/tempStore';

let t: TempStore;
let report: OutcomeReport;
const ids: Record<string, number> = {};
const period = { from: '2026-10-01', to: '2026-10-31' };

async function ok<T>(channel: string, input: unknown): Promise<T> {
  const result = await dispatch(t.ctx, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message} ${JSON.stringify(result.error.details)}`);
  return result.value as T;
}

function figure(r: { figures: Figure[] }, key: Figure['key']): Figure {
  const found = r.figures.find((f) => f.key === key);
  if (!found) throw new Error(`no figure ${key}`);
  return found;
}

beforeAll(async () => {
  t = await openTempStore('2026-11-23');
  const home = await ok<{ id: number }>('homes:create', { home: sampleHome });
  const oak = await ok<{ id: number }>('homes:create', { home: { ...sampleHome, name: 'Oak House', cqcLocationId: '1-555000222' } });
  const add = async (key: string, n: number, overrides: Record<string, unknown>, homeId = home.id) => {
    const r = await ok<{ id: number }>('residents:create', { resident: sampleResident(homeId, { nhsNumber: testNhsNumber(n * 10), givenName: key, ...overrides }) });
    ids[key] = r.id;
  };
  await add('A', 1, { admissionDate: '2025-06-01' });
  await add('B', 2, { admissionDate: '2026-10-20' }); // moves in during October
  await add('C', 3, { admissionDate: '2024-01-01', status: 'died', statusDate: '2026-10-15' });
  await add('D', 4, { admissionDate: '2024-01-01', status: 'died', statusDate: '2026-10-20' });
  await add('F', 5, { admissionDate: '2024-01-01', status: 'left', statusDate: '2026-09-15' }); // gone before October
  await add('G', 6, { admissionDate: '2024-01-01' });
  await add('E', 7, { admissionDate: '2024-01-01' }, oak.id);

  const records = (id: number, r: Parameters<typeof t.store.records.add>[2]) => t.store.records.add(t.ctx.actor, id, r, 'test');
  await records(ids.A!, {
    carePlans: [
      { element: 'respect', value: 'for-cpr', recordedOn: '2025-01-01', reviewDue: null },
      { element: 'respect', value: 'not-for-cpr', recordedOn: '2026-01-10', reviewDue: '2027-01-10' },
      { element: 'preferred-place-of-death', value: 'Care home', recordedOn: '2026-01-10', reviewDue: null },
    ],
    events: [
      { type: 'admission', date: '2025-06-01', details: 'Moved into the home' },
      { type: 'a-and-e', date: '2026-10-04', details: 'A&E after a fall' },
      { type: 'admission', date: '2026-10-05', details: 'Admitted to Anytown General Hospital' },
    ],
    reviews: [{ rule: 'smr-annual', doneOn: '2026-10-12', doneBy: 'Dr Test', outcome: 'Stopped one medicine' }],
  });
  await records(ids.B!, { events: [{ type: 'admission', date: '2026-10-20', details: 'Moved into the home' }] });
  await records(ids.C!, {
    carePlans: [
      { element: 'respect', value: 'not-for-cpr', recordedOn: '2025-05-01', reviewDue: null },
      { element: 'preferred-place-of-death', value: 'Hospice', recordedOn: '2025-05-01', reviewDue: null },
    ],
    events: [{ type: 'death', date: '2026-10-15', details: 'Died peacefully at the care home' }],
  });
  await records(ids.D!, {
    carePlans: [{ element: 'preferred-place-of-death', value: 'Care home', recordedOn: '2025-01-01', reviewDue: null }],
    events: [{ type: 'death', date: '2026-10-20', details: 'Died in the home with family present' }],
  });
  await records(ids.G!, { carePlans: [{ element: 'respect', value: 'for-cpr', recordedOn: '2026-11-10', reviewDue: null }] }); // after October
  await records(ids.E!, { events: [{ type: 'a-and-e', date: '2026-10-09', details: 'A&E' }] });

  const flag = (residentId: number | null, raisedOn: string, text: string) => t.store.flags.add(t.ctx.actor, {
    homeId: home.id, residentId, rawIdentity: { name: text }, raisedOn, raisedBy: 'Carer', category: 'fall', severity: 'high', text,
  }, 'test');
  await flag(ids.A!, '2026-10-02', 'fall one'); // reviewed on the round of 06/10: 4 days
  await flag(ids.C!, '2026-10-10', 'fall two'); // C is on no later held round: not reviewed
  await flag(ids.A!, '2026-10-08', 'fall three'); // reviewed on the round of 13/10: 5 days
  await flag(null, '2026-10-09', 'unmatched'); // raised, but nobody's yet
  await flag(ids.A!, '2026-09-20', 'september'); // before the period

  // Rounds, agenda items, supersession and open reviews have no store writes yet (issues 5 and 7): plain SQL on the same database.
  const db = await openRaw(t.file);
  const now = new Date().toISOString();
  const round = async (homeId: number, date: string, status: string, residents: number[]) => {
    const id = await db.insert(`INSERT INTO round (home_id, date, start_time, capacity_minutes, status, created_at, updated_at)
        VALUES (?, ?, '10:00', 120, ?, ?, ?)`, [homeId, date, status, now, now]);
    for (const [i, r] of residents.entries()) await db.insert('INSERT INTO agenda_item (round_id, resident_id, position, minutes) VALUES (?, ?, ?, 10)', [id, r, i + 1]);
  };
  await round(home.id, '2026-09-29', 'held', [ids.D!]); // before the period
  await round(home.id, '2026-10-06', 'held', [ids.A!, ids.C!]);
  await round(home.id, '2026-10-13', 'closed', [ids.A!]);
  await round(home.id, '2026-10-27', 'planning', [ids.B!]); // not held
  const review = (residentId: number, rule: string, status: string, dueDate: string) => db.insert(`INSERT INTO medication_review
      (resident_id, rule, due_date, status, created_at) VALUES (?, ?, ?, ?, ?)`, [residentId, rule, dueDate, status, now]);
  await review(ids.A!, 'antipsychotic-dementia', 'due', '2026-09-01'); // overdue
  await review(ids.B!, 'smr-annual', 'scheduled', '2026-11-15'); // due after the period
  await review(ids.C!, 'smr-annual', 'due', '2026-08-01'); // C died: not overdue for anyone
  const [older, newer] = await db.all<{ id: number }>("SELECT id FROM advance_care_plan WHERE resident_id = ? AND element = 'respect' ORDER BY recorded_on", [ids.A!]);
  await db.run('UPDATE advance_care_plan SET superseded_by = ? WHERE id = ?', [newer!.id, older!.id]);
  await db.close();

  report = await ok<OutcomeReport>('reports:outcomes', { homeId: home.id, ...period });
});

afterAll(() => t?.cleanup());

describe('shared outcome figures for one home', () => {
  it('counts residents, rounds and reviews as the how-counted text says', () => {
    expect(report.scope.name).toBe('Test Lodge');
    expect(figure(report.scope, 'residents').value).toBe(5); // A, B, C, D, G (F left before October)
    expect(figure(report.scope, 'rounds-held').value).toBe(2); // 06/10 held and 13/10 closed; 27/10 still planning
    expect(figure(report.scope, 'residents-reviewed').value).toBe(2); // A (twice, counted once) and C
    expect(figure(report.scope, 'reviews-done')).toMatchObject({ value: 1, breakdown: [{ label: 'Structured medication review', value: 1 }] });
    // By the review rules on 31/10: B moved in on 20/10 with no SMR and no care plan by 29/10 (7 working days);
    // G has had no SMR since moving in; A's SMR of 12/10 counts; C died. Stored 'due' rows are not what counts.
    expect(figure(report.scope, 'reviews-overdue')).toMatchObject({ value: 3, breakdown: [{ label: 'Structured medication review', value: 2 }, { label: 'New admission: assessment and care plan', value: 1 }] });
    for (const f of report.scope.figures) expect(f.howCounted.length, f.key).toBeGreaterThan(20);
  });

  it('reads ReSPECT and preferred place of death as they stood on the last day', () => {
    // Living there on 31/10: A (ReSPECT and place), B (neither), G (ReSPECT only from November).
    expect(figure(report.scope, 'respect-coverage')).toMatchObject({ value: 33, display: '33% (1 of 3)' });
    expect(figure(report.scope, 'ppd-recorded')).toMatchObject({ value: 33, display: '33% (1 of 3)' });
  });

  it('counts flags and the median days from flag to review', () => {
    expect(figure(report.scope, 'flags-raised').value).toBe(4);
    expect(figure(report.scope, 'median-flag-to-review')).toMatchObject({ value: 4.5, display: '4.5 days (2 of 4 flags reviewed)' });
  });

  it('gives admissions and A&E per 100 residents, leaving out the move into the home', () => {
    expect(figure(report.scope, 'hospital-admissions-per-100')).toMatchObject({ value: 20, display: '20 (1 admission)' });
    expect(figure(report.scope, 'ae-attendances-per-100')).toMatchObject({ value: 20, display: '20 (1 attendance)' });
  });

  it('counts deaths and the share in the preferred place', () => {
    expect(figure(report.scope, 'deaths').value).toBe(2);
    // D wanted the care home and died there; C wanted a hospice and died in the care home.
    expect(figure(report.scope, 'deaths-in-preferred-place')).toMatchObject({ value: 50, display: '50% (1 of 2)' });
  });

  it('draws the October trends', () => {
    expect(report.charts.admissionsByMonth).toEqual([{ month: '2026-10', label: 'Oct 2026', admissions: 1, aAndE: 1 }]);
    // The chart counts as due the reviews still overdue at the end (two fell due in October), agreeing with the overdue figure.
    expect(report.charts.reviewsByMonth).toEqual([{ month: '2026-10', label: 'Oct 2026', done: 1, due: 2 }]);
    expect(report.charts.acpCoverageByMonth).toEqual([{ month: '2026-10', label: 'Oct 2026', residents: 3, withRespect: 1, percent: 33 }]);
  });
});

describe('the practice report', () => {
  it('adds every home and a section per home', async () => {
    const practice = await ok<OutcomeReport>('reports:outcomes', period);
    expect(practice.homes.map((h) => h.name)).toEqual(['Oak House', 'Test Lodge']);
    expect(figure(practice.scope, 'residents').value).toBe(6);
    expect(figure(practice.scope, 'ae-attendances-per-100').display).toBe('33.3 (2 attendances)');
    expect(figure(practice.homes[0]!, 'ae-attendances-per-100').display).toBe('100 (1 attendance)');
  });

  it('exports the figures as CSV with how each was counted', async () => {
    const { fileName, csv } = await ok<{ fileName: string; csv: string }>('reports:csv', period);
    expect(fileName).toBe('roundtable-outcomes-practice-2026-10-01-to-2026-10-31.csv');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Scope,From,To,Figure,Value,As shown,How counted');
    expect(lines).toHaveLength(1 + 13 * 3);
    expect(lines.find((l) => l.startsWith('Test Lodge,2026-10-01,2026-10-31,ReSPECT coverage'))).toContain(',33,33% (1 of 3),');
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const result = await dispatch(t.ctx, 'reports:outcomes', { from: '2026-10-31', to: '2026-10-01' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.details?.[0]).toMatchObject({ field: 'to', message: 'The end date must be the same as or after the start date' });
  });
});
