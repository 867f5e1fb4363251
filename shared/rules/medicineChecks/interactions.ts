/**
 * Interactions that matter in frail older people (`interaction-…`): a curated list of BNF interactions
 * (appendix 1) of severity "severe" or "moderate" with care-home relevance, and two drug–condition pairs.
 * Each explanation names the medicines and what to consider; the prescriber decides.
 */
import { distinctByEntry, findingItem, inAnyGroup, listNames, medName, condition, type CheckContext, type Draft, type Finding } from './common';
import type { CurrentMedicine, MedicineGroup } from '../medicines';

export const INTERACTION_RULES = ['interaction-lithium', 'interaction-anticoagulant-bleeding', 'interaction-methotrexate-trimethoprim',
  'interaction-potassium', 'interaction-ace-arb', 'interaction-serotonergic', 'interaction-qt', 'interaction-antipsychotic-parkinson'] as const;

const names = (meds: CurrentMedicine[]) => listNames(meds.map(medName));

interface Pair { rule: (typeof INTERACTION_RULES)[number]; a: MedicineGroup[]; b: MedicineGroup[]; what: string; consider: string }

const PAIRS: readonly Pair[] = [
  {
    rule: 'interaction-lithium', a: ['lithium'], b: ['ace-inhibitor', 'arb', 'thiazide', 'loop-diuretic', 'nsaid'],
    what: 'lithium with a medicine that raises the lithium level',
    consider: 'checking the lithium level and kidney function now and after any dose change, and whether the other medicine is needed — toxicity is easily missed in older people (BNF interactions: severe)',
  },
  {
    rule: 'interaction-anticoagulant-bleeding', a: ['anticoagulant'], b: ['nsaid', 'antiplatelet'],
    what: 'an anticoagulant with an NSAID or antiplatelet',
    consider: 'whether the NSAID or antiplatelet is still needed, and stomach protection if both continue — the bleeding risk is much higher together (BNF interactions: severe; STOPP/START v3)',
  },
  {
    rule: 'interaction-methotrexate-trimethoprim', a: ['dmard'], b: ['trimethoprim'],
    what: 'methotrexate with trimethoprim',
    consider: 'a different antibiotic and a blood count — trimethoprim with methotrexate can cause life-threatening bone-marrow suppression (BNF interactions: severe)',
  },
  {
    rule: 'interaction-potassium', a: ['potassium-sparing', 'potassium'], b: ['ace-inhibitor', 'arb'],
    what: 'a potassium-sparing diuretic or potassium with an ACE inhibitor or ARB',
    consider: 'checking potassium and kidney function, especially after an illness with vomiting, diarrhoea or poor drinking — the potassium can rise dangerously (BNF interactions: severe)',
  },
  {
    rule: 'interaction-ace-arb', a: ['ace-inhibitor'], b: ['arb'],
    what: 'an ACE inhibitor with an angiotensin II receptor blocker',
    consider: 'whether both are needed — together they raise the risk of high potassium, low blood pressure and kidney injury (MHRA Drug Safety Update, 2014)',
  },
];

/** One of the curated pairs: a medicine of group a with a different medicine of group b. */
export function pairInteraction(c: CheckContext, pair: Pair): Finding | null {
  const as = inAnyGroup(c, ...pair.a);
  const bs = inAnyGroup(c, ...pair.b).filter((b) => !as.some((a) => a.entry === b.entry));
  if (as.length === 0 || bs.length === 0) return null;
  // methotrexate is the DMARD that interacts with trimethoprim
  const first = pair.rule === 'interaction-methotrexate-trimethoprim' ? as.filter((m) => m.entry?.name === 'Methotrexate') : as;
  if (first.length === 0) return null;
  const meds = [...first, ...bs];
  return { rule: pair.rule, meds, what: `${names(meds)}: ${pair.what}`, consider: pair.consider };
}

/** Two or more different serotonergic medicines. */
export function serotonergic(c: CheckContext): Finding | null {
  const meds = distinctByEntry(inAnyGroup(c, 'serotonergic'));
  if (meds.length < 2) return null;
  return {
    rule: 'interaction-serotonergic', meds, what: `${names(meds)}: ${meds.length} medicines that raise serotonin`,
    consider: 'whether all are needed, and watching for agitation, confusion, tremor, sweating or fever (serotonin syndrome) after any dose increase (BNF interactions)',
  };
}

/** Two or more different medicines with a known risk of QT prolongation. */
export function qtProlonging(c: CheckContext): Finding | null {
  const meds = distinctByEntry(inAnyGroup(c, 'qt-prolonging'));
  if (meds.length < 2) return null;
  return {
    rule: 'interaction-qt', meds, what: `${names(meds)}: ${meds.length} medicines that prolong the QT interval`,
    consider: 'whether both are needed, an ECG, and checking potassium and magnesium — the risk of a dangerous heart rhythm adds up (CredibleMeds known risk; BNF interactions)',
  };
}

/** An antipsychotic other than quetiapine or clozapine in Parkinson's disease or Lewy body dementia (a drug–condition pair). */
export function antipsychoticParkinson(c: CheckContext): Finding | null {
  const found = condition(c, /parkinson|lewy/i);
  if (!found) return null;
  // STOPP/START v3 names quetiapine and clozapine as the exceptions
  const meds = inAnyGroup(c, 'antipsychotic').filter((m) => m.entry?.name !== 'Quetiapine' && m.entry?.name !== 'Clozapine');
  if (meds.length === 0) return null;
  return {
    rule: 'interaction-antipsychotic-parkinson', meds, what: `${names(meds)} with ${found}`,
    consider: 'stopping or changing it with the specialist — antipsychotics can badly worsen movement and cause severe reactions in Parkinson’s disease and Lewy body dementia; if one is essential, quetiapine or clozapine are the usual choices (STOPP/START v3; NICE NG71, NG97)',
  };
}

export function interactionItems(c: CheckContext): (Draft | null)[] {
  return [...PAIRS.map((p) => pairInteraction(c, p)), serotonergic(c), qtProlonging(c), antipsychoticParkinson(c)]
    .map((f) => (f ? findingItem(c, f) : null));
}
