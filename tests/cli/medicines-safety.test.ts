/**
 * Medicines safety checks end to end: a practice export imported with `import records`, then `reviews due
 * --json`. Duplicates, interactions and omissions show; just-in-case injections raise no long-term prompt.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testNhsNumber } from '../../main/services/demoData';
import { runCliCaptured } from '../helpers/cli';
import { tempDatabase, writeCsv } from '../helpers/tempStore';

const TODAY = '2026-11-23';
let dir: { dir: string; file: string; cleanup: () => Promise<void> };
let db: string;
let rows: Row[];

interface Row { residentId: number; nhsNumber: string; name: string; home: string; rule: string; due: string; status: string; explanation: string }

const PEOPLE = ['Anticoag', 'Paracetamol', 'Lithium', 'Opioid', 'Donepezil', 'Jic', 'Prn'] as const;
const nhs = (who: (typeof PEOPLE)[number]) => testNhsNumber(1300 + PEOPLE.indexOf(who));


beforeAll(async () => {
  dir = await tempDatabase('practice.sqlite');
  db = dir.file;
  const patients = writeCsv(dir.dir, 'patients.csv', [['NHS Number', 'Patient Name', 'DOB', 'Gender', 'Care Home', 'Admitted'],
    ...PEOPLE.map((who) => [nhs(who), `${who.toUpperCase()}, Test`, '02/04/1938', 'F', 'Rosewood Nursing Home', '01/06/2025'])]);
  const meds = writeCsv(dir.dir, 'medications.csv', [['NHS Number', 'Drug', 'Directions', 'Date Started', 'Issue Type', 'Status'],
    [nhs('Anticoag'), 'Warfarin 1mg tablets', 'As directed by the anticoagulation clinic', '01/03/2026', 'Repeat', 'Active'],
    [nhs('Anticoag'), 'Apixaban 5mg tablets', 'One twice a day', '10/11/2026', 'Repeat', 'Active'],
    [nhs('Paracetamol'), 'Co-codamol 30mg/500mg tablets', 'Two four times a day', '01/09/2026', 'Repeat', 'Active'],
    [nhs('Paracetamol'), 'Paracetamol 500mg tablets', 'Two up to four times a day when required', '01/10/2026', 'Repeat', 'Active'],
    [nhs('Paracetamol'), 'Senna 7.5mg tablets', 'Two at night', '01/09/2026', 'Repeat', 'Active'],
    [nhs('Lithium'), 'Lithium carbonate 400mg modified-release tablets', 'One at night', '01/01/2024', 'Repeat', 'Active'],
    [nhs('Lithium'), 'Ramipril 2.5mg capsules', 'One each day', '01/10/2026', 'Repeat', 'Active'],
    [nhs('Opioid'), 'Zomorph 10mg modified-release capsules', 'One twice a day', '01/10/2026', 'Repeat', 'Active'],
    [nhs('Donepezil'), 'Risperidone 500microgram tablets', 'One twice a day', '01/08/2026', 'Repeat', 'Active'],
    [nhs('Donepezil'), 'Donepezil 10mg tablets', 'One at night', '01/01/2025', 'Repeat', 'Active'],
    [nhs('Jic'), 'Midazolam 10mg/2ml injection', '2.5mg subcut when required, just in case', '01/06/2026', 'Repeat', 'Active'],
    [nhs('Jic'), 'Haloperidol 5mg/ml injection', '500 micrograms subcutaneously when required for nausea or agitation', '01/06/2026', 'Repeat', 'Active'],
    [nhs('Prn'), 'Midazolam 10mg/2ml injection, 2.5mg subcut when required, just in case', '', '01/06/2026', 'Repeat', 'Active'],
    [nhs('Prn'), 'Haloperidol 5mg/ml injection PRN', '', '01/06/2026', 'Repeat', 'Active'],
  ]);
  const conditions = writeCsv(dir.dir, 'conditions.csv', [['NHS Number', 'Problem', 'SNOMED'],
    [nhs('Jic'), 'Alzheimer’s disease', '26929004'], [nhs('Prn'), 'Dementia', '52448006']]);
  for (const f of [patients, meds, conditions]) {
    const r = await runCliCaptured(['import', 'records', f, '--db', db, '--today', TODAY, '--json']);
    expect(r.code, r.err).toBe(0);
  }
  const due = await runCliCaptured(['reviews', 'due', '--db', db, '--today', TODAY, '--json']);
  expect(due.code, due.err).toBe(0);
  rows = JSON.parse(due.out) as Row[];
});
afterAll(() => dir.cleanup());

const of = (who: (typeof PEOPLE)[number]) => rows.filter((r) => r.nhsNumber === nhs(who));

describe('reviews due after importing a practice export', () => {
  it('H13: shows warfarin with apixaban as a duplicate anticoagulant, a same-day call, first in the list', () => {
    const item = of('Anticoag').find((r) => r.rule === 'duplicate-anticoagulant');
    expect(item?.explanation).toMatch(/Warfarin and Apixaban: 2 anticoagulants at once.*same-day call to the prescriber/);
    expect(rows[0]?.rule).toBe('duplicate-anticoagulant');
    for (const row of rows) expect(Object.keys(row)).toEqual(['residentId', 'nhsNumber', 'name', 'home', 'rule', 'due', 'status', 'explanation']);
  });

  it('H13: shows co-codamol with paracetamol as a paracetamol duplicate', () => {
    expect(of('Paracetamol').find((r) => r.rule === 'duplicate-paracetamol')?.explanation).toMatch(/Co-codamol and Paracetamol \(as required\): 2 products that contain paracetamol/);
  });

  it('H13: shows lithium with ramipril as an interaction', () => {
    expect(of('Lithium').find((r) => r.rule.startsWith('interaction-'))).toMatchObject({ rule: 'interaction-lithium', explanation: expect.stringMatching(/Lithium carbonate and Ramipril/) });
  });

  it('H13: shows morphine with no laxative as a START omission, and not when a laxative is there', () => {
    expect(of('Opioid').find((r) => r.rule.startsWith('start-'))).toMatchObject({ rule: 'start-opioid-laxative', explanation: expect.stringMatching(/Morphine with no laxative/) });
    expect(of('Paracetamol').some((r) => r.rule === 'start-opioid-laxative')).toBe(false);
  });

  it('H13: treats risperidone with donepezil as dementia when no diagnosis is coded', () => {
    expect(of('Donepezil').find((r) => r.rule === 'antipsychotic-dementia')?.explanation).toMatch(/with dementia \(on donepezil, so treated as living with dementia\)/);
  });

  it('H13: raises no benzodiazepine or antipsychotic prompt from just-in-case midazolam or haloperidol', () => {
    for (const who of ['Jic', 'Prn'] as const) {
      const rules = of(who).map((r) => r.rule);
      expect(rules.length).toBeGreaterThan(0);
      expect(rules.filter((r) => ['antipsychotic-dementia', 'stopp-duration', 'fall-frid', 'acb-high', 'duplicate-antipsychotic', 'duplicate-benzodiazepine'].includes(r))).toEqual([]);
      expect(of(who).some((r) => /midazolam|haloperidol/i.test(r.explanation))).toBe(false);
    }
  });

  it('groups the table per resident, most serious first', async () => {
    const table = await runCliCaptured(['reviews', 'due', '--db', db, '--today', TODAY]);
    expect(table.code).toBe(0);
    const anticoag = table.out.indexOf('Anticoag');
    expect(anticoag).toBeGreaterThan(-1);
    expect(table.out).toMatch(/Urgent: same-day call/);
  });
});
