import { describe, expect, it } from 'vitest';
import type { Representative, Resident } from '../../shared/domain/register';
import type { ResidentSnapshot, SnapshotCarePlanEntry, SnapshotEvent, SnapshotFlag } from '../../shared/domain/snapshot';
import {
  acpMissing, acpReview, CARE_PLAN_DEFAULTS, carePlanDueItems, carePlanSettings, currentEntries, dueStatus, endOfLife, ppdMissing,
} from '../../shared/rules/carePlan';

const TODAY = '2026-11-23';
let nextId = 1;

function resident(overrides: Partial<Resident> = {}): Resident {
  return {
    id: 7, nhsNumber: '9434765919', familyName: 'Example', givenName: 'Mary', preferredName: null, dateOfBirth: '1938-04-02', sex: 'female',
    homeId: 1, homeName: 'Willow Court', room: '12', admissionDate: '2025-01-10', status: 'active', statusDate: null, frailty: 6,
    dementia: false, communicationNeeds: null, capacityNotes: null, whatMatters: null, createdAt: '2025-01-10T00:00:00Z',
    updatedAt: '2025-01-10T00:00:00Z', ...overrides,
  };
}

const daughter: Representative = {
  id: 3, residentId: 7, name: 'Susan Example', relationship: 'Daughter', phone: null, email: null, holdsLpaHealthWelfare: false,
  lpaRegisteredOn: null, preferredContact: 'phone', notes: null,
};

function entry(element: SnapshotCarePlanEntry['element'], value: string, recordedOn: string, extra: Partial<SnapshotCarePlanEntry> = {}): SnapshotCarePlanEntry {
  return { id: nextId++, element, value, details: {}, recordedOn, reviewDue: null, participants: {}, source: 'test', supersededBy: null, ...extra };
}

function flag(severity: SnapshotFlag['severity'], raisedOn: string): SnapshotFlag {
  return { id: nextId++, raisedOn, raisedBy: 'Senior carer', category: 'fall', severity, status: 'open', text: 'Fell in the lounge', scores: {} };
}

function event(type: SnapshotEvent['type'], date: string): SnapshotEvent {
  return { id: nextId++, type, date, details: null, source: 'test' };
}

function snap(parts: Partial<ResidentSnapshot> = {}): ResidentSnapshot {
  return {
    resident: resident(), representatives: [], medications: [], conditions: [], events: [], carePlans: [], reviews: [], flags: [],
    openActions: [], lastSeenOnRound: null, ...parts,
  };
}

describe('due status', () => {
  it('is nothing beyond the due-soon window, due soon inside it, due from the day, overdue after four weeks', () => {
    expect(dueStatus('2026-12-24', TODAY)).toBeNull(); // 31 days ahead
    expect(dueStatus('2026-12-23', TODAY)).toBe('due-soon'); // 30 days ahead
    expect(dueStatus('2026-11-24', TODAY)).toBe('due-soon');
    expect(dueStatus(TODAY, TODAY)).toBe('due');
    expect(dueStatus('2026-10-26', TODAY)).toBe('due'); // 28 days ago
    expect(dueStatus('2026-10-25', TODAY)).toBe('overdue'); // 29 days ago
  });
});

describe('current entries', () => {
  it('takes the newest entry not superseded, never a superseded one', () => {
    const newer = entry('gsf', 'B', '2026-05-01');
    const older = entry('gsf', 'D', '2026-08-01', { supersededBy: newer.id });
    expect(currentEntries([older, newer]).gsf?.value).toBe('B');
  });
});

