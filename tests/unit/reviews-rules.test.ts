/**
 * The medication rules (docs/clinical-rules.md), table-driven at their boundaries: the day before, on and
 * after; leap years; bank holidays; a medicine stopped and restarted; deferrals; residents who left.
 */
import { describe, expect, it } from 'vitest';
import type { DueItem } from '../../shared/domain/due';
import { DEFAULT_REVIEW_SETTINGS } from '../../shared/rules/reviewSettings';
import { medicationDueItems } from '../../shared/rules/reviews';
import { deferred, done, med, snapshot } from '../helpers/snapshot';

const S = DEFAULT_REVIEW_SETTINGS;
const only = (items: DueItem[], rule: string) => items.filter((i) => i.rule === rule);
const statusOf = (items: DueItem[], rule: string) => only(items, rule)[0]?.status ?? null;

describe('smr-annual', () => {
  const last = snapshot({ reviews: [done('smr', '2025-11-23')] });
  it.each([
    ['2026-10-22', null],
    ['2026-10-23', 'due-soon'],
    ['2026-11-22', 'due-soon'],
    ['2026-11-23', 'due'],
    ['2026-11-24', 'overdue'],
  ])('last review 23/11/2025, on %s: %s', (today, status) => {
    expect(statusOf(medicationDueItems(last, today, S), 'smr-annual')).toBe(status);
  });

  it.each([
    ['2025-02-27', 'due-soon'],
    ['2025-02-28', 'due'],
    ['2025-03-01', 'overdue'],
  ])('a review on 29/02/2024 falls due on 28/02/2025 (on %s: %s)', (today, status) => {
    const items = medicationDueItems(snapshot({ reviews: [done('smr-annual', '2024-02-29')] }), today, S);
    expect(only(items, 'smr-annual')[0]).toMatchObject({ due: '2025-02-28', status });
  });

  it('explains itself with the dates, and takes the SMR minutes', () => {
    const [item] = medicationDueItems(last, '2026-11-30', S);
    expect(item).toEqual({
      residentId: 1, rule: 'smr-annual', due: '2026-11-23', status: 'overdue', minutes: 30,
      explanation: 'Structured medication review every 12 months; last review 23/11/2025, due 23/11/2026 — overdue by 7 days',
    });
  });

  it('with no review recorded, is due from the day the resident moved in', () => {
    const [item] = medicationDueItems(snapshot({ reviews: [], resident: { admissionDate: '2026-11-01' } }), '2026-11-23', S);
    expect(item?.explanation).toBe('Structured medication review every 12 months; no structured medication review recorded since moving in on 01/11/2026, due 01/11/2026 — overdue by 22 days');
  });
});

describe('polypharmacy', () => {
  const meds = (n: number) => Array.from({ length: n }, (_, i) => med(['Paracetamol 500mg tablets', 'Senna 7.5mg tablets', 'Amlodipine 5mg tablets', 'Ramipril 2.5mg capsules',
    'Atorvastatin 20mg tablets', 'Levothyroxine 50microgram tablets', 'Metformin 500mg tablets', 'Donepezil 10mg tablets', 'Memantine 10mg tablets',
    'Doublebase emollient gel', 'Adcal-D3 chewable tablets'][i] ?? 'Paracetamol 500mg tablets', '2025-01-01'));
  it.each([
    [10, '2026-11-08', null],
    [10, '2026-11-09', 'due-soon'],
    [10, '2026-11-23', 'due'],
    [10, '2026-11-24', 'overdue'],
    [9, '2026-11-24', null],
  ])('%i medicines, last SMR 23/05/2026, on %s: %s', (n, today, status) => {
    const items = medicationDueItems(snapshot({ medications: meds(n), reviews: [done('smr', '2026-05-23')] }), today, S);
    expect(statusOf(items, 'polypharmacy')).toBe(status);
    expect(only(items, 'smr-annual')).toEqual([]);
  });

  it('names the count in its explanation', () => {
    const [item] = only(medicationDueItems(snapshot({ medications: meds(11), reviews: [done('smr', '2026-05-23')] }), '2026-11-23', S), 'polypharmacy');
    expect(item?.explanation).toBe('11 current medicines (10 or more): structured medication review brought forward to every 6 months; last review 23/05/2026, due 23/11/2026 — due today');
  });
});

