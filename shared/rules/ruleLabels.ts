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