describe('acp-missing', () => {
  it('falls due three months after the resident moved in, shown from a month before', () => {
    const s = (admissionDate: string) => snap({ resident: resident({ admissionDate }) });
    expect(acpMissing(s('2026-09-24'), TODAY)).toEqual([]); // due 24/12/2026: 31 days away
    expect(acpMissing(s('2026-09-23'), TODAY)[0]).toMatchObject({ rule: 'acp-missing', due: '2026-12-23', status: 'due-soon', minutes: 15 });
    expect(acpMissing(s('2026-08-23'), TODAY)[0]).toMatchObject({ due: TODAY, status: 'due' });
    expect(acpMissing(s('2025-01-10'), TODAY)[0]).toMatchObject({ due: '2025-04-10', status: 'overdue' });
  });

  it('is answered by any current part of a plan, but not by a superseded one or by a GSF code alone', () => {
    expect(acpMissing(snap({ carePlans: [entry('preferred-place-of-death', 'Care home', '2026-01-01')] }), TODAY)).toEqual([]);
    expect(acpMissing(snap({ carePlans: [entry('gsf', 'B', '2026-01-01')] }), TODAY)).toHaveLength(1);
    expect(acpMissing(snap({ carePlans: [entry('respect', 'for-cpr', '2026-01-01', { supersededBy: 999 })] }), TODAY)).toHaveLength(1);
  });

  it('is worded for a conversation, with the preferred name and the representative', () => {
    const [item] = acpMissing(snap({ resident: resident({ preferredName: 'Molly' }), representatives: [daughter] }), TODAY);
    expect(item?.explanation).toBe('There is no advance care plan for Mary (Molly), who moved in on 10/01/2025. Talk with Molly and her daughter Susan Example '
      + 'about what she would want if she became more unwell, and whether a ReSPECT form would help.');
  });

  it('names the attorney first, and uses the right pronouns', () => {
    const son: Representative = { ...daughter, id: 4, name: 'Peter Example', relationship: 'son', holdsLpaHealthWelfare: true };
    const [item] = acpMissing(snap({ resident: resident({ givenName: 'Albert', sex: 'male' }), representatives: [daughter, son] }), TODAY);
    expect(item?.explanation).toContain('Talk with Albert and his son Peter Example about what he would want if he became');
  });
});

describe('acp-review', () => {
  it('is due when the ReSPECT form reaches its review date (or 12 months), shown from a month before', () => {
    const at = (recordedOn: string, reviewDue: string | null = null) => acpReview(snap({ resident: resident({ admissionDate: '2020-01-01' }),
      carePlans: [entry('respect', 'not-for-cpr', recordedOn, { reviewDue })] }), TODAY);
    expect(at('2025-12-24')).toEqual([]); // 12 months on is 24/12/2026: 31 days away
    expect(at('2025-12-23')[0]).toMatchObject({ rule: 'acp-review', due: '2026-12-23', status: 'due-soon' });
    expect(at('2025-11-23')[0]).toMatchObject({ due: TODAY, status: 'due' });
    expect(at('2026-06-01', '2026-11-01')[0]).toMatchObject({ due: '2026-11-01', status: 'due' });
    expect(at('2025-11-23')[0]?.explanation).toContain('Her ReSPECT form from 23/11/2025 is due for review on 23/11/2026');
  });

  it('is due after an urgent or high flag raised since the plan, not a medium one or one from before', () => {
    const plan = [entry('respect', 'not-for-cpr', '2026-10-01')];
    const base = { resident: resident({ admissionDate: '2020-01-01' }), carePlans: plan };
    expect(acpReview(snap({ ...base, flags: [flag('medium', '2026-11-20')] }), TODAY)).toEqual([]);
    expect(acpReview(snap({ ...base, flags: [flag('urgent', '2026-10-01')] }), TODAY)).toEqual([]); // same day as the plan
    expect(acpReview(snap({ ...base, flags: [flag('high', '2026-10-02')] }), TODAY)[0]).toMatchObject({ due: '2026-10-02', status: 'overdue' });
    const [item] = acpReview(snap({ ...base, flags: [flag('urgent', '2026-11-20')] }), TODAY);
    expect(item).toMatchObject({ due: '2026-11-20', status: 'due' });
    expect(item?.explanation).toContain('The home raised an urgent concern (fall) on 20/11/2026');
  });

  it('is due after a hospital admission or discharge since the plan, or a move into the home', () => {
    const plan = [entry('preferred-place-of-death', 'Care home', '2026-06-01')];
    const base = { resident: resident({ admissionDate: '2020-01-01' }), carePlans: plan };
    expect(acpReview(snap({ ...base, events: [event('fall', '2026-11-01')] }), TODAY)).toEqual([]);
    expect(acpReview(snap({ ...base, events: [event('admission', '2026-05-31')] }), TODAY)).toEqual([]);
    const [item] = acpReview(snap({ ...base, events: [event('admission', '2026-11-10'), event('discharge', '2026-11-16')] }), TODAY);
    expect(item).toMatchObject({ due: '2026-11-10', status: 'due' });
    expect(item?.explanation).toContain('She went into hospital on 10/11/2026 and she came back from hospital on 16/11/2026');
    const moved = acpReview(snap({ resident: resident({ admissionDate: '2026-11-02' }), carePlans: plan }), TODAY);
    expect(moved[0]?.explanation).toContain('She moved to Willow Court on 02/11/2026');
  });

  it('needs a plan: without one it is acp-missing instead', () => {
    expect(acpReview(snap({ flags: [flag('urgent', '2026-11-20')] }), TODAY)).toEqual([]);
  });
});

