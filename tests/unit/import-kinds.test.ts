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
    ['NHS No,Test,Value,Units,Date', 'results'],
    ['NHS Number,Result Name,Result,Unit,Result Date', 'results'],
    ['NHS Number,Observation,Value,Date', 'results'],
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


describe('results rows (laboratory results and measurements)', () => {
  const header = ['NHS No', 'Test', 'Value', 'Units', 'Date'];
  const match = matchHeaders(header, KIND_FIELDS.results);
  const read = (test: string, value: string, unit: string, date = '01/10/2026') => readRow('results', ['943 476 5919', test, value, unit, date], match);

  it('H13: reads creatinine clearance, eGFR, creatinine and weight into the test Roundtable knows, in its unit', () => {
    expect(read('Creatinine clearance', '35', 'mL/min')).toMatchObject({ ok: true, row: { kind: 'results', test: 'crcl', value: 35, unit: 'mL/min', date: '2026-10-01' } });
    expect(read('eGFR', '>90', 'mL/min/1.73m2')).toMatchObject({ ok: true, row: { test: 'egfr', value: 90, comparator: '>' } });
    expect(read('Serum creatinine', '133', 'µmol/L')).toMatchObject({ ok: true, row: { test: 'creatinine', value: 133, unit: 'micromol/L' } });
    expect(read('O/E - weight', '58.4', '')).toMatchObject({ ok: true, row: { test: 'weight', value: 58.4, unit: 'kg' } });
    expect(read('2164-2', '41', 'mL/min')).toMatchObject({ ok: true, row: { test: 'crcl' } });
  });

  it('H13: rejects an unknown test, a value that is not a number, a wrong unit or an implausible value, naming the field', () => {
    const problems = (r: ReturnType<typeof read>) => (r.ok ? [] : r.problems);
    expect(problems(read('Haemoglobin', '120', 'g/L'))).toEqual([{ field: 'test', reason: expect.stringContaining('“Haemoglobin” is not a test Roundtable reads') }]);
    expect(problems(read('CrCl', 'see report', 'mL/min'))).toEqual([{ field: 'value', reason: '“see report” is not a number' }]);
    expect(problems(read('Creatinine', '1.2', 'mg/dL'))).toEqual([{ field: 'unit', reason: expect.stringContaining('“mg/dL” is not a unit') }]);
    expect(problems(read('Weight', '5800', 'kg'))).toEqual([{ field: 'value', reason: expect.stringContaining('outside 20–300') }]);
    expect(problems(read('CrCl', '35', 'mL/min', '31/02/2026'))).toEqual([{ field: 'date', reason: expect.stringContaining('not a real date') }]);
  });
});
