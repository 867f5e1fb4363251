/** The renderer's pure parts: form checks (same zod schemas as main), server error mapping, routes. */
import { describe, expect, it } from 'vitest';
import { fromApiError, summaryItems } from '../../renderer/src/forms/errors';
import { checkHome, homeValues } from '../../renderer/src/forms/home';
import { representativeValues } from '../../renderer/src/forms/representative';
import { checkNewResident, checkResident, nhsNumberWarning, residentValues, type ResidentValues } from '../../renderer/src/forms/resident';
import { parseRoute, sectionOf } from '../../renderer/src/routes';

const TODAY = '2026-11-23';
const CHECK_DIGIT = 'This is not a valid NHS number: the check digit does not match. Check it has been copied correctly';

function resident(overrides: Partial<ResidentValues> = {}): ResidentValues {
  return { ...residentValues(undefined, 1), nhsNumber: '943 476 5919', familyName: 'Hartley', givenName: 'Margaret',
    dateOfBirth: '15/03/1941', sex: 'female', dementia: 'no', ...overrides };
}

function errorsOf(result: ReturnType<typeof checkResident> | ReturnType<typeof checkHome>): Record<string, string> {
  return result.ok ? {} : result.errors.fields;
}

describe('resident form check', () => {
  it('accepts a complete resident, sending ISO dates and the NHS number as typed', () => {
    const result = checkResident(resident({ admissionDate: '2/11/2026', frailty: '6' }), TODAY);
    expect(result.ok && result.input).toMatchObject({ nhsNumber: '943 476 5919', dateOfBirth: '1941-03-15', admissionDate: '2026-11-02',
      frailty: 6, homeId: 1, status: 'active', dementia: false });
  });

  it('uses the NHS number rule’s own message and NHS-style date messages', () => {
    const fields = errorsOf(checkResident(resident({ nhsNumber: '1234567890', dateOfBirth: '31/02/1941' }), TODAY));
    expect(fields.nhsNumber).toBe(CHECK_DIGIT);
    expect(fields.dateOfBirth).toBe('Enter a real date, for example 15/03/1941');
  });

  it('refuses a birth date after today and asks for unanswered questions in plain English', () => {
    const fields = errorsOf(checkResident(resident({ dateOfBirth: '01/01/2027', sex: '', dementia: '', homeId: '' }), TODAY));
    expect(fields).toEqual({
      dateOfBirth: 'The date of birth must be today or in the past',
      sex: 'Select the resident’s sex',
      dementia: 'Select yes if they have a diagnosis of dementia',
      homeId: 'Choose a care home',
    });
  });

  it('asks for the date of death when the resident has died', () => {
    expect(errorsOf(checkResident(resident({ status: 'died' }), TODAY)).statusDate).toBe('Enter the date of death');
  });

  it('warns about, but accepts, a placeholder NHS number', () => {
    expect(nhsNumberWarning('999 999 9999')).toBe('This looks like a placeholder NHS number, not a real one');
    expect(nhsNumberWarning('9434765919')).toBeNull();
    expect(checkResident(resident({ nhsNumber: '9999999999' }), TODAY).ok).toBe(true);
  });

  it('keys the optional representative’s errors under rep.', () => {
    const result = checkNewResident(resident(), { ...representativeValues(), email: 'not-an-email' }, TODAY);
    expect(result.ok ? {} : result.errors.fields).toMatchObject({
      'rep.name': 'Enter the representative’s name',
      'rep.email': 'Enter an email address like name@example.com',
      'rep.holdsLpaHealthWelfare': 'Select yes if they hold a lasting power of attorney for health and welfare',
    });
  });
});

describe('care home form check', () => {
  it('explains what is missing', () => {
    expect(errorsOf(checkHome({ ...homeValues(), roundCapacityMinutes: 'two hours' }))).toEqual({
      name: 'Enter the home’s name',
      type: 'Select whether it is a residential or nursing home',
      roundCapacityMinutes: 'Enter the length of the round in whole minutes, for example 120',
    });
  });

  it('reads times as people write them', () => {
    const result = checkHome({ ...homeValues(), name: 'Willow Court', type: 'nursing', roundStartTime: '9.30', roundCapacityMinutes: '90' });
    expect(result.ok && result.input).toMatchObject({ roundStartTime: '09:30', roundCapacityMinutes: 90, roundDay: null });
  });
});

describe('server errors on the form', () => {
  const known = new Set(['nhsNumber', 'familyName', 'rep.email']);

  it('maps envelope field paths onto the form’s fields and keeps the rest as general messages', () => {
    const errors = fromApiError({ code: 'INVALID_INPUT', message: 'x', details: [
      { field: 'resident.familyName', message: 'Enter the family name' },
      { field: 'representatives.0.email', message: 'enter an email address' },
      { field: 'somethingElse', message: 'Not on this form' },
    ] }, known);
    expect(errors).toEqual({ fields: { familyName: 'Enter the family name', 'rep.email': 'Enter an email address' }, general: ['Not on this form'] });
    expect(summaryItems(errors, ['nhsNumber', 'familyName', 'rep.email'])).toEqual([
      { message: 'Not on this form' },
      { message: 'Enter the family name', fieldId: 'familyName' },
      { message: 'Enter an email address', fieldId: 'rep-email' },
    ]);
  });

  it('puts a conflict’s specific message on its field, and shows failures without details as general messages', () => {
    expect(fromApiError({ code: 'CONFLICT', message: 'NHS number 943 476 5919 is already registered to Margaret Hartley',
      details: [{ field: 'nhsNumber', message: 'This NHS number is already on the register' }] }, known).fields)
      .toEqual({ nhsNumber: 'NHS number 943 476 5919 is already registered to Margaret Hartley' });
    expect(fromApiError({ code: 'DATABASE', message: '', details: [] }, known).general).toEqual(['The database could not be read or written.']);
  });
});

describe('routes', () => {
  it.each([
    ['', { name: 'homes' }],
    ['#/homes/new', { name: 'home-new' }],
    ['#/homes/4/edit', { name: 'home-edit', id: 4 }],
    ['#/residents?home=3', { name: 'residents', homeId: 3 }],
    ['#/residents/new?home=x', { name: 'resident-new', homeId: null }],
    ['#/residents/12', { name: 'resident', id: 12 }],
    ['#/residents/12/representatives/7/remove', { name: 'representative-remove', residentId: 12, id: 7 }],
    ['#/flags', { name: 'flags', tab: 'flags' }],
    ['#/flags/unmatched', { name: 'flags', tab: 'unmatched' }],
    ['#/flags/new?home=2&resident=9', { name: 'flag-new', homeId: 2, residentId: 9 }],
    ['#/flags/31', { name: 'flag', id: 31 }],
    ['#/flags/31/edit', { name: 'not-found' }],
    ['#/care-plans', { name: 'care-plans' }],
    ['#/reports', { name: 'reports' }],
    ['#/residents/12/care-plan/new?element=dnacpr', { name: 'care-plan-new', residentId: 12, element: 'dnacpr' }],
    ['#/residents/0', { name: 'not-found' }],
    ['#/residents/12/delete', { name: 'not-found' }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('highlights the section a screen belongs to', () => {
    expect(sectionOf(parseRoute('#/residents/12/edit'))).toBe('residents');
    expect(sectionOf(parseRoute('#/homes/1/edit'))).toBe('homes');
    expect(sectionOf(parseRoute('#/flags/new'))).toBe('flags');
    expect(sectionOf(parseRoute('#/care-plans'))).toBe('care-plans');
    expect(sectionOf(parseRoute('#/nowhere'))).toBeNull();
  });
});