describe('antipsychotic-dementia', () => {
  const base = { resident: { dementia: true }, medications: [med('Risperidone 500microgram tablets', '2026-09-02')], reviews: [done('smr', '2026-06-01'), done('antipsychotic-dementia', '2026-10-01')] };

  it('words the example of the issue exactly', () => {
    const items = only(medicationDueItems(snapshot(base), '2026-11-23', S), 'antipsychotic-dementia');
    expect(items).toEqual([{
      residentId: 1, rule: 'antipsychotic-dementia', due: '2026-11-12', status: 'overdue', minutes: 10,
      explanation: 'Risperidone since 02/09/2026 with dementia: antipsychotic review every 6 weeks; last review 01/10/2026, due 12/11/2026 — overdue by 11 days',
    }]);
  });

  it.each([
    ['2026-10-28', null], ['2026-10-29', 'due-soon'], ['2026-11-11', 'due-soon'], ['2026-11-12', 'due'], ['2026-11-13', 'overdue'],
  ])('on %s: %s', (today, status) => {
    expect(statusOf(medicationDueItems(snapshot(base), today, S), 'antipsychotic-dementia')).toBe(status);
  });

  it('needs dementia, from the register or a coded condition', () => {
    expect(only(medicationDueItems(snapshot({ ...base, resident: { dementia: false } }), '2026-11-23', S), 'antipsychotic-dementia')).toEqual([]);
    const coded = snapshot({ ...base, resident: { dementia: false }, conditions: [{ id: 1, name: 'Alzheimer’s disease', code: '26929004', onset: null }] });
    expect(statusOf(medicationDueItems(coded, '2026-11-23', S), 'antipsychotic-dementia')).toBe('overdue');
  });

  it('does not count a review from before the antipsychotic was started', () => {
    const s = snapshot({ ...base, reviews: [done('smr', '2026-06-01'), done('antipsychotic-dementia', '2026-08-01')] });
    expect(only(medicationDueItems(s, '2026-11-23', S), 'antipsychotic-dementia')[0]?.due).toBe('2026-10-14');
  });

  it('counts from the restart when a medicine was stopped and started again', () => {
    const s = snapshot({ resident: { dementia: true }, medications: [
      med('Quetiapine 25mg tablets', '2026-01-05', { status: 'stopped', stoppedOn: '2026-03-01' }),
      med('Quetiapine 25mg tablets', '2026-11-01'),
    ] });
    expect(only(medicationDueItems(s, '2026-11-23', S), 'antipsychotic-dementia')).toEqual([]);
    expect(only(medicationDueItems(s, '2026-11-29', S), 'antipsychotic-dementia')[0]).toMatchObject({ due: '2026-12-13', status: 'due-soon' });
  });

  it('follows the interval in the settings', () => {
    const s = { ...S, antipsychoticIntervalWeeks: 12 };
    expect(only(medicationDueItems(snapshot(base), '2026-12-20', s), 'antipsychotic-dementia')[0]?.due).toBe('2026-12-24');
  });
});

describe('acb-high', () => {
  const acb = (names: string[], reviews = [done('smr', '2026-06-01')]) =>
    only(medicationDueItems(snapshot({ medications: names.map((n) => med(n, '2026-07-01')), reviews }), '2026-11-23', S), 'acb-high');
  it('is raised at a total of 3 and explains the contributors', () => {
    expect(acb(['Amitriptyline 10mg tablets'])[0]).toEqual({
      residentId: 1, rule: 'acb-high', due: '2026-07-01', status: 'due', minutes: 10,
      explanation: 'Anticholinergic burden 3 (Amitriptyline 3) is 3 or more since 01/07/2026: a deprescribing review at the next round',
    });
  });
  it.each([
    [['Furosemide 40mg tablets', 'Warfarin 1mg tablets'], 0],
    [['Furosemide 40mg tablets', 'Warfarin 1mg tablets', 'Digoxin 62.5microgram tablets'], 1],
    [['Amitriptyline 10mg tablets', 'Amitriptyline 25mg tablets'], 1],
    [['Hydrocortisone 1% cream', 'Cetirizine 10mg tablets', 'Loratadine 10mg tablets'], 0],
    [['Unknownium 10mg tablets', 'Cetirizine 10mg tablets'], 0],
  ])('%j: %i item(s)', (names, n) => {
    expect(acb(names)).toHaveLength(n);
  });
  it('is cleared by a review after the burden reached 3, not by one before', () => {
    expect(acb(['Oxybutynin 5mg tablets'], [done('acb-high', '2026-07-02')])).toEqual([]);
    expect(acb(['Oxybutynin 5mg tablets'], [done('smr', '2026-06-30')])).toHaveLength(1);
  });
});

