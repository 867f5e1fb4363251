/**
 * The medicines safety checks (shared/rules/medicineChecks): every rule id with a case that fires and a case
 * that does not, through the one entry point the app uses (medicationDueItems).
 */
import { describe, expect, it } from 'vitest';
import type { ResidentSnapshot } from '../../shared/domain/snapshot';
import { livesWithDementia } from '../../shared/rules/dementia';
import { DUPLICATE_RULES } from '../../shared/rules/medicineChecks/duplicates';
import { INTERACTION_RULES } from '../../shared/rules/medicineChecks/interactions';
import { START_RULES } from '../../shared/rules/medicineChecks/start';
import { STOPP_RULES } from '../../shared/rules/medicineChecks/stopp';
import { STOPPFRAIL_RULES } from '../../shared/rules/medicineChecks/stoppFrail';
import { DEFAULT_REVIEW_SETTINGS } from '../../shared/rules/reviewSettings';
import { MEDICATION_RULES, medicationDueItems } from '../../shared/rules/reviews';
import { RULE_LABELS } from '../../shared/rules/ruleLabels';
import { medicineFigures } from '../../main/services/reviews';
import { deferred, done, med, snapshot } from '../helpers/snapshot';

const TODAY = '2026-11-23';
const START = '2026-01-01';

interface Case {
  meds: string[];
  conditions?: string[];
  frailty?: number;
  gsf?: string;
  dementia?: boolean;
  /** A higher ACB threshold, so the burden item does not take the STOPP dementia criterion into itself. */
  acbThreshold?: number;
}

function build(c: Case, reviews = [] as ResidentSnapshot['reviews']): ResidentSnapshot {
  const s = snapshot({
    resident: { frailty: c.frailty ?? 4, dementia: c.dementia ?? false },
    medications: c.meds.map((m) => med(m, START)),
    conditions: (c.conditions ?? []).map((name, i) => ({ id: i + 1, name, code: null, onset: null })),
    reviews,
  });
  if (c.gsf) {
    s.carePlans = [{ id: 1, element: 'gsf', value: c.gsf, details: {}, recordedOn: '2026-10-01', reviewDue: null, participants: {}, source: 'test', supersededBy: null }];
  }
  return s;
}
const rulesFor = (c: Case) => medicationDueItems(build(c), TODAY, { ...DEFAULT_REVIEW_SETTINGS, acbThreshold: c.acbThreshold ?? DEFAULT_REVIEW_SETTINGS.acbThreshold }).map((i) => i.rule);

