/**
 * The round's time model and where each reason is dealt with: the ONE place that classifies a rule id by
 * its prefix (DOMAIN.md section 2 ids, and the families other rules add).
 *
 * Minutes mean clinician time at the home. Defaults come from how care-home rounds run (10–15 minutes a
 * resident on average); every figure is a practice setting (Settings screen, stored under `round.`).
 *
 * Where a reason goes (`sessionFor`):
 *  - `monitoring-*`: the practice nurse's or phlebotomy visit's task list, not the GP round;
 *  - structured-medication-review work (`smr-annual`, `polypharmacy`, `acb-high`, `fall-frid`, `stopp-*`,
 *    `duplicate-*`, `interaction-*`, `start-*`, `stoppfrail-*`): the home's pharmacist session when the home
 *    has pharmacist minutes, else the round at 15 minutes;
 *  - everything else, and any reason marked `urgent` (a same-day call to the prescriber): the round.
 * Advance-care-plan items (`acp-*`, `ppd-missing`) take 5 minutes on the round to agree and book a
 * care-planning conversation, which has its own list.
 */
import { z } from 'zod';
import type { DueItem } from '../domain/due';

export const DEFAULT_ROUND_TIME = {
  huddleMinutes: 10,
  notesMinutes: 2,
  acuteMinutes: 10,
  seenAndWellMinutes: 5,
  antipsychoticMinutes: 5,
  postDischargeMinutes: 10,
  newAdmissionMinutes: 25,
  endOfLifeMinutes: 25,
  medicationReviewMinutes: 15,
  carePlanningMinutes: 5,
  otherReviewMinutes: 10,
  furtherDiscussionMinutes: 3,
  residentMaxMinutes: 15,
  residentLongMaxMinutes: 30,
  pharmacistMinutesPerResident: 20,
};
export type RoundTime = typeof DEFAULT_ROUND_TIME;

export interface RoundTimeField {
  key: keyof RoundTime;
  label: string;
  hint: string;
  min: number;
  max: number;
}

export const ROUND_TIME_FIELDS: readonly RoundTimeField[] = [
  { key: 'huddleMinutes', label: 'Huddle with the nurse in charge at the start', min: 0, max: 60, hint: 'Once a round. Default 10 minutes.' },
  { key: 'notesMinutes', label: 'Notes for each resident seen', min: 0, max: 15, hint: 'Counted in each resident’s time. Default 2 minutes.' },
  { key: 'acuteMinutes', label: 'Acute problem or a concern from the home', min: 1, max: 60, hint: 'Default 10 minutes.' },
  { key: 'seenAndWellMinutes', label: '“Seen and well”, continuity or open actions', min: 1, max: 60, hint: 'Default 5 minutes.' },
  { key: 'antipsychoticMinutes', label: 'Antipsychotic check', min: 1, max: 60, hint: 'Default 5 minutes.' },
  { key: 'postDischargeMinutes', label: 'After a hospital discharge: review and reconciliation', min: 1, max: 60, hint: 'Default 10 minutes.' },
  { key: 'newAdmissionMinutes', label: 'New admission assessment', min: 1, max: 60, hint: 'Default 25 minutes.' },
  { key: 'endOfLifeMinutes', label: 'End-of-life conversation with the family', min: 1, max: 60, hint: 'Default 25 minutes.' },
  { key: 'medicationReviewMinutes', label: 'Medication review on the round (homes without a pharmacist session)', min: 1, max: 60, hint: 'Default 15 minutes.' },
  { key: 'carePlanningMinutes', label: 'Agree and book a care-planning conversation', min: 1, max: 60, hint: 'The conversation itself is booked separately. Default 5 minutes.' },
  { key: 'otherReviewMinutes', label: 'Any other review', min: 1, max: 60, hint: 'For example a care and support plan review. Default 10 minutes.' },
  { key: 'furtherDiscussionMinutes', label: 'Each further discussion for the same resident', min: 0, max: 30, hint: 'The longest discussion counts in full. Default 3 minutes.' },
  { key: 'residentMaxMinutes', label: 'Most time for one resident', min: 5, max: 60, hint: 'Notes included. Default 15 minutes.' },
  { key: 'residentLongMaxMinutes', label: 'Most time for a new admission or an end-of-life conversation', min: 5, max: 90, hint: 'Notes included. Default 30 minutes.' },
  { key: 'pharmacistMinutesPerResident', label: 'Pharmacist’s structured medication review, per resident', min: 5, max: 90, hint: 'For homes with a pharmacist session. Default 20 minutes.' },
];

export const roundTimeSchema = z.object(Object.fromEntries(ROUND_TIME_FIELDS.map((f) => [f.key,
  z.number({ error: `Enter a number for “${f.label}”` }).int(`“${f.label}” must be a whole number`)
    .min(f.min, `“${f.label}” must be ${f.min} or more`).max(f.max, `“${f.label}” must be ${f.max} or less`)])) as
  { [K in keyof RoundTime]: z.ZodNumber }).strict();

/** Settings read from storage: unknown keys ignored, missing or out-of-range values fall back to defaults. */
export function roundTimeFrom(stored: Record<string, string>): RoundTime {
  const out: RoundTime = { ...DEFAULT_ROUND_TIME };
  for (const f of ROUND_TIME_FIELDS) {
    const n = stored[f.key] === undefined ? NaN : Number(stored[f.key]);
    if (Number.isInteger(n) && n >= f.min && n <= f.max) out[f.key] = n;
  }
  return out;
}

