import { describe, expect, it } from 'vitest';
import { carePlanValues, checkCarePlan } from '../../renderer/src/forms/carePlan';
import { carePlanEntryInput, describeDetails, describeParticipants, sourceLabel, valueLabel } from '../../shared/domain/carePlan';

const reps = new Map([[3, 'Susan Example (daughter)']]);

describe('care-plan entries in words', () => {
  it('names who took part, with the resident’s capacity', () => {
    expect(describeParticipants({ resident: { tookPart: true, hadCapacity: false }, representativeIds: [3], clinician: 'Dr Okafor (GP)' }, reps, 'Edie'))
      .toBe('Edie (lacked capacity for this decision), Susan Example (daughter), Dr Okafor (GP)');
    expect(describeParticipants({ representativeIds: [9] }, reps)).toBe('a representative no longer on the record');
    expect(describeParticipants({}, reps)).toBe('');
  });

  it('describes each element’s details', () => {
    expect(describeDetails('respect', { treatmentFocus: 'comfort' }, reps)).toEqual(['Treatment focus: Prioritise comfort']);
    expect(describeDetails('lpa-health-welfare', { representativeId: 3, registeredOn: '2024-02-01' }, reps)).toEqual(['Attorney: Susan Example (daughter)', 'Registered 01/02/2024']);
    expect(describeDetails('dnacpr', { involved: 'Dr Okafor', told: 'Susan' }, reps)).toEqual(['Involved: Dr Okafor', 'Told: Susan']);
    expect(describeDetails('adrt', { whereKept: 'In the care plan folder' }, reps)).toEqual(['Kept: In the care plan folder']);
  });

  it('says where an entry came from, with its import batch', () => {
    expect(sourceLabel({ source: 'entered', sourceBatchId: null })).toBe('Entered by hand');
    expect(sourceLabel({ source: 'import', sourceBatchId: 4 })).toBe('Imported (batch 4)');
    expect(sourceLabel({ source: 'round-outcome', sourceBatchId: null })).toBe('Round outcome');
    expect(valueLabel('gsf', 'C')).toBe('C – weeks');
    expect(valueLabel('preferred-place-of-care', 'Here')).toBe('Here');
  });
});

describe('the entry schema', () => {
  it('holds each element to its own vocabulary and details', () => {
    expect(carePlanEntryInput.safeParse({ element: 'respect', value: 'for-cpr', recordedOn: '2026-11-20' }).success).toBe(true);
    expect(carePlanEntryInput.safeParse({ element: 'respect', value: 'maybe', recordedOn: '2026-11-20' }).success).toBe(false);
    expect(carePlanEntryInput.safeParse({ element: 'gsf', value: 'C', recordedOn: '2026-11-20', details: { whereKept: 'x' } }).success).toBe(false);
    expect(carePlanEntryInput.safeParse({ element: 'preferred-place-of-death', value: '  ', recordedOn: '2026-11-20' }).success).toBe(false);
    const lpa = carePlanEntryInput.safeParse({ element: 'lpa-health-welfare', value: 'registered', recordedOn: '2026-11-20' });
    expect(lpa.success ? [] : lpa.error.issues.map((i) => i.message)).toEqual(['Choose the attorney, or enter their name']);
  });
});

describe('the care plan entry form', () => {
  const TODAY = '2026-11-23';
  it('asks what is being recorded first, then the element’s own question, in plain words', () => {
    expect(checkCarePlan(carePlanValues(TODAY, null), TODAY)).toMatchObject({ ok: false, errors: { fields: { element: 'Select what you are recording' } } });
    expect(checkCarePlan(carePlanValues(TODAY, 'dnacpr'), TODAY))
      .toMatchObject({ ok: false, errors: { fields: { value: 'Select whether the DNACPR decision is in place or cancelled' } } });
  });

  it('reads dd/mm/yyyy dates, refuses a date recorded in the future, and records who took part', () => {
    const v = { ...carePlanValues(TODAY, 'respect'), value: 'not-for-cpr', treatmentFocus: 'comfort', recordedOn: '20/11/2026', reviewDue: '20/11/2027',
      residentTookPart: true, hadCapacity: 'no' as const, representativeIds: [3], clinician: 'Dr Okafor' };
    expect(checkCarePlan(v, TODAY)).toEqual({ ok: true, input: { element: 'respect', value: 'not-for-cpr', details: { treatmentFocus: 'comfort' },
      recordedOn: '2026-11-20', reviewDue: '2027-11-20', participants: { resident: { tookPart: true, hadCapacity: false }, representativeIds: [3], clinician: 'Dr Okafor' } } });
    expect(checkCarePlan({ ...v, recordedOn: '24/11/2026' }, TODAY)).toMatchObject({ ok: false, errors: { fields: { recordedOn: 'The date it was recorded must be today or in the past' } } });
    expect(checkCarePlan({ ...v, hadCapacity: '' }, TODAY)).toMatchObject({ ok: false, errors: { fields: { hadCapacity: 'Select whether they had capacity for this decision' } } });
  });
});
