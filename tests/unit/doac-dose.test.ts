/**
 * `monitoring-doac-dose`: each DOAC's dose against the licensed adjustment for creatinine clearance, age and
 * weight, through the one entry point the app uses (medicationDueItems). Firing and not firing for each DOAC.
 */
import { describe, expect, it } from 'vitest';
import type { LabTest, ResidentSnapshot, SnapshotResult } from '../../shared/domain/snapshot';
import { cockcroftGault, doseMg, dosesPerDay } from '../../shared/rules/medicineChecks/doacDose';
import { medicationDueItems } from '../../shared/rules/reviews';
import { ruleLabel } from '../../shared/rules/ruleLabels';
import { done, med, snapshot } from '../helpers/snapshot';

const TODAY = '2026-11-23';
const RESULT_DAY = '2026-10-01';

interface Case {
  med: string;
  dose?: string;
  results?: Partial<Record<LabTest, number | string>>;
  /** Date of birth: 1940-01-01 is 86 today; 1950-01-01 is 76. */
  born?: string;
  sex?: 'male' | 'female' | 'unknown';
  conditions?: string[];
  resultDate?: string;
}

const UNITS: Record<LabTest, string> = { crcl: 'mL/min', egfr: 'mL/min/1.73m2', creatinine: 'micromol/L', weight: 'kg' };

function build(c: Case, reviews: ResidentSnapshot['reviews'] = []): ResidentSnapshot {
  const s = snapshot({
    resident: { dateOfBirth: c.born ?? '1950-01-01', sex: c.sex ?? 'female' },
    medications: [med(c.med, '2026-01-01', { dose: c.dose ?? null })],
    conditions: (c.conditions ?? ['Atrial fibrillation']).map((name, i) => ({ id: i + 1, name, code: null, onset: null })),
    reviews,
  });
  s.results = Object.entries(c.results ?? {}).map(([test, raw]): SnapshotResult => {
    const text = String(raw);
    return { test: test as LabTest, value: Number(text.replace(/^[<>]/, '')), comparator: /^[<>]/.test(text) ? (text[0] as '<' | '>') : null,
      unit: UNITS[test as LabTest], date: c.resultDate ?? RESULT_DAY };
  });
  return s;
}
const doseItem = (c: Case, reviews?: ResidentSnapshot['reviews']) =>
  medicationDueItems(build(c, reviews), TODAY).find((i) => i.rule === 'monitoring-doac-dose') ?? null;