/** The kinds of conversation a reason needs on the round; each has its minutes in the time model. */
export type DiscussionKind = 'acute' | 'seen-and-well' | 'antipsychotic' | 'post-discharge' | 'new-admission' | 'end-of-life'
  | 'medication-review' | 'care-planning' | 'monitoring' | 'other-review';

/** Structured-medication-review work: one review covers all of it. */
const SMR_RULES = new Set(['smr-annual', 'polypharmacy', 'acb-high', 'fall-frid']);
const SMR_PREFIXES = ['stopp-', 'duplicate-', 'interaction-', 'start-', 'stoppfrail-'];
const CARE_PLANNING_RULES = new Set(['acp-missing', 'acp-review', 'ppd-missing']);

export function isMedicationReviewWork(rule: string): boolean {
  return SMR_RULES.has(rule) || SMR_PREFIXES.some((p) => rule.startsWith(p));
}
export const isEndOfLife = (rule: string): boolean => rule.startsWith('end-of-life');
export const isCarePlanning = (rule: string): boolean => CARE_PLANNING_RULES.has(rule);
export const isMonitoring = (rule: string): boolean => rule.startsWith('monitoring-');

export function discussionFor(rule: string): DiscussionKind {
  if (rule.startsWith('flag-') || rule === 'family-concern' || rule === 'added-by-hand') return 'acute';
  if (rule === 'continuity' || rule === 'open-actions') return 'seen-and-well';
  if (rule === 'antipsychotic-dementia') return 'antipsychotic';
  if (rule === 'post-discharge') return 'post-discharge';
  if (rule === 'new-admission-pcsp') return 'new-admission';
  if (isEndOfLife(rule)) return 'end-of-life';
  if (isMedicationReviewWork(rule)) return 'medication-review';
  if (isCarePlanning(rule)) return 'care-planning';
  if (isMonitoring(rule)) return 'monitoring';
  return 'other-review';
}

/** Discussions that may take a resident past the usual most time (up to `residentLongMaxMinutes`). */
const LONG: ReadonlySet<DiscussionKind> = new Set(['new-admission', 'end-of-life']);

export function discussionMinutes(kind: DiscussionKind, t: RoundTime): number {
  switch (kind) {
    case 'acute': return t.acuteMinutes;
    case 'seen-and-well': return t.seenAndWellMinutes;
    case 'antipsychotic': return t.antipsychoticMinutes;
    case 'post-discharge': return t.postDischargeMinutes;
    case 'new-admission': return t.newAdmissionMinutes;
    case 'end-of-life': return t.endOfLifeMinutes;
    case 'medication-review': return t.medicationReviewMinutes;
    case 'care-planning': return t.carePlanningMinutes;
    case 'monitoring': return t.acuteMinutes;
    case 'other-review': return t.otherReviewMinutes;
  }
}

/** Where a reason is dealt with this week. */
export type Session = 'round' | 'tasks' | 'pharmacist';

export const SESSION_LABEL: Record<Session, string> = {
  round: 'The GP round', tasks: 'Task list for the practice nurse or phlebotomy visit', pharmacist: 'The pharmacist’s session',
};

export function sessionFor(reason: Pick<DueItem, 'rule' | 'urgent'>, hasPharmacist: boolean): Session {
  if (reason.urgent) return 'round';
  if (isMonitoring(reason.rule)) return 'tasks';
  if (hasPharmacist && isMedicationReviewWork(reason.rule)) return 'pharmacist';
  return 'round';
}

/**
 * One conversation per key: a family's concern (with the relative there) and an urgent call stand alone;
 * otherwise reasons of one kind are one discussion (all the home's flags are one look at what staff raised).
 */
function discussionKey(reason: Pick<DueItem, 'rule' | 'urgent'>): { key: string; kind: DiscussionKind } {
  if (reason.urgent) return { key: `urgent:${reason.rule}`, kind: 'acute' };
  const kind = discussionFor(reason.rule);
  return { key: reason.rule === 'family-concern' ? 'family-concern' : kind, kind };
}

/**
 * A resident's minutes on the round: the longest discussion in full, each further one adds
 * `furtherDiscussionMinutes`, plus the notes; at most `residentMaxMinutes`, or `residentLongMaxMinutes`
 * with a new-admission assessment or an end-of-life conversation. Notes included. A resident back from
 * hospital (post-discharge with `new-admission-pcsp`) is not a new admission: the care-plan update is a
 * further discussion beside the post-discharge review.
 */
export function residentMinutes(reasons: readonly Pick<DueItem, 'rule' | 'urgent'>[], t: RoundTime = DEFAULT_ROUND_TIME): number {
  if (reasons.length === 0) return 0;
  const back = reasons.some((r) => r.rule === 'post-discharge');
  const byKey = new Map<string, DiscussionKind>();
  for (const r of reasons) {
    const { key, kind } = discussionKey(r);
    if (back && kind === 'new-admission') byKey.set('care-plan-update', 'other-review');
    else byKey.set(key, kind);
  }
  const kinds = [...byKey.values()];
  const longest = Math.max(...kinds.map((k) => discussionMinutes(k, t)));
  const cap = kinds.some((k) => LONG.has(k)) ? t.residentLongMaxMinutes : t.residentMaxMinutes;
  return Math.min(cap, longest + t.furtherDiscussionMinutes * (kinds.length - 1) + t.notesMinutes);
}