describe('ppd-missing', () => {
  it('is due when no preferred place of care or death has been recorded for three years', () => {
    const at = (recordedOn: string) => ppdMissing(snap({ carePlans: [entry('preferred-place-of-care', 'Here', recordedOn)] }), TODAY);
    expect(at('2023-12-24')).toEqual([]);
    expect(at('2023-12-23')[0]).toMatchObject({ rule: 'ppd-missing', due: '2026-12-23', status: 'due-soon', minutes: 10 });
    expect(at('2023-11-23')[0]).toMatchObject({ due: TODAY, status: 'due' });
  });

  it('when never recorded, falls due with the first plan conversation after moving in', () => {
    expect(ppdMissing(snap({ resident: resident({ admissionDate: '2026-09-24' }) }), TODAY)).toEqual([]);
    const [item] = ppdMissing(snap({ representatives: [daughter] }), TODAY);
    expect(item).toMatchObject({ due: '2025-04-10', status: 'overdue' });
    expect(item?.explanation).toContain('ask Mary and her daughter Susan Example what she would prefer');
  });

  it('counts only current entries', () => {
    const newer = entry('preferred-place-of-death', 'Hospice', '2026-01-01');
    expect(ppdMissing(snap({ carePlans: [entry('preferred-place-of-death', 'Home', '2020-01-01', { supersededBy: newer.id }), newer] }), TODAY)).toEqual([]);
  });
});