describe('fall-frid', () => {
  const fallFlag = { id: 9, raisedOn: '2026-11-20', raisedBy: 'Nurse', category: 'fall' as const, severity: 'high' as const, status: 'open' as const, text: 'Fell', scores: {} };
  it('a fall while on a falls-risk medicine or anticoagulant', () => {
    const items = medicationDueItems(snapshot({ flags: [fallFlag], medications: [med('Zopiclone 3.75mg tablets', '2026-11-15'), med('Apixaban 2.5mg tablets', '2025-01-01')] }), '2026-11-23', S);
    expect(only(items, 'fall-frid')[0]).toMatchObject({ due: '2026-11-20', status: 'due',
      explanation: 'Fall on 20/11/2026 while taking 2 falls-risk medicines (Zopiclone: benzodiazepines and Z-drugs; Apixaban: anticoagulant): falls medication review at the next round' });
  });
  it('not without such a medicine, nor for a closed flag', () => {
    expect(only(medicationDueItems(snapshot({ flags: [fallFlag], medications: [med('Paracetamol 500mg tablets', '2025-01-01')] }), '2026-11-23', S), 'fall-frid')).toEqual([]);
    expect(only(medicationDueItems(snapshot({ flags: [{ ...fallFlag, status: 'closed' }], medications: [med('Apixaban 2.5mg tablets', '2025-01-01')] }), '2026-11-23', S), 'fall-frid')).toEqual([]);
  });
  it.each([['2026-09-28', 1], ['2026-09-27', 0]])('a fall recorded as an event on %s (56-day look-back): %i', (date, n) => {
    const s = snapshot({ events: [{ id: 1, type: 'fall', date, details: null, source: 'test' }], medications: [med('Furosemide 40mg tablets', '2025-01-01')] });
    expect(only(medicationDueItems(s, '2026-11-23', S), 'fall-frid')).toHaveLength(n);
  });
});

describe('stopp-duration', () => {
  const stopp = (name: string, start: string, today: string, reviews = [] as ReturnType<typeof done>[]) =>
    only(medicationDueItems(snapshot({ medications: [med(name, start)], reviews }), today, S), 'stopp-duration')[0] ?? null;
  it.each([
    ['Zopiclone 7.5mg tablets', '2026-10-26', null],
    ['Zopiclone 7.5mg tablets', '2026-10-25', 'due'],
    ['Lorazepam 1mg tablets', '2026-10-24', 'overdue'],
    ['Omeprazole 20mg capsules', '2026-09-28', null],
    ['Omeprazole 20mg capsules', '2026-09-27', 'due'],
    ['Omeprazole 10mg capsules', '2025-01-01', null],
    ['Lansoprazole 15mg capsules', '2025-01-01', null],
    ['Lansoprazole 30mg capsules', '2025-01-01', 'overdue'],
  ])('%s since %s, with the SMR overdue, on 23/11/2026: %s', (name, start, status) => {
    expect(stopp(name, start, '2026-11-23')?.status ?? null).toBe(status);
  });
  it('waits for the next SMR when that is later, and names the medicine', () => {
    const reviews = [done('smr', '2026-01-10')];
    expect(stopp('Zopiclone 7.5mg tablets', '2026-06-01', '2026-12-09', reviews)).toBeNull();
    expect(stopp('Zopiclone 7.5mg tablets', '2026-06-01', '2026-12-10', reviews)).toEqual({
      residentId: 1, rule: 'stopp-duration', due: '2027-01-10', status: 'due-soon', minutes: 10,
      explanation: 'STOPP: Zopiclone (benzodiazepine or Z-drug) since 01/06/2026, more than 4 weeks: review at the next structured medication review, due 10/01/2027 — due in 31 days',
    });
  });
  it('counts from the restart after a medicine was stopped', () => {
    const s = snapshot({ reviews: [], medications: [med('Zopiclone 7.5mg tablets', '2026-01-01', { status: 'stopped', stoppedOn: '2026-05-01' }), med('Zopiclone 7.5mg tablets', '2026-11-10')] });
    expect(only(medicationDueItems(s, '2026-11-23', S), 'stopp-duration')).toEqual([]);
  });
});

