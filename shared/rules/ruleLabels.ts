/**
 * Words for people, ids for code: the one table of labels for every rule id a person may read
 * (screens, prints, reports, audit, CSV headers). A rule id printed for a person is a defect, so every
 * new rule id gets its label here; families of ids (`monitoring-…`, `duplicate-…`) may share a
 * prefix label until a more specific one is added.
 */

/** Exact rule ids. Keep alphabetical within each group. */
export const RULE_LABELS: Readonly<Record<string, string>> = {
  // Care-home flags and the round's own reasons
  'flag-escalate-now': 'Escalate now: follow-up',
  'flag-urgent': 'Urgent concern from the home',
  'flag-high': 'Concern from the home',
  'flag-medium': 'Concern from the home (if time allows)',
  'flag-routine': 'Routine concern from the home',
  'family-concern': 'Family concern',
  'open-actions': 'Actions from an earlier round',
  continuity: 'Not seen for a while',
  'added-by-hand': 'Added by the clinician',
  // Admission, discharge and care plans
  'new-admission-pcsp': 'New admission: assessment and care plan',
  'post-discharge': 'After hospital discharge: medicines reconciliation',
  'pcsp-review': 'Care and support plan review',
  // Medication reviews
  smr: 'Structured medication review',
  'smr-annual': 'Structured medication review',
  polypharmacy: 'Structured medication review (10 or more medicines)',
  'antipsychotic-dementia': 'Antipsychotic review (dementia)',
  'acb-high': 'Anticholinergic burden: deprescribing',
  'fall-frid': 'Falls medication review',
  'stopp-duration': 'STOPP: medicine taken too long',
  'monitoring-lithium': 'Lithium monitoring',
  'monitoring-methotrexate': 'Methotrexate monitoring',
  'monitoring-doac': 'Anticoagulant (DOAC) monitoring',
  'monitoring-warfarin': 'Warfarin (INR) monitoring',
  'monitoring-amiodarone': 'Amiodarone monitoring',
  'monitoring-digoxin': 'Digoxin monitoring',
  'monitoring-dmard': 'DMARD blood monitoring',
  'monitoring-metformin': 'Metformin: kidney function',
  'monitoring-doac-dose': 'DOAC dose against kidney function',
  'monitoring-renal': 'Kidney function and potassium monitoring',
  // Medicines safety checks (shared/rules/medicineChecks)
  'duplicate-anticoagulant': 'Two anticoagulants at once',
  'duplicate-antipsychotic': 'Two antipsychotics',
  'duplicate-benzodiazepine': 'Two benzodiazepines or Z-drugs',
  'duplicate-nsaid': 'Two anti-inflammatory painkillers (NSAIDs)',
  'duplicate-paracetamol': 'Two medicines containing paracetamol',
  'duplicate-ppi': 'Two proton pump inhibitors',
  'duplicate-ssri': 'Two SSRI antidepressants',
  'duplicate-statin': 'Two statins',
  'interaction-ace-arb': 'Interaction: ACE inhibitor with ARB',
  'interaction-anticoagulant-bleeding': 'Interaction: anticoagulant with NSAID or antiplatelet',
  'interaction-antipsychotic-parkinson': 'Antipsychotic with Parkinson’s or Lewy body dementia',
  'interaction-lithium': 'Interaction: lithium',
  'interaction-methotrexate-trimethoprim': 'Interaction: methotrexate with trimethoprim',
  'interaction-potassium': 'Interaction: potassium raised',
  'interaction-qt': 'Interaction: heart rhythm (QT)',
  'interaction-serotonergic': 'Interaction: serotonin syndrome risk',
  'start-ace-heart-failure': 'Possible omission: ACE inhibitor in heart failure',
  'start-anticoagulant-af': 'Possible omission: anticoagulant in atrial fibrillation',
  'start-bone-osteoporosis': 'Possible omission: bone treatment in osteoporosis',
  'start-opioid-laxative': 'Possible omission: laxative with an opioid',
  'stopp-anticholinergic-dementia': 'STOPP: anticholinergic medicine with dementia',
  'stopp-beta-blocker-verapamil': 'STOPP: beta-blocker with verapamil or diltiazem',
  'stopp-first-generation-antihistamine': 'STOPP: sedating antihistamine',
  'stopp-glitazone-heart-failure': 'STOPP: pioglitazone with heart failure',
  'stopp-long-acting-sulfonylurea': 'STOPP: long-acting sulfonylurea',
  'stopp-nsaid-heart-failure': 'STOPP: NSAID with heart failure',
  'stopp-rate-limiting-ccb-heart-failure': 'STOPP: verapamil or diltiazem with heart failure',
  'stoppfrail-anti-dementia': 'STOPPFrail: anti-dementia medicine',
  'stoppfrail-antiplatelet': 'STOPPFrail: antiplatelet for prevention',
  'stoppfrail-bone': 'STOPPFrail: osteoporosis treatment',
  'stoppfrail-diabetes': 'STOPPFrail: diabetes medicines',
  'stoppfrail-lipid-lowering': 'STOPPFrail: statin or lipid-lowering medicine',
  // Advance care planning
  'acp-missing': 'Advance care plan not yet recorded',
  'acp-review': 'Advance care plan review',
  'ppd-missing': 'Preferred place of care and death not recorded',
  'end-of-life': 'End of life care',
  'end-of-life-reassess': 'End of life: look again at the GSF code',
  'cpr-conflict': 'CPR decisions disagree',
};

/** Labels for families of ids, longest prefix first. */
const PREFIX_LABELS: readonly (readonly [string, string])[] = [
  ['monitoring-', 'Blood test monitoring'],
  ['duplicate-', 'Possible duplicate medicines'],
  ['interaction-', 'Medicines that may interact'],
  ['start-', 'Possible medicine omission (START)'],
  ['stoppfrail-', 'Medicine of little benefit now (STOPPFrail)'],
  ['stopp-', 'STOPP: potentially inappropriate medicine'],
  ['end-of-life', 'End of life care'],
  ['flag-', 'Concern from the home'],
];

/** The label a person reads for a rule id; an unknown id reads as a plain "Other reason", never the id. */
export function ruleLabel(rule: string): string {
  const exact = RULE_LABELS[rule];
  if (exact !== undefined) return exact;
  for (const [prefix, label] of PREFIX_LABELS) if (rule.startsWith(prefix)) return label;
  return 'Other reason';
}
