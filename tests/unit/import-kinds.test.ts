/** Reading practice-export rows: kind detection from headers, names, dates, NHS numbers, field problems. */
import { describe, expect, it } from 'vitest';
import { detectKind, KIND_FIELDS, matchHeaders, readRow, splitPatientName, type RecordKind } from '../../main/imports/records/kinds';

describe('detectKind', () => {
  it.each<[string, RecordKind]>([
    ['NHS Number,Surname,Forename,Date of Birth,Gender,Care Home,Room', 'patients'],
    ['nhs_no,Patient Name,DOB,Sex,Residential Institute', 'patients'],
    ['NHS Number,Drug,Dosage,Last Issue Date,Issue Type', 'medications'],
    ['NHS NUMBER,MEDICATION,DOSE,STATUS', 'medications'],
    ['NHS Number,Problem,SNOMED Code,Onset', 'conditions'],
    ['NHS No,Event Type,Event Date,Details', 'events'],
    ['NHS Number,Element,Value,Date Recorded,Review Date', 'acp'],
    ['NHS Number,Review Type,Review Date,Reviewed By', 'reviews'],
    ['NHS Number,Name,Relationship,Telephone,Email Address', 'representatives'],
  ])('%s -> %s', (header, kind) => {
    expect(detectKind(header.split(','))).toEqual({ ok: true, kind });
  });

  it('needs an NHS number column and a kind\'s own columns', () => {
    expect(detectKind(['Drug', 'Dose']).ok).toBe(false);
    expect(detectKind(['NHS Number', 'Colour']).ok).toBe(false);
  });
});

describe('splitPatientName', () => {
  it.each([
    ['SMITH, Mary (Mrs)', { familyName: 'Smith', givenName: 'Mary' }],
    ["O'BRIEN-JONES, Patrick Sean", { familyName: "O'Brien-Jones", givenName: 'Patrick Sean' }],
    ['Mrs Mary Smith', { familyName: 'Smith', givenName: 'Mary' }],
    ['McDonald, Ewan', { familyName: 'McDonald', givenName: 'Ewan' }],
  ])('%s', (raw, expected) => {
    expect(splitPatientName(raw)).toEqual(expected);
  });

  it('refuses what is not a name', () => {
    expect(splitPatientName('Smith')).toBeNull();
    expect(splitPatientName(' , ')).toBeNull();
  });
});

describe('readRow', () => {
  const meds = matchHeaders(['NHS Number', 'Medication', 'Dose', 'Start Date', 'Type', 'Status'], KIND_FIELDS.medications);

  it('reads spaced and dashed NHS numbers and every UK date form, day first', () => {
    for (const date of ['05/03/2025', '5/3/2025', '2025-03-05', '05-Mar-2025', '5 March 2025']) {
      const result = readRow('medications', ['999 000 0379', 'Sertraline 50mg tablets', 'One daily', date, 'Repeat', 'Active'], meds);
      expect(result).toMatchObject({ ok: true, row: { nhsNumber: '9990000379', startDate: '2025-03-05', type: 'repeat', status: 'active' } });
    }
    expect(readRow('medications', ['999-000-0379', 'X', '', '', '', ''], meds)).toMatchObject({ ok: true, row: { nhsNumber: '9990000379', dose: null } });
  });

  it('H6: names every bad field, and an impossible date is never guessed', () => {
    const result = readRow('medications', ['9990000378', '', '', '29/02/2025', 'weekly', 'maybe'], meds);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field)).toEqual(['nhs_number', 'medication', 'start_date', 'type', 'status']);
    expect(result.problems.find((p) => p.field === 'start_date')?.reason).toMatch(/29\/02\/2025.*not a real date/);
  });
});

describe('as required and just in case on import', () => {
  const meds = matchHeaders(['NHS Number', 'Drug', 'Directions', 'PRN'], KIND_FIELDS.medications);
  const read = (values: string[]) => {
    const r = readRow('medications', ['9990000379', ...values], meds);
    return r.ok && r.row.kind === 'medications' ? r.row.asNeeded : 'rejected';
  };

  it.each([
    [['Paracetamol 500mg tablets', 'Two when required', ''], 'as-required'],
    [['Lorazepam 500microgram tablets', 'One daily', 'Yes'], 'as-required'],
    [['Midazolam 10mg/2ml injection', '2.5mg subcut when required, just in case', ''], 'just-in-case'],
    [['Haloperidol 5mg/ml injection PRN', '', ''], 'just-in-case'],
    [['Hyoscine butylbromide 20mg/ml injection', '20mg subcut', 'Just in case'], 'just-in-case'],
    [['Sertraline 50mg tablets', 'One each morning', 'No'], null],
    [['Sertraline 50mg tablets', 'One each morning', ''], null],
  ])('%j -> %s', (values, expected) => {
    expect(read(values)).toBe(expected);
  });

  it('names an as-needed column it cannot read', () => {
    const r = readRow('medications', ['9990000379', 'Sertraline 50mg tablets', '', 'sometimes'], meds);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.field)).toEqual(['as_needed']);
  });
});

