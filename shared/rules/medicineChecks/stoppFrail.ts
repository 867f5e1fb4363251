/**
 * STOPPFrail (`stoppfrail-…`, STOPPFrail v2, Curtin et al. 2021) for residents at the end of life or severely
 * frail: a Gold Standards Framework code of C or D, or a Clinical Frailty Scale score of 7 or more when the
 * record carries one. Medicines of little benefit now, worded for deprescribing with the resident and family.
 */
import type { ResidentSnapshot } from '../../domain/snapshot';
import { currentEntries } from '../carePlan';
import type { MedicineGroup } from '../medicines';
import { findingItem, inAnyGroup, listNames, medName, type CheckContext, type Draft, type Finding } from './common';

export const STOPPFRAIL_RULES = ['stoppfrail-lipid-lowering', 'stoppfrail-bone', 'stoppfrail-anti-dementia', 'stoppfrail-antiplatelet',
  'stoppfrail-diabetes'] as const;

/** Clinical Frailty Scale: 7 is severely frail. */
export const SEVERE_FRAILTY = 7;

/** Why the resident is in STOPPFrail's population, or null: "Gold Standards Framework code C", "Clinical Frailty Scale 7". */
export function frailOrEndOfLife(snapshot: Pick<ResidentSnapshot, 'resident' | 'carePlans'>): string | null {
  const gsf = currentEntries(snapshot.carePlans).gsf?.value.trim().toUpperCase();
  if (gsf === 'C' || gsf === 'D') return `Gold Standards Framework code ${gsf}`;
  const cfs = snapshot.resident.frailty;
  if (cfs !== null && cfs >= SEVERE_FRAILTY) return `Clinical Frailty Scale ${cfs}`;
  return null;
}

const CRITERIA: readonly { rule: (typeof STOPPFRAIL_RULES)[number]; groups: MedicineGroup[]; criterion: string; consider: string }[] = [
  { rule: 'stoppfrail-lipid-lowering', groups: ['statin', 'lipid-lowering'], criterion: 'lipid-lowering therapies',
    consider: 'stopping it with the resident and family — it prevents heart attacks and strokes over years, so it is unlikely to help now and is one less tablet' },
  { rule: 'stoppfrail-bone', groups: ['bone-antiresorptive'], criterion: 'anti-resorptive therapy for osteoporosis',
    consider: 'stopping it with the resident and family — the benefit takes years to come, and it is hard to take' },
  { rule: 'stoppfrail-anti-dementia', groups: ['anti-dementia'], criterion: 'acetylcholinesterase inhibitors and memantine',
    consider: 'talking with the family about whether it still helps: if there is no clear benefit now, stopping it (watching for a change in behaviour)' },
  { rule: 'stoppfrail-antiplatelet', groups: ['antiplatelet'], criterion: 'antiplatelets for primary prevention',
    consider: 'whether it was started to prevent a first heart attack or stroke: if so, stopping it removes bleeding risk with little loss' },
  { rule: 'stoppfrail-diabetes', groups: ['sulfonylurea', 'insulin'], criterion: 'diabetes medicines: avoid tight control',
    consider: 'relaxing the blood sugar targets and simplifying the medicines — low blood sugar is the greater danger now' },
];

export function stoppFrailFindings(c: CheckContext, why: string | null): Finding[] {
  if (!why) return [];
  const found: Finding[] = [];
  for (const k of CRITERIA) {
    const meds = inAnyGroup(c, ...k.groups);
    if (meds.length === 0) continue;
    found.push({ rule: k.rule, meds, what: listNames(meds.map(medName)), context: `, with ${why}`, consider: `${k.consider} (STOPPFrail v2: ${k.criterion})` });
  }
  return found;
}

export function stoppFrailItems(c: CheckContext, why: string | null): (Draft | null)[] {
  return stoppFrailFindings(c, why).map((f) => findingItem(c, f));
}
