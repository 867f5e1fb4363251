/**
 * The medication-review settings: intervals and minutes with their defaults (docs/clinical-rules.md). A practice
 * changes them on the Settings screen; each computed schedule records the settings in force and the
 * rules version. Values marked local have no national source.
 */
import { z } from 'zod';

export interface SettingField {
  key: keyof ReviewSettings;
  label: string;
  unit: 'months' | 'weeks' | 'days' | 'working days' | 'minutes' | 'medicines' | 'points' | 'years' | 'score';
  min: number;
  max: number;
  hint: string;
  group: 'intervals' | 'monitoring' | 'minutes';
}

export const DEFAULT_REVIEW_SETTINGS = {
  smrIntervalMonths: 12,
  smrDueSoonMonths: 11,
  polypharmacyThreshold: 10,
  polypharmacyIntervalMonths: 6,
  antipsychoticIntervalWeeks: 6,
  acbThreshold: 3,
  benzodiazepineMaxWeeks: 4,
  ppiMaxWeeks: 8,
  postDischargeDays: 7,
  pcspWorkingDays: 7,
  pcspWarnFromWorkingDay: 5,
  dueSoonDays: 14,
  lookbackDays: 56,
  lithiumLevelMonths: 3,
  lithiumRenalThyroidMonths: 6,
  methotrexateEarlyMonths: 6,
  methotrexateEarlyIntervalMonths: 1,
  methotrexateIntervalMonths: 3,
  doacIntervalMonths: 12,
  doacFrailIntervalMonths: 6,
  doacFrailAge: 75,
  doacFrailCfs: 5,
  warfarinIntervalWeeks: 12,
  amiodaroneIntervalMonths: 6,
  dmardIntervalMonths: 3,
  renalIntervalMonths: 12,
  digoxinIntervalMonths: 12,
  metforminIntervalMonths: 12,
  scheduleWeeks: 4,
  minutesSmr: 30,
  minutesAntipsychotic: 10,
  minutesMonitoring: 5,
  minutesPostDischarge: 20,
  minutesNewAdmission: 30,
  minutesMedicinesItem: 10,
};
export type ReviewSettings = typeof DEFAULT_REVIEW_SETTINGS;