const CASES: [name: string, fires: Case, doesNot: Case][] = [
  ['rivaroxaban 20 mg with creatinine clearance 15–49 (15 mg)',
    { med: 'Rivaroxaban 20mg tablets', dose: 'One daily', results: { crcl: 35 } },
    { med: 'Rivaroxaban 15mg tablets', dose: 'One daily', results: { crcl: 35 } }],
  ['rivaroxaban 15 mg for atrial fibrillation with creatinine clearance 50 or more (20 mg)',
    { med: 'Rivaroxaban 15mg tablets', dose: 'One daily', results: { crcl: 72 } },
    { med: 'Rivaroxaban 20mg tablets', dose: 'One daily', results: { crcl: 72 } }],
  ['edoxaban 60 mg with creatinine clearance 15–50 (30 mg)',
    { med: 'Edoxaban 60mg tablets', results: { crcl: 45, weight: 70 } },
    { med: 'Edoxaban 60mg tablets', results: { crcl: 51, weight: 70 } }],
  ['edoxaban 60 mg at 60 kg or less (30 mg)',
    { med: 'Lixiana 60mg tablets', results: { weight: 55 } },
    { med: 'Edoxaban 30mg tablets', results: { crcl: 45, weight: 55 } }],
  ['dabigatran 150 mg from age 80 (110 mg)',
    { med: 'Dabigatran etexilate 150mg capsules', dose: 'One twice a day', born: '1940-01-01', results: { crcl: 60 } },
    { med: 'Dabigatran etexilate 110mg capsules', dose: 'One twice a day', born: '1940-01-01', results: { crcl: 60 } }],
  ['dabigatran with creatinine clearance below 30 (contraindicated)',
    { med: 'Pradaxa 110mg capsules', dose: 'One twice a day', born: '1940-01-01', results: { crcl: 25 } },
    { med: 'Pradaxa 110mg capsules', dose: 'One twice a day', born: '1940-01-01', results: { crcl: 30 } }],
  ['apixaban 5 mg with two of age 80, weight 60 kg and creatinine 133 (2.5 mg)',
    { med: 'Apixaban 5mg tablets', dose: 'One twice a day', born: '1940-01-01', results: { weight: 52, crcl: 40 } },
    { med: 'Apixaban 5mg tablets', dose: 'One twice a day', born: '1940-01-01', results: { weight: 72, creatinine: 110, crcl: 40 } }],
  ['apixaban 5 mg with creatinine clearance 15–29 (2.5 mg)',
    { med: 'Eliquis 5mg tablets', dose: 'One twice a day', results: { crcl: 25 } },
    { med: 'Eliquis 2.5mg tablets', dose: 'One twice a day', results: { crcl: 25 } }],
  ['apixaban 2.5 mg for atrial fibrillation with no dose-reduction criterion (5 mg)',
    { med: 'Apixaban 2.5mg tablets', dose: 'One twice a day', results: { weight: 80, creatinine: 90, crcl: 62 } },
    { med: 'Apixaban 2.5mg tablets', dose: 'One twice a day', results: { crcl: 62 } }],
  ['any DOAC with creatinine clearance below 15 (not recommended)',
    { med: 'Apixaban 2.5mg tablets', dose: 'One twice a day', results: { crcl: 12 } },
    { med: 'Apixaban 2.5mg tablets', dose: 'One twice a day', results: { crcl: 16 } }],
];

