/**
 * The DOAC dose against kidney function end to end: patients, medications and a `results` file imported with
 * `import records`, then `reviews due --json`. A rejected result row is named by line and field; importing
 * the same results again stores nothing twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testNhsNumber } from '../../main/services/demoData';
import { runCliCaptured } from '../helpers/cli';
import { withRaw } from '../helpers/rawDb';
import { tempDatabase, writeCsv } from '../helpers/tempStore';

const TODAY = '2026-11-23';
let dir: { dir: string; file: string; cleanup: () => Promise<void> };
let db: string;
let resultsFile: string;
let rows: Row[];
let imported: { read: number; accepted: number; rejected: { line: number; field: string | null; reason: string }[] };

interface Row { nhsNumber: string; name: string; rule: string; explanation: string }

const PEOPLE = ['Twenty', 'Fifteen', 'Egfr'] as const;
const nhs = (who: (typeof PEOPLE)[number]) => testNhsNumber(1350 + PEOPLE.indexOf(who));

beforeAll(async () => {
  dir = await tempDatabase('practice.sqlite');
  db = dir.file;
  const patients = writeCsv(dir.dir, 'patients.csv', [['NHS Number', 'Patient Name', 'DOB', 'Gender', 'Care Home', 'Admitted'],
    ...PEOPLE.map((who) => [nhs(who), `${who.toUpperCase()}, Test`, '02/04/1944', 'F', 'Rosewood Nursing Home', '01/06/2025'])]);
  const meds = writeCsv(dir.dir, 'medications.csv', [['NHS Number', 'Drug', 'Directions', 'Date Started', 'Issue Type', 'Status'],
    [nhs('Twenty'), 'Rivaroxaban 20mg tablets', 'One daily with food', '01/03/2026', 'Repeat', 'Active'],
    [nhs('Fifteen'), 'Rivaroxaban 15mg tablets', 'One daily with food', '01/03/2026', 'Repeat', 'Active'],
    [nhs('Egfr'), 'Rivaroxaban 20mg tablets', 'One daily with food', '01/03/2026', 'Repeat', 'Active'],
  ]);
  resultsFile = writeCsv(dir.dir, 'results.csv', [['NHS No', 'Test', 'Value', 'Units', 'Date'],
    [nhs('Twenty'), 'Creatinine clearance', '35', 'mL/min', '01/10/2026'],
    [nhs('Fifteen'), 'Creatinine clearance', '35', 'mL/min', '01/10/2026'],
    [nhs('Egfr'), 'eGFR', '38', 'mL/min/1.73m2', '01/10/2026'],
    [nhs('Twenty'), 'Haemoglobin', '121', 'g/L', '01/10/2026'],
  ]);
  for (const f of [patients, meds]) {
    const r = await runCliCaptured(['import', 'records', f, '--db', db, '--today', TODAY, '--json']);
    expect(r.code, r.err).toBe(0);
  }
  const r = await runCliCaptured(['import', 'records', resultsFile, '--db', db, '--today', TODAY, '--json']);
  expect(r.code, r.err).toBe(0);
  imported = JSON.parse(r.out) as typeof imported;
  const due = await runCliCaptured(['reviews', 'due', '--db', db, '--today', TODAY, '--json']);
  expect(due.code, due.err).toBe(0);
  rows = JSON.parse(due.out) as Row[];
});
afterAll(() => dir.cleanup());

const doseRows = (who: (typeof PEOPLE)[number]) => rows.filter((r) => r.nhsNumber.replace(/\s/g, '') === nhs(who) && r.rule === 'monitoring-doac-dose');

describe('import records (results) and reviews due: the DOAC dose against kidney function', () => {
  it('H13: imports a results file, rejecting an unknown test by line and field', () => {
    expect(imported).toMatchObject({ kind: 'results', read: 4, accepted: 3 });
    expect(imported.rejected).toEqual([{ line: 5, field: 'test', reason: expect.stringContaining('“Haemoglobin” is not a test Roundtable reads') }]);
  });

  it('H13: shows monitoring-doac-dose for rivaroxaban 20 mg with creatinine clearance 35, and not for 15 mg', () => {
    expect(doseRows('Twenty')).toHaveLength(1);
    expect(doseRows('Twenty')[0]?.explanation).toContain('Rivaroxaban 20 mg once daily with creatinine clearance 35 mL/min on 01/10/2026');
    expect(doseRows('Twenty')[0]?.explanation).toContain('with creatinine clearance 15–49 mL/min, if it is for atrial fibrillation, the licensed dose is 15 mg once daily');
    expect(doseRows('Fifteen')).toEqual([]);
  });

  it('H13: with only an eGFR, asks for a creatinine clearance rather than calling the dose wrong', () => {
    expect(doseRows('Egfr')[0]?.explanation).toContain('checking the dose against it: eGFR is not interchangeable with creatinine clearance');
  });

  it('H13: importing the same results again stores nothing twice', async () => {
    const again = await runCliCaptured(['import', 'records', resultsFile, '--db', db, '--today', TODAY, '--force', '--json']);
    expect(again.code, again.err).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({ accepted: 0, unchanged: 3 });
    expect(await withRaw(db, (raw) => raw.value('SELECT count(*) FROM lab_result'), { readonly: true })).toBe(3);
  });
});