const CASES: [rule: string, fires: Case, doesNot: Case][] = [
  ['duplicate-anticoagulant', { meds: ['Warfarin 1mg tablets', 'Apixaban 5mg tablets'] }, { meds: ['Apixaban 5mg tablets', 'Aspirin 75mg dispersible tablets'] }],
  ['duplicate-anticoagulant', { meds: ['Apixaban 5mg tablets', 'Xarelto 20mg tablets'] }, { meds: ['Apixaban 2.5mg tablets'] }],
  ['duplicate-paracetamol', { meds: ['Co-codamol 30mg/500mg tablets', 'Paracetamol 500mg tablets'] }, { meds: ['Paracetamol 500mg tablets', 'Senna 7.5mg tablets'] }],
  ['duplicate-nsaid', { meds: ['Ibuprofen 400mg tablets', 'Naproxen 250mg tablets'] }, { meds: ['Ibuprofen 5% gel', 'Naproxen 250mg tablets'] }],
  ['duplicate-ssri', { meds: ['Sertraline 50mg tablets', 'Citalopram 20mg tablets'] }, { meds: ['Sertraline 50mg tablets', 'Sertraline 100mg tablets'] }],
  ['duplicate-ppi', { meds: ['Omeprazole 20mg capsules', 'Lansoprazole 15mg capsules'] }, { meds: ['Omeprazole 20mg capsules'] }],
  ['duplicate-antipsychotic', { meds: ['Risperidone 500microgram tablets', 'Quetiapine 25mg tablets'] },
    { meds: ['Risperidone 500microgram tablets', 'Haloperidol 5mg/ml injection PRN'] }],
  ['duplicate-benzodiazepine', { meds: ['Diazepam 2mg tablets', 'Zopiclone 3.75mg tablets'] },
    { meds: ['Diazepam 2mg tablets', 'Midazolam 10mg/2ml injection, 2.5mg subcut when required, just in case'] }],
  ['duplicate-statin', { meds: ['Atorvastatin 20mg tablets', 'Simvastatin 40mg tablets'] }, { meds: ['Atorvastatin 20mg tablets', 'Ezetimibe 10mg tablets'] }],
  ['interaction-lithium', { meds: ['Lithium carbonate 400mg tablets', 'Ramipril 2.5mg capsules'] }, { meds: ['Lithium carbonate 400mg tablets', 'Amlodipine 5mg tablets'] }],
  ['interaction-lithium', { meds: ['Priadel 400mg tablets', 'Furosemide 40mg tablets'] }, { meds: ['Furosemide 40mg tablets', 'Ramipril 2.5mg capsules'] }],
  ['interaction-anticoagulant-bleeding', { meds: ['Apixaban 5mg tablets', 'Naproxen 250mg tablets'] }, { meds: ['Apixaban 5mg tablets', 'Ibuprofen 5% gel'] }],
  ['interaction-anticoagulant-bleeding', { meds: ['Warfarin 1mg tablets', 'Clopidogrel 75mg tablets'] }, { meds: ['Warfarin 1mg tablets', 'Paracetamol 500mg tablets'] }],
  ['interaction-methotrexate-trimethoprim', { meds: ['Methotrexate 2.5mg tablets', 'Trimethoprim 100mg tablets'] },
    { meds: ['Methotrexate 2.5mg tablets', 'Nitrofurantoin 50mg capsules'] }],
  ['interaction-potassium', { meds: ['Spironolactone 25mg tablets', 'Ramipril 2.5mg capsules'] }, { meds: ['Furosemide 40mg tablets', 'Ramipril 2.5mg capsules'] }],
  ['interaction-ace-arb', { meds: ['Ramipril 2.5mg capsules', 'Losartan 50mg tablets'] }, { meds: ['Ramipril 2.5mg capsules', 'Amlodipine 5mg tablets'] }],
  ['interaction-serotonergic', { meds: ['Sertraline 50mg tablets', 'Tramadol 50mg capsules'] }, { meds: ['Sertraline 50mg tablets', 'Paracetamol 500mg tablets'] }],
  ['interaction-qt', { meds: ['Citalopram 20mg tablets', 'Clarithromycin 500mg tablets'] }, { meds: ['Citalopram 20mg tablets', 'Amoxicillin 500mg capsules'] }],
  ['interaction-antipsychotic-parkinson', { meds: ['Risperidone 500microgram tablets'], conditions: ['Parkinson’s disease'] },
    { meds: ['Quetiapine 25mg tablets'], conditions: ['Parkinson’s disease'] }],
  ['interaction-antipsychotic-parkinson', { meds: ['Haloperidol 500microgram tablets'], conditions: ['Dementia with Lewy bodies'] },
    { meds: ['Haloperidol 500microgram tablets'] }],
  ['start-opioid-laxative', { meds: ['Zomorph 10mg modified-release capsules'] }, { meds: ['Zomorph 10mg modified-release capsules', 'Laxido oral powder sachets'] }],
  ['start-opioid-laxative', { meds: ['Co-codamol 30mg/500mg tablets'] }, { meds: ['Morphine sulfate 10mg/5ml injection, just in case'] }],
  ['start-anticoagulant-af', { meds: ['Bisoprolol 2.5mg tablets'], conditions: ['Atrial fibrillation'] }, { meds: ['Apixaban 5mg tablets'], conditions: ['Atrial fibrillation'] }],
  ['start-anticoagulant-af', { meds: [], conditions: ['Atrial fibrillation'] }, { meds: [], conditions: ['Atrial fibrillation'], frailty: 7 }],
  ['start-bone-osteoporosis', { meds: [], conditions: ['Osteoporosis'] }, { meds: ['Alendronic acid 70mg tablets', 'Adcal-D3 chewable tablets'], conditions: ['Osteoporosis'] }],
  ['start-ace-heart-failure', { meds: ['Furosemide 40mg tablets'], conditions: ['Heart failure'] }, { meds: ['Ramipril 2.5mg capsules'], conditions: ['Heart failure'] }],
  ['stopp-anticholinergic-dementia', { meds: ['Oxybutynin 5mg tablets'], dementia: true, acbThreshold: 6 }, { meds: ['Oxybutynin 5mg tablets'], acbThreshold: 6 }],
  ['stopp-anticholinergic-dementia', { meds: ['Amitriptyline 10mg tablets', 'Donepezil 10mg tablets'], acbThreshold: 6 },
    { meds: ['Mirabegron 50mg tablets', 'Donepezil 10mg tablets'], acbThreshold: 6 }],
  ['stopp-nsaid-heart-failure', { meds: ['Naproxen 250mg tablets'], conditions: ['Congestive heart failure'] }, { meds: ['Naproxen 250mg tablets'] }],
  ['stopp-glitazone-heart-failure', { meds: ['Pioglitazone 15mg tablets'], conditions: ['Heart failure'] }, { meds: ['Pioglitazone 15mg tablets'] }],
  ['stopp-rate-limiting-ccb-heart-failure', { meds: ['Diltiazem 60mg tablets'], conditions: ['Heart failure'] }, { meds: ['Amlodipine 5mg tablets'], conditions: ['Heart failure'] }],
  ['stopp-beta-blocker-verapamil', { meds: ['Bisoprolol 2.5mg tablets', 'Verapamil 40mg tablets'] }, { meds: ['Bisoprolol 2.5mg tablets', 'Amlodipine 5mg tablets'] }],
  ['stopp-long-acting-sulfonylurea', { meds: ['Glimepiride 1mg tablets'] }, { meds: ['Gliclazide 80mg tablets'] }],
  ['stopp-first-generation-antihistamine', { meds: ['Chlorphenamine 4mg tablets'] }, { meds: ['Cetirizine 10mg tablets'] }],
  ['stoppfrail-lipid-lowering', { meds: ['Atorvastatin 20mg tablets'], frailty: 7 }, { meds: ['Atorvastatin 20mg tablets'], frailty: 6 }],
  ['stoppfrail-bone', { meds: ['Alendronic acid 70mg tablets'], gsf: 'C' }, { meds: ['Alendronic acid 70mg tablets'], gsf: 'B' }],
  ['stoppfrail-anti-dementia', { meds: ['Donepezil 10mg tablets'], frailty: 8 }, { meds: ['Donepezil 10mg tablets'], frailty: 5 }],
  ['stoppfrail-antiplatelet', { meds: ['Aspirin 75mg dispersible tablets'], gsf: 'D' }, { meds: ['Aspirin 75mg dispersible tablets'] }],
  ['stoppfrail-diabetes', { meds: ['Gliclazide 80mg tablets'], frailty: 7 }, { meds: ['Gliclazide 80mg tablets'], frailty: 4 }],
];