describe('monitoring', () => {
  const mon = (name: string, start: string, reviews: ReturnType<typeof done>[], today: string, resident = {}) =>
    medicationDueItems(snapshot({ resident, medications: [med(name, start)], reviews: [done('smr', '2026-06-01'), ...reviews] }), today, S)
      .filter((i) => i.rule.startsWith('monitoring-'));
  it.each([
    ['2026-11-08', null], ['2026-11-09', 'due-soon'], ['2026-11-23', 'due'], ['2026-11-24', 'overdue'],
  ])('lithium level 3-monthly after a check on 23/08/2026, on %s: %s', (today, status) => {
    const [item] = mon('Lithium carbonate 400mg modified-release tablets', '2026-01-10', [done('monitoring-lithium', '2026-08-23')], today);
    expect(item?.status ?? null).toBe(status);
  });
  it('lithium explanation and minutes', () => {
    expect(mon('Priadel 400mg tablets', '2026-01-10', [done('monitoring-lithium', '2026-08-23')], '2026-11-23')[0]).toEqual({
      residentId: 1, rule: 'monitoring-lithium', due: '2026-11-23', status: 'due', minutes: 5,
      explanation: 'Lithium carbonate since 10/01/2026: lithium level every 3 months (kidney and thyroid function every 6 months); last check 23/08/2026, due 23/11/2026 — due today',
    });
  });
  it('methotrexate monthly for the first 6 months, then 3-monthly', () => {
    expect(mon('Methotrexate 2.5mg tablets', '2026-09-01', [], '2026-11-23')[0]?.due).toBe('2026-10-01');
    expect(mon('Methotrexate 2.5mg tablets', '2026-09-01', [done('monitoring-methotrexate', '2026-10-20')], '2026-11-23')[0]?.due).toBe('2026-11-20');
    expect(mon('Methotrexate 2.5mg tablets', '2026-01-05', [done('monitoring-methotrexate', '2026-08-20')], '2026-11-23')[0]?.due).toBe('2026-11-20');
  });
  it.each([
    [{ dateOfBirth: '1940-01-01', frailty: 3 }, '2026-11-20'],
    [{ dateOfBirth: '1960-01-01', frailty: 4 }, null],
    [{ dateOfBirth: '1960-01-01', frailty: 5 }, '2026-11-20'],
    [{ dateOfBirth: '1951-11-23', frailty: 3 }, '2026-11-20'],
    [{ dateOfBirth: '1951-11-24', frailty: 3 }, null],
  ])('DOAC kidney function: %j -> due %s', (resident, due) => {
    expect(mon('Apixaban 5mg tablets', '2024-01-01', [done('monitoring-doac', '2026-05-20')], '2026-11-23', resident)[0]?.due ?? null).toBe(due);
  });
  it('warfarin INR at least every 12 weeks; amiodarone every 6 months', () => {
    expect(mon('Warfarin 1mg tablets', '2024-01-01', [done('monitoring-warfarin', '2026-09-01')], '2026-11-23')[0]).toMatchObject({ due: '2026-11-24', status: 'due-soon' });
    expect(mon('Amiodarone 200mg tablets', '2024-01-01', [done('monitoring-amiodarone', '2026-05-23')], '2026-11-23')[0]).toMatchObject({ due: '2026-11-23', status: 'due' });
  });
});

describe('post-discharge', () => {
  const discharged = (reviews = [done('smr', '2026-06-01')]) => snapshot({ events: [{ id: 1, type: 'discharge', date: '2026-11-16', details: null, source: 't' }], reviews });
  it.each([['2026-11-15', null], ['2026-11-16', 'due-soon'], ['2026-11-22', 'due-soon'], ['2026-11-23', 'due'], ['2026-11-24', 'overdue']])('H3: discharged 16/11/2026, on %s: %s', (today, status) => {
    expect(statusOf(medicationDueItems(discharged(), today, S), 'post-discharge')).toBe(status);
  });
  it('takes 20 minutes and is cleared by a reconciliation after the discharge', () => {
    expect(only(medicationDueItems(discharged(), '2026-11-23', S), 'post-discharge')[0]).toMatchObject({ minutes: 20,
      explanation: 'Discharged from hospital on 16/11/2026: a round slot and medicines reconciliation within 7 days, due 23/11/2026 — due today' });
    expect(only(medicationDueItems(discharged([done('smr', '2026-06-01'), done('post-discharge', '2026-11-18')]), '2026-11-23', S), 'post-discharge')).toEqual([]);
  });
});