export const SETTING_FIELDS: readonly SettingField[] = [
  { key: 'smrIntervalMonths', label: 'Structured medication review: every', unit: 'months', min: 1, max: 24, group: 'intervals', hint: 'NICE QS85: at least every 12 months.' },
  { key: 'smrDueSoonMonths', label: 'Structured medication review: “due soon” from', unit: 'months', min: 0, max: 24, group: 'intervals', hint: 'Months after the last review. Default 11.' },
  { key: 'polypharmacyThreshold', label: 'Polypharmacy: number of current medicines', unit: 'medicines', min: 2, max: 30, group: 'intervals', hint: 'At this many or more, the review is brought forward. Default 10.' },
  { key: 'polypharmacyIntervalMonths', label: 'Polypharmacy: review every', unit: 'months', min: 1, max: 24, group: 'intervals', hint: 'Local default: 6 months.' },
  { key: 'antipsychoticIntervalWeeks', label: 'Antipsychotic with dementia: review every', unit: 'weeks', min: 1, max: 52, group: 'intervals', hint: 'NICE NG97: every 6 weeks.' },
  { key: 'acbThreshold', label: 'Anticholinergic burden: review at a total of', unit: 'score', min: 1, max: 20, group: 'intervals', hint: 'ACB total at or above this. Default 3.' },
  { key: 'benzodiazepineMaxWeeks', label: 'Benzodiazepine or Z-drug: STOPP item after', unit: 'weeks', min: 1, max: 52, group: 'intervals', hint: 'STOPP v3: more than 4 weeks.' },
  { key: 'ppiMaxWeeks', label: 'Full-dose PPI: STOPP item after', unit: 'weeks', min: 1, max: 52, group: 'intervals', hint: 'STOPP v3: more than 8 weeks.' },
  { key: 'postDischargeDays', label: 'After a hospital discharge: reconciliation within', unit: 'days', min: 1, max: 28, group: 'intervals', hint: 'Local default: 7 days.' },
  { key: 'pcspWorkingDays', label: 'After admission: assessment and care plan within', unit: 'working days', min: 1, max: 30, group: 'intervals', hint: 'EHCH: 7 working days (weekends and bank holidays excluded).' },
  { key: 'pcspWarnFromWorkingDay', label: 'After admission: warn from working day', unit: 'working days', min: 0, max: 30, group: 'intervals', hint: 'Default 5.' },
  { key: 'dueSoonDays', label: 'Other reviews: “due soon” this many days ahead', unit: 'days', min: 0, max: 90, group: 'intervals', hint: 'Local default: 14 days.' },
  { key: 'lookbackDays', label: 'Admissions, discharges and falls: look back', unit: 'days', min: 7, max: 365, group: 'intervals', hint: 'Older events no longer raise a review. Local default: 56 days.' },
  { key: 'scheduleWeeks', label: 'Plan reviews into the rounds of the next', unit: 'weeks', min: 1, max: 12, group: 'intervals', hint: 'When no rounds are planned yet, the home’s usual round day and capacity are used.' },
  { key: 'lithiumLevelMonths', label: 'Lithium: level every', unit: 'months', min: 1, max: 12, group: 'monitoring', hint: 'BNF: every 3 months.' },
  { key: 'lithiumRenalThyroidMonths', label: 'Lithium: kidney and thyroid function every', unit: 'months', min: 1, max: 12, group: 'monitoring', hint: 'BNF: every 6 months.' },
  { key: 'methotrexateEarlyMonths', label: 'Methotrexate: first period of closer monitoring', unit: 'months', min: 0, max: 24, group: 'monitoring', hint: 'Default 6 months from the start.' },
  { key: 'methotrexateEarlyIntervalMonths', label: 'Methotrexate: bloods every (first period)', unit: 'months', min: 1, max: 12, group: 'monitoring', hint: 'Default monthly.' },
  { key: 'methotrexateIntervalMonths', label: 'Methotrexate: bloods every (after that)', unit: 'months', min: 1, max: 12, group: 'monitoring', hint: 'Default 3 months; local shared-care protocols override.' },
  { key: 'doacIntervalMonths', label: 'DOAC: kidney function every', unit: 'months', min: 1, max: 24, group: 'monitoring', hint: 'Default 12 months.' },
  { key: 'doacFrailIntervalMonths', label: 'DOAC, aged 75 or more or frail: every', unit: 'months', min: 1, max: 24, group: 'monitoring', hint: 'Default 6 months.' },
  { key: 'doacFrailAge', label: 'DOAC: closer monitoring from age', unit: 'years', min: 18, max: 120, group: 'monitoring', hint: 'Default 75.' },
  { key: 'doacFrailCfs', label: 'DOAC: frail from Clinical Frailty Scale', unit: 'points', min: 1, max: 9, group: 'monitoring', hint: 'Default 5 (mildly frail).' },
  { key: 'warfarinIntervalWeeks', label: 'Warfarin: INR at least every', unit: 'weeks', min: 1, max: 26, group: 'monitoring', hint: 'Default 12 weeks.' },
  { key: 'amiodaroneIntervalMonths', label: 'Amiodarone: thyroid and liver function every', unit: 'months', min: 1, max: 24, group: 'monitoring', hint: 'Default 6 months.' },
  { key: 'dmardIntervalMonths', label: 'Azathioprine, leflunomide, sulfasalazine: bloods every', unit: 'months', min: 1, max: 12, group: 'monitoring', hint: 'BSR guideline: every 3 months once stable; local shared-care protocols override.' },
  { key: 'renalIntervalMonths', label: 'ACE inhibitor, ARB or diuretic: kidney function and potassium every', unit: 'months', min: 1, max: 24, group: 'monitoring', hint: 'Local default: 12 months (NICE NG136, CKS).' },
  { key: 'digoxinIntervalMonths', label: 'Digoxin: kidney function and potassium every', unit: 'months', min: 1, max: 24, group: 'monitoring', hint: 'Local default: 12 months (BNF).' },
  { key: 'metforminIntervalMonths', label: 'Metformin: kidney function (eGFR) every', unit: 'months', min: 1, max: 24, group: 'monitoring', hint: 'NICE NG28: at least every 12 months.' },
  { key: 'minutesSmr', label: 'Structured medication review', unit: 'minutes', min: 1, max: 180, group: 'minutes', hint: 'Default 30 minutes.' },
  { key: 'minutesAntipsychotic', label: 'Antipsychotic review', unit: 'minutes', min: 1, max: 180, group: 'minutes', hint: 'Default 10 minutes.' },
  { key: 'minutesMonitoring', label: 'Monitoring check', unit: 'minutes', min: 1, max: 180, group: 'minutes', hint: 'Default 5 minutes.' },
  { key: 'minutesPostDischarge', label: 'Post-discharge reconciliation', unit: 'minutes', min: 1, max: 180, group: 'minutes', hint: 'Default 20 minutes.' },
  { key: 'minutesNewAdmission', label: 'New admission assessment', unit: 'minutes', min: 1, max: 180, group: 'minutes', hint: 'Local default: 30 minutes.' },
  { key: 'minutesMedicinesItem', label: 'Deprescribing or falls medicines item', unit: 'minutes', min: 1, max: 180, group: 'minutes', hint: 'Local default: 10 minutes.' },
];

export const reviewSettingsSchema = z.object(Object.fromEntries(SETTING_FIELDS.map((f) => [f.key,
  z.number({ error: `Enter a number for “${f.label}”` }).int(`“${f.label}” must be a whole number`)
    .min(f.min, `“${f.label}” must be ${f.min} or more`).max(f.max, `“${f.label}” must be ${f.max} or less`)])) as
  { [K in keyof ReviewSettings]: z.ZodNumber }).strict();

/** Settings read from storage: unknown keys ignored, missing or out-of-range values fall back to defaults. */
export function settingsFrom(stored: Record<string, string>): ReviewSettings {
  const out: ReviewSettings = { ...DEFAULT_REVIEW_SETTINGS };
  for (const f of SETTING_FIELDS) {
    const raw = stored[f.key];
    const n = raw === undefined ? NaN : Number(raw);
    if (Number.isInteger(n) && n >= f.min && n <= f.max) out[f.key] = n;
  }
  return out;
}