describe('every medicines safety rule fires when it should, and not otherwise', () => {
  it.each(CASES)('H13: %s', (rule, fires, doesNot) => {
    expect(rulesFor(fires)).toContain(rule);
    expect(rulesFor(doesNot)).not.toContain(rule);
  });

  it('covers every new rule id, each with a label for people', () => {
    const ids = [...DUPLICATE_RULES, ...INTERACTION_RULES, ...START_RULES, ...STOPP_RULES, ...STOPPFRAIL_RULES];
    expect(new Set(CASES.map(([rule]) => rule))).toEqual(new Set(ids));
    for (const id of MEDICATION_RULES) expect(RULE_LABELS[id], id).toBeTruthy();
  });
});

describe('what each item says and when it counts as answered', () => {
  it('H13: two oral anticoagulants are urgent, a same-day call, and a structured medication review does not answer it', () => {
    const c: Case = { meds: ['Warfarin 1mg tablets', 'Apixaban 5mg tablets'] };
    const [item] = medicationDueItems(build(c, [done('smr', '2026-06-01')]), TODAY).filter((i) => i.rule === 'duplicate-anticoagulant');
    expect(item).toMatchObject({ urgent: true, status: 'overdue', due: START });
    expect(item?.explanation).toBe('Warfarin and Apixaban: 2 anticoagulants at once (since 01/01/2026) — consider a same-day call to the prescriber: two oral anticoagulants together carry a high risk of serious bleeding; check which one the resident should be taking and that the other was stopped (BNF)');
    expect(medicationDueItems(build(c, [done('duplicate-anticoagulant', '2026-06-01')]), TODAY).map((i) => i.rule)).not.toContain('duplicate-anticoagulant');
  });

  it('a heparin with an oral anticoagulant is raised, but not as urgent (it may be a planned bridge)', () => {
    const [item] = medicationDueItems(build({ meds: ['Enoxaparin 40mg/0.4ml injection', 'Warfarin 1mg tablets'] }), TODAY).filter((i) => i.rule === 'duplicate-anticoagulant');
    expect(item?.urgent).toBeUndefined();
    expect(item?.explanation).toMatch(/planned bridge/);
  });

  it('a routine finding is answered by a structured medication review after the newest medicine started, not before', () => {
    const c: Case = { meds: ['Co-codamol 30mg/500mg tablets', 'Paracetamol 500mg tablets'] };
    expect(medicationDueItems(build(c, [done('smr', '2026-06-01')]), TODAY).map((i) => i.rule)).not.toContain('duplicate-paracetamol');
    expect(medicationDueItems(build(c, [done('smr', '2025-12-01')]), TODAY).map((i) => i.rule)).toContain('duplicate-paracetamol');
  });

  it('a deferral holds a finding back until its date', () => {
    const s = build({ meds: ['Lithium carbonate 400mg tablets', 'Ramipril 2.5mg capsules'] }, [deferred('interaction-lithium', '2026-12-01')]);
    expect(medicationDueItems(s, TODAY).map((i) => i.rule)).not.toContain('interaction-lithium');
    expect(medicationDueItems(s, '2026-12-02').map((i) => i.rule)).toContain('interaction-lithium');
  });

  it('each explanation says what to consider and names its source', () => {
    const all = CASES.flatMap(([rule, fires]) => medicationDueItems(build(fires), TODAY, { ...DEFAULT_REVIEW_SETTINGS, acbThreshold: fires.acbThreshold ?? 3 })
      .filter((i) => i.rule === rule));
    expect(all.length).toBeGreaterThanOrEqual(CASES.length);
    for (const item of all) expect(item.explanation, item.rule).toMatch(/— consider .*\((BNF|STOPP|START|MHRA|CredibleMeds|STOPPFrail)/);
  });

  it('STOPPFrail is worded for deprescribing with the family, naming why the resident qualifies', () => {
    const [item] = medicationDueItems(build({ meds: ['Atorvastatin 20mg tablets'], gsf: 'C' }), TODAY).filter((i) => i.rule === 'stoppfrail-lipid-lowering');
    expect(item?.explanation).toBe('Atorvastatin (since 01/01/2026), with Gold Standards Framework code C — consider stopping it with the resident and family — it prevents heart attacks and strokes over years, so it is unlikely to help now and is one less tablet (STOPPFrail v2: lipid-lowering therapies)');
  });
});

describe('the burden item and the STOPP dementia criterion are one conversation', () => {
  it('names the STOPP criterion in the burden item instead of listing it twice', () => {
    const items = medicationDueItems(build({ meds: ['Oxybutynin 5mg tablets', 'Donepezil 10mg tablets'] }), TODAY);
    expect(items.map((i) => i.rule)).not.toContain('stopp-anticholinergic-dementia');
    expect(items.find((i) => i.rule === 'acb-high')?.explanation)
      .toMatch(/; with dementia \(on donepezil, so treated as living with dementia\), STOPP v3 names drugs with anticholinergic properties in dementia or delirium$/);
  });
});

describe('monitoring: DMARDs, kidney function, digoxin, metformin', () => {
  it.each([
    ['monitoring-dmard', 'Azathioprine 50mg tablets', '2026-04-01'],
    ['monitoring-renal', 'Ramipril 2.5mg capsules', '2027-01-01'],
    ['monitoring-digoxin', 'Digoxin 62.5microgram tablets', '2027-01-01'],
    ['monitoring-metformin', 'Metformin 500mg tablets', '2027-01-01'],
  ])('%s for %s is due on %s, and not before the due-soon window', (rule, name, due) => {
    const s = snapshot({ medications: [med(name, START)] });
    const on = (today: string) => medicationDueItems(s, today).find((i) => i.rule === rule);
    expect(on(due)?.due).toBe(due);
    expect(on('2026-03-01')).toBeUndefined();
    expect(on(due)?.explanation).toMatch(/every \d+ months?/);
  });

  it('a recorded check moves the next one on', () => {
    const s = snapshot({ medications: [med('Azathioprine 50mg tablets', START)], reviews: [done('monitoring-dmard', '2026-11-01')] });
    expect(medicationDueItems(s, TODAY).find((i) => i.rule === 'monitoring-dmard')).toBeUndefined();
    expect(medicationDueItems(s, '2027-02-01').find((i) => i.rule === 'monitoring-dmard')?.due).toBe('2027-02-01');
  });
});

describe('just-in-case medicines are in place, not taken', () => {
  const jic = ['Midazolam 10mg/2ml injection, 2.5mg subcut when required, just in case', 'Haloperidol 5mg/ml injection PRN'];

  it('H13: raise no benzodiazepine, antipsychotic, falls or burden prompt, even with dementia and a fall', () => {
    const s = snapshot({
      resident: { dementia: true }, medications: [...jic.map((m) => med(m, '2026-01-01')), med('Morphine sulfate 10mg/ml injection', '2026-01-01', { dose: 'Anticipatory: 2.5mg s/c when required' })],
      events: [{ id: 1, type: 'fall', date: '2026-11-20', details: null, source: 'test' }],
    });
    const rules = medicationDueItems(s, TODAY).map((i) => i.rule);
    expect(rules.filter((r) => ['antipsychotic-dementia', 'stopp-duration', 'fall-frid', 'acb-high', 'start-opioid-laxative'].includes(r))).toEqual([]);
  });

  it('an oral medicine taken as required still counts (an as-required benzodiazepine for months is a STOPP item)', () => {
    const s = snapshot({ medications: [med('Lorazepam 500microgram tablets', '2026-01-01', { dose: 'One when required for anxiety' })], reviews: [done('smr', '2025-12-01')] });
    expect(medicationDueItems(s, TODAY).map((i) => i.rule)).toContain('stopp-duration');
  });

  it('a marking stored on import counts as well as the text', () => {
    const s = snapshot({ resident: { dementia: true }, medications: [med('Haloperidol 500microgram tablets', '2026-01-01', { asNeeded: 'just-in-case' })] });
    expect(medicationDueItems(s, TODAY).map((i) => i.rule)).not.toContain('antipsychotic-dementia');
  });
});

describe('livesWithDementia: one decision, with its reason', () => {
  it.each([
    [{ conditions: ['Alzheimer’s disease'] }, 'diagnosis', 'Alzheimer’s disease coded'],
    [{ dementia: true }, 'recorded', 'dementia recorded'],
    [{ meds: ['Donepezil 10mg tablets'] }, 'medicine', 'on donepezil, so treated as living with dementia'],
    [{ meds: ['Memantine 10mg tablets'] }, 'medicine', 'on memantine, so treated as living with dementia'],
    [{ meds: ['Rivastigmine 4.6mg/24hours transdermal patches'] }, 'medicine', 'on rivastigmine, so treated as living with dementia'],
    [{ meds: ['Galantamine 8mg modified-release capsules'] }, 'medicine', 'on galantamine, so treated as living with dementia'],
  ])('%o -> %s', (c, source, text) => {
    expect(livesWithDementia(build({ meds: [], ...c }))).toEqual({ source, text });
  });

  it('is null with no diagnosis, no record and no anti-dementia medicine', () => {
    expect(livesWithDementia(build({ meds: ['Sertraline 50mg tablets'], conditions: ['Depression'] }))).toBeNull();
  });
});

describe('the agenda’s medicines figures', () => {
  it('carry the findings to discuss (urgent first in words) and the just-in-case medicines in place', () => {
    const s = snapshot({ reviews: [], medications: [med('Warfarin 1mg tablets', START), med('Apixaban 5mg tablets', START), med('Haloperidol 5mg/ml injection PRN', START)] });
    const f = medicineFigures(s, TODAY, DEFAULT_REVIEW_SETTINGS);
    expect(f.toDiscuss).toEqual(['Urgent: Two anticoagulants at once']);
    expect(f.justInCase).toEqual(['Haloperidol 5mg/ml injection PRN']);
  });
});