describe('new-admission-pcsp (working days)', () => {
  const admitted = (date: string) => snapshot({ resident: { admissionDate: date }, reviews: [done('smr', date)] });
  it.each([
    // Monday 16/11/2026: working day 5 is Monday 23/11, day 7 Wednesday 25/11.
    ['2026-11-16', '2026-11-20', null, '2026-11-25'],
    ['2026-11-16', '2026-11-23', 'due-soon', '2026-11-25'],
    ['2026-11-16', '2026-11-25', 'due', '2026-11-25'],
    ['2026-11-16', '2026-11-26', 'overdue', '2026-11-25'],
    // Monday 21/12/2026: Christmas Day, the Boxing Day substitute (28/12) and New Year's Day are not working days.
    ['2026-12-21', '2026-12-29', null, '2027-01-04'],
    ['2026-12-21', '2026-12-30', 'due-soon', '2027-01-04'],
    ['2026-12-21', '2027-01-04', 'due', '2027-01-04'],
    ['2026-12-21', '2027-01-05', 'overdue', '2027-01-04'],
    // Wednesday 24/03/2027: Good Friday 26/03 and Easter Monday 29/03 2027.
    ['2027-03-24', '2027-04-06', 'due', '2027-04-06'],
    // Friday 26/05/2028 before the spring bank holiday (29/05).
    ['2028-05-26', '2028-06-07', 'due', '2028-06-07'],
  ])('admitted %s, on %s: %s (due %s)', (date, today, status, due) => {
    const item = only(medicationDueItems(admitted(date), today, S), 'new-admission-pcsp')[0];
    expect(item?.status ?? null).toBe(status);
    if (item) expect(item.due).toBe(due);
  });
  it('a return from hospital does not start a new-admission clock: it is post-discharge', () => {
    const s = snapshot({ events: [{ id: 1, type: 'discharge', date: '2026-11-16', details: null, source: 't' }] });
    expect(only(medicationDueItems(s, '2026-11-25', S), 'new-admission-pcsp')).toEqual([]);
    expect(only(medicationDueItems(s, '2026-11-20', S), 'post-discharge')).toHaveLength(1);
  });
  it('a hospital stay two days after moving in leaves the item due on the original date, naming the move-in and the stay', () => {
    const s = snapshot({ resident: { admissionDate: '2026-11-02' }, reviews: [done('smr', '2026-11-02')], events: [
      { id: 1, type: 'admission', date: '2026-11-04', details: 'Chest infection', source: 't' },
      { id: 2, type: 'discharge', date: '2026-11-09', details: null, source: 't' }] });
    const [item] = only(medicationDueItems(s, '2026-11-16', S), 'new-admission-pcsp');
    expect(item).toMatchObject({ due: '2026-11-11', status: 'overdue' });
    expect(item?.explanation).toMatch(/^Moved into Test Lodge on 02\/11\/2026: .*due 11\/11\/2026 — overdue by 5 days\. The time in hospital 04\/11\/2026 to 09\/11\/2026 does not restart this/);
    expect(item?.explanation).not.toMatch(/went into hospital on 02\/11/);
    expect(only(medicationDueItems(s, '2026-11-16', S), 'post-discharge')).toHaveLength(1);
  });
  it('is done by a care and support plan recorded on or after the move-in', () => {
    const s = { ...snapshot({ resident: { admissionDate: '2026-11-02' }, reviews: [done('smr', '2026-11-02')] }),
      supportPlans: [{ id: 1, kind: 'created' as const, date: '2026-11-06', by: 'Nurse Lee', nextReview: null }] };
    expect(only(medicationDueItems(s, '2026-11-16', S), 'new-admission-pcsp')).toEqual([]);
  });
});

describe('who is scheduled', () => {
  const busy = { resident: { dementia: true }, medications: [med('Quetiapine 25mg tablets', '2025-01-01')], reviews: [] };
  it.each(['left', 'died'] as const)('H7: a resident who has %s is never scheduled', (status) => {
    expect(medicationDueItems(snapshot({ ...busy, resident: { dementia: true, status, statusDate: '2026-11-01' } }), '2026-11-23', S)).toEqual([]);
  });
  it('a deferral is respected until its date, then the review is back', () => {
    const s = snapshot({ ...busy, reviews: [deferred('smr-annual', '2026-12-01')] });
    expect(only(medicationDueItems(s, '2026-11-30', S), 'smr-annual')).toEqual([]);
    expect(only(medicationDueItems(s, '2026-12-01', S), 'smr-annual')).toHaveLength(1);
    expect(only(medicationDueItems(s, '2026-11-30', S), 'antipsychotic-dementia')).toHaveLength(1);
  });
  it('H3: lists overdue first, then by due date, in the DueItem shape', () => {
    const items = medicationDueItems(snapshot({ ...busy, medications: [...busy.medications, med('Amitriptyline 10mg tablets', '2026-11-01')] }), '2026-11-23', S);
    expect(items.map((i) => i.status)).toEqual([...items.map((i) => i.status)].sort((a, b) => ['overdue', 'due', 'due-soon'].indexOf(a) - ['overdue', 'due', 'due-soon'].indexOf(b)));
    for (const i of items) expect(Object.keys(i).sort()).toEqual(['due', 'explanation', 'minutes', 'residentId', 'rule', 'status']);
  });
});