describe('monitoring-doac-dose: each DOAC against the licensed dose for the kidney function the records show', () => {
  it.each(CASES)('H13: %s', (_name, fires, doesNot) => {
    expect(doseItem(fires), 'fires').not.toBeNull();
    expect(doseItem(doesNot), 'does not fire').toBeNull();
  });

  it('H13: names the medicine, dose, result, date and source, and says what to consider, not what to do', () => {
    const item = doseItem({ med: 'Rivaroxaban 20mg tablets', dose: 'One daily', results: { crcl: 35 } });
    expect(item?.explanation).toBe('Rivaroxaban 20 mg once daily with creatinine clearance 35 mL/min on 01/10/2026 (since 01/10/2026) — consider the dose: '
      + 'with creatinine clearance 15–49 mL/min, the licensed dose is 15 mg once daily (Rivaroxaban SmPC; BNF; MHRA Drug Safety Update, October 2019: '
      + 'use creatinine clearance (Cockcroft–Gault, actual body weight) for DOACs)');
    expect(item?.status).toBe('due');
    expect(ruleLabel('monitoring-doac-dose')).toBe('DOAC dose against kidney function');
  });

  it('H13: with only an eGFR, asks for the dose to be checked against a creatinine clearance and never calls it wrong', () => {
    const item = doseItem({ med: 'Rivaroxaban 20mg tablets', dose: 'One daily', results: { egfr: 38 } });
    expect(item?.explanation).toContain('eGFR 38 mL/min/1.73m2 on 01/10/2026');
    expect(item?.explanation).toContain('calculating creatinine clearance (Cockcroft–Gault, actual body weight) and checking the dose against it');
    expect(item?.explanation).toContain('eGFR is not interchangeable with creatinine clearance');
    expect(item?.urgent).toBeUndefined();
    // an eGFR reported above a limit, or one that fits, raises nothing
    expect(doseItem({ med: 'Rivaroxaban 20mg tablets', dose: 'One daily', results: { egfr: '>90' } })).toBeNull();
    expect(doseItem({ med: 'Rivaroxaban 20mg tablets', dose: 'One daily', results: { egfr: 62 } })).toBeNull();
  });

  it('H13: calculates creatinine clearance (Cockcroft–Gault) from creatinine, weight, age and sex, and says so', () => {
    // woman of 76, 58 kg, creatinine 120: (140 - 76) x 58 x 1.04 / 120 = 32 mL/min
    expect(Math.round(cockcroftGault(76, 58, 120, 'female') ?? 0)).toBe(32);
    const item = doseItem({ med: 'Rivaroxaban 20mg tablets', dose: 'One daily', results: { creatinine: 120, weight: 58 } });
    expect(item?.explanation).toContain('creatinine clearance about 32 mL/min, calculated by Roundtable (Cockcroft–Gault, actual body weight) from serum creatinine 120 micromol/L');
    // sex not recorded: no calculation, nothing asserted
    expect(doseItem({ med: 'Rivaroxaban 20mg tablets', dose: 'One daily', sex: 'unknown', results: { creatinine: 120, weight: 58 } })).toBeNull();
  });

  it('H13: does not guess a dose it cannot read, nor apply the atrial fibrillation dose to a VTE treatment', () => {
    expect(doseMg({ text: 'Apixaban 2.5mg tablets', strengthMg: 2.5, dose: 'Two tablets twice a day' })).toBeNull();
    expect(doseItem({ med: 'Apixaban tablets', dose: 'As directed', results: { crcl: 25 } })).toBeNull();
    expect(doseItem({ med: 'Apixaban 2.5mg tablets', dose: 'Two tablets twice a day', results: { crcl: 25 } })).toBeNull();
    expect(doseItem({ med: 'Rivaroxaban 15mg tablets', dose: 'One twice a day', results: { crcl: 72 } })).toBeNull();
    expect(doseItem({ med: 'Rivaroxaban 20mg tablets', dose: 'One daily', conditions: ['Deep vein thrombosis'], results: { crcl: 35 } })).toBeNull();
    expect(dosesPerDay('One tablet twice daily')).toBe(2);
    expect(dosesPerDay('One tablet daily')).toBe(1);
    expect(dosesPerDay('As directed')).toBeNull();
  });

  it('H13: a creatinine clearance below 15 is urgent, and a review after the result answers the dose check until a newer result', () => {
    expect(doseItem({ med: 'Edoxaban 30mg tablets', results: { crcl: 12 } })?.urgent).toBe(true);
    // the kidney limit comes before the age criterion: dabigatran 150 mg at 86 with creatinine clearance 25 is contraindicated, urgent
    const dabigatran = doseItem({ med: 'Dabigatran etexilate 150mg capsules', dose: 'One twice a day', born: '1940-01-01', results: { crcl: 25 } });
    expect(dabigatran?.urgent).toBe(true);
    expect(dabigatran?.explanation).toContain('dabigatran is contraindicated below 30 mL/min');
    const mismatch: Case = { med: 'Rivaroxaban 20mg tablets', dose: 'One daily', results: { crcl: 35 } };
    expect(doseItem(mismatch, [done('monitoring-doac-dose', '2026-10-05')])).toBeNull();
    expect(doseItem({ ...mismatch, resultDate: '2026-11-01' }, [done('monitoring-doac-dose', '2026-10-05')])).not.toBeNull();
    // a structured medication review before the result does not answer it
    expect(doseItem(mismatch, [done('smr', '2026-06-01')])).not.toBeNull();
  });

  it('H13: says when the result it read is more than 12 months old', () => {
    const item = doseItem({ med: 'Rivaroxaban 20mg tablets', dose: 'One daily', results: { crcl: 35 }, resultDate: '2025-06-01' });
    expect(item?.explanation).toContain('a result more than 12 months old: a new one first');
  });
});
