/**
 * Therapeutic duplication (`duplicate-…`): two products of the same kind taken at once. Two anticoagulants
 * is urgent — a same-day call to the prescriber; the rest are for the next review. Sources: BNF drug classes
 * (shared/data/medicines.json); NICE NG5 (medicines optimisation); MHRA Drug Safety Update on paracetamol
 * overdose from combination products.
 */
import { inGroup, type CurrentMedicine, type MedicineGroup } from '../medicines';
import { distinctByEntry, findingItem, inAnyGroup, listNames, medName, type CheckContext, type Draft, type Finding } from './common';

export const DUPLICATE_RULES = ['duplicate-anticoagulant', 'duplicate-paracetamol', 'duplicate-nsaid', 'duplicate-ssri', 'duplicate-ppi',
  'duplicate-antipsychotic', 'duplicate-benzodiazepine', 'duplicate-statin'] as const;

const names = (meds: CurrentMedicine[]) => listNames(meds.map(medName));

/** Two anticoagulants (warfarin with a DOAC, two DOACs, or two records of one): urgent unless a heparin bridge. */
export function duplicateAnticoagulant(c: CheckContext): Finding | null {
  const meds = inAnyGroup(c, 'anticoagulant');
  if (meds.length < 2) return null;
  const oral = meds.filter((m) => inGroup(m, 'doac') || inGroup(m, 'vka'));
  const urgent = oral.length >= 2;
  return {
    rule: 'duplicate-anticoagulant', meds, urgent,
    what: `${names(meds)}: ${meds.length} anticoagulants at once`,
    consider: urgent
      ? 'a same-day call to the prescriber: two oral anticoagulants together carry a high risk of serious bleeding; check which one the resident should be taking and that the other was stopped (BNF)'
      : 'whether this is a planned bridge from a heparin to an oral anticoagulant, and when the heparin stops; otherwise the bleeding risk is high (BNF)',
  };
}

/** Two paracetamol-containing products (paracetamol with co-codamol, two combination products). */
export function duplicateParacetamol(c: CheckContext): Finding | null {
  const meds = inAnyGroup(c, 'paracetamol');
  if (meds.length < 2) return null;
  return {
    rule: 'duplicate-paracetamol', meds,
    what: `${names(meds)}: ${meds.length} products that contain paracetamol`,
    consider: 'whether both are needed, and that the total paracetamol in 24 hours stays within the maximum (lower for people under 50 kg) — a common cause of accidental overdose (BNF; MHRA)',
  };
}

/** Two NSAIDs taken by mouth (creams and gels not counted). */
export function duplicateNsaid(c: CheckContext): Finding | null {
  const meds = inAnyGroup(c, 'nsaid');
  if (meds.length < 2) return null;
  return {
    rule: 'duplicate-nsaid', meds,
    what: `${names(meds)}: ${meds.length} anti-inflammatory painkillers (NSAIDs)`,
    consider: 'stopping one: two NSAIDs add stomach bleeding and kidney risk without more pain relief (BNF; STOPP/START v3)',
  };
}

const CLASS_DUPLICATES: readonly { rule: (typeof DUPLICATE_RULES)[number]; group: MedicineGroup; words: string; consider: string }[] = [
  { rule: 'duplicate-ssri', group: 'ssri', words: 'SSRI antidepressants', consider: 'whether one antidepressant would do: two SSRIs add the risk of serotonin syndrome, low sodium and bleeding (BNF)' },
  { rule: 'duplicate-ppi', group: 'ppi', words: 'proton pump inhibitors', consider: 'stopping one: two PPIs give no added benefit (BNF)' },
  { rule: 'duplicate-antipsychotic', group: 'antipsychotic', words: 'antipsychotics', consider: 'whether both are still needed: two antipsychotics add sedation, falls, stroke and QT risk (BNF; STOPP/START v3)' },
  { rule: 'duplicate-benzodiazepine', group: 'benzodiazepine', words: 'benzodiazepines or Z-drugs', consider: 'whether one or both can be reduced: together they add sedation, confusion and falls (BNF; STOPP/START v3)' },
  { rule: 'duplicate-statin', group: 'statin', words: 'statins', consider: 'stopping one: two statins add muscle toxicity without benefit (BNF)' },
];

/** Two different medicines of the same class (two records of one medicine, e.g. two strengths, are not counted). */
export function duplicateClasses(c: CheckContext): Finding[] {
  const found: Finding[] = [];
  for (const d of CLASS_DUPLICATES) {
    const meds = distinctByEntry(inAnyGroup(c, d.group));
    if (meds.length < 2) continue;
    found.push({ rule: d.rule, meds, what: `${names(meds)}: ${meds.length} ${d.words}`, consider: d.consider });
  }
  return found;
}

export function duplicateItems(c: CheckContext): (Draft | null)[] {
  return [duplicateAnticoagulant(c), duplicateParacetamol(c), duplicateNsaid(c), ...duplicateClasses(c)]
    .map((f) => (f ? findingItem(c, f) : null));
}