describe('end-of-life', () => {
  const parts = <T extends { rule: string }>(items: T[]) => items.filter((i) => i.rule === 'end-of-life');

  it('follows a surprise question answered "no", with 20 minutes, due this week', () => {
    const items = endOfLife(snap({ carePlans: [entry('surprise-question', 'no', '2026-11-20')], representatives: [daughter] }), TODAY);
    expect(items[0]).toMatchObject({ rule: 'end-of-life', due: '2026-11-20', status: 'due', minutes: 20 });
    expect(items[0]?.explanation).toContain('would not be surprised if Mary died in the coming year');
    expect(items.map((i) => i.explanation).join(' ')).toContain('with Mary and her daughter Susan Example');
    expect(endOfLife(snap({ carePlans: [entry('surprise-question', 'yes', '2026-11-20')] }), TODAY)).toEqual([]);
  });

  it('follows a GSF code of C or D, not A or B, and not a superseded C', () => {
    for (const code of ['A', 'B']) expect(endOfLife(snap({ carePlans: [entry('gsf', code, '2026-11-20')] }), TODAY)).toEqual([]);
    for (const code of ['C', 'D']) expect(parts(endOfLife(snap({ carePlans: [entry('gsf', code, '2026-11-20')] }), TODAY))).toHaveLength(3);
    const b = entry('gsf', 'B', '2026-11-21');
    expect(endOfLife(snap({ carePlans: [entry('gsf', 'C', '2026-11-01', { supersededBy: b.id }), b] }), TODAY)).toEqual([]);
  });

  it('H14: a GSF D and a ReSPECT form the same day, with no anticipatory medicines, still asks for each part in its own words', () => {
    const items = parts(endOfLife(snap({ carePlans: [entry('gsf', 'D', '2026-11-20'), entry('respect', 'not-for-cpr', '2026-11-20')], representatives: [daughter] }), TODAY));
    expect(items).toHaveLength(3);
    expect(items.every((i) => i.rule === 'end-of-life' && i.due === '2026-11-20' && i.status === 'due')).toBe(true);
    const [meds, talk, home] = items.map((i) => i.explanation);
    expect(meds).toMatch(/Anticipatory \(“just in case”\) medicines: none are on her medication list/);
    expect(talk).toMatch(/conversation with Mary and her daughter Susan Example is not yet recorded.*where she would like to be cared for and to die/);
    expect(home).toMatch(/care home does not yet have her plan for the end of life/);
    expect(new Set(items.map((i) => i.explanation)).size).toBe(3);
  });

  it('H14: each part closes on its own record after the trigger: medicines on the list or declined, the conversation, the home’s copy', () => {
    const gsf = entry('gsf', 'D', '2026-11-20');
    const midazolam = { id: 1, name: 'Midazolam 10mg/2ml solution for injection ampoules', dose: '2.5mg s/c as required', startDate: '2026-11-20', type: 'acute' as const, status: 'active' as const };
    const withMeds = parts(endOfLife(snap({ carePlans: [gsf], medications: [midazolam] }), TODAY));
    expect(withMeds.map((i) => i.explanation).join(' ')).not.toMatch(/Anticipatory/);
    expect(withMeds).toHaveLength(2);
    const declined = snap({ carePlans: [gsf], endOfLifeSteps: [{ id: 1, step: 'anticipatory-medicines', outcome: 'declined', recordedOn: '2026-11-21', by: 'Dr A', notes: null }] });
    expect(parts(endOfLife(declined, TODAY))).toHaveLength(2);
    const talked = snap({ carePlans: [gsf, entry('respect', 'not-for-cpr', '2026-11-21'), entry('preferred-place-of-death', 'Here', '2026-11-21')] });
    expect(parts(endOfLife(talked, TODAY)).map((i) => i.explanation).join(' ')).not.toMatch(/conversation/);
    const all = snap({ carePlans: [gsf], medications: [midazolam], endOfLifeSteps: [
      { id: 2, step: 'conversation', outcome: 'done', recordedOn: '2026-11-21', by: null, notes: null },
      { id: 3, step: 'plan-with-home', outcome: 'done', recordedOn: '2026-11-22', by: null, notes: null }] });
    expect(endOfLife(all, TODAY)).toEqual([]);
    // A step recorded before the trigger does not count.
    const before = snap({ carePlans: [gsf], endOfLifeSteps: [{ id: 4, step: 'plan-with-home', outcome: 'done', recordedOn: '2026-11-01', by: null, notes: null }] });
    expect(parts(endOfLife(before, TODAY))).toHaveLength(3);
  });

  it('H14: an old surprise question "no", talked through long ago, does not hide a new GSF D', () => {
    const s = snap({ carePlans: [entry('surprise-question', 'no', '2026-03-01'), entry('preferred-place-of-death', 'Here', '2026-03-02'),
      entry('respect', 'not-for-cpr', '2026-03-02'), entry('gsf', 'D', '2026-11-20')] });
    const items = parts(endOfLife(s, TODAY));
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]?.due).toBe('2026-11-20');
    expect(items[0]?.explanation).toContain('code became D');
  });

  it('H14: a GSF code that has stood too long is questioned (C after 8 weeks, D after 2 weeks)', () => {
    const reassess = (code: string, on: string) => endOfLife(snap({ carePlans: [entry('gsf', code, on)] }), TODAY).filter((i) => i.rule === 'end-of-life-reassess');
    expect(reassess('D', '2026-11-10')).toEqual([]);
    expect(reassess('D', '2026-11-09')[0]).toMatchObject({ due: '2026-11-23', status: 'due' });
    expect(reassess('D', '2026-11-01')[0]?.explanation).toMatch(/has been D \(days to live\) since 01\/11\/2026, more than 2 weeks/);
    expect(reassess('C', '2026-09-29')).toEqual([]);
    expect(reassess('C', '2026-09-28')[0]).toMatchObject({ rule: 'end-of-life-reassess', due: '2026-11-23' });
  });
});

describe('pcsp-review', () => {
  it('is produced when the care and support plan is older than its review interval (12 months by default, or its own date)', () => {
    const plan = (date: string, nextReview: string | null = null) => snap({ supportPlans: [{ id: 1, kind: 'created', date, by: 'Nurse Lee', nextReview }] });
    expect(carePlanDueItems(plan('2026-01-10'), TODAY).filter((i) => i.rule === 'pcsp-review')).toEqual([]);
    const [old] = carePlanDueItems(plan('2025-11-01'), TODAY).filter((i) => i.rule === 'pcsp-review');
    expect(old).toMatchObject({ due: '2026-11-01', status: 'due' });
    expect(old?.explanation).toMatch(/written on 01\/11\/2025 by Nurse Lee/);
    expect(carePlanDueItems(plan('2026-06-01', '2026-11-20'), TODAY).find((i) => i.rule === 'pcsp-review')?.due).toBe('2026-11-20');
    const six = carePlanDueItems(plan('2026-05-01'), TODAY, carePlanSettings({ pcspReviewAfterMonths: 6 })).find((i) => i.rule === 'pcsp-review');
    expect(six?.due).toBe('2026-11-01');
  });
});

describe('carePlanDueItems', () => {
  it('H7: gathers every rule for a living resident, none for someone who has died', () => {
    const s = snap({ carePlans: [entry('surprise-question', 'no', '2026-11-20')] });
    expect([...new Set(carePlanDueItems(s, TODAY).map((i) => i.rule))].sort()).toEqual(['acp-missing', 'end-of-life', 'ppd-missing']);
    expect(carePlanDueItems({ ...s, resident: resident({ status: 'died', statusDate: '2026-11-21' }) }, TODAY)).toEqual([]);
  });

  it('takes its intervals and minutes from the settings', () => {
    const settings = { ...CARE_PLAN_DEFAULTS, acpMissingAfterMonths: 1, minutes: { ...CARE_PLAN_DEFAULTS.minutes, acpMissing: 30 } };
    const [item] = acpMissing(snap({ resident: resident({ admissionDate: '2026-10-23' }) }), TODAY, settings);
    expect(item).toMatchObject({ due: TODAY, minutes: 30 });
  });

  it('merges a practice’s checked overrides over the defaults, and refuses nonsense', () => {
    expect(carePlanSettings({ acpReviewAfterMonths: 6, minutes: { endOfLife: 30 } })).toEqual({
      ...CARE_PLAN_DEFAULTS, acpReviewAfterMonths: 6, minutes: { ...CARE_PLAN_DEFAULTS.minutes, endOfLife: 30 } });
    expect(carePlanSettings()).toEqual(CARE_PLAN_DEFAULTS);
    expect(() => carePlanSettings({ acpMissingAfterMonths: 0 })).toThrow();
  });
});
