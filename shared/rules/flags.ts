/**
 * Flags from care homes (DOMAIN.md section 1): reading categories and severities as care homes write
 * them, deriving a severity from the category and any score, the lifecycle, and which open flags are
 * "waiting". Pure: the store and the importers call these, the tests call them directly.
 */
import { addDays } from '../dates';
import { FLAG_CATEGORIES, FLAG_SEVERITIES, type FlagCategory, type FlagSeverity, type FlagStatus } from '../domain/enums';
import { normaliseName } from '../text';

export interface FlagScores {
  news2?: number;
  must?: number;
  fourAt?: number;
  /** Any single NEWS2 parameter scored 3 (a "red score"). */
  news2Parameter3?: boolean;
}

/** Words care homes use for each category, after normaliseName (lower case, hyphens as spaces). */
const CATEGORY_SYNONYMS: Record<FlagCategory, string[]> = {
  fall: ['fall', 'falls', 'fell', 'fallen', 'found on floor', 'found on the floor', 'slip', 'trip', 'slipped'],
  'weight-loss': ['weight loss', 'weight', 'losing weight', 'lost weight', 'weightloss', 'must'],
  news2: ['news2', 'news', 'news 2', 'obs', 'observations', 'deterioration', 'deteriorating', 'unwell', 'sepsis', 'suspected sepsis'],
  'soft-signs': ['soft signs', 'soft sign', 'not themselves', 'not herself', 'not himself', 'restore2', 'restore 2'],
  confusion: ['confusion', 'confused', 'delirium', '4at', 'new confusion', 'more confused'],
  skin: ['skin', 'pressure ulcer', 'pressure sore', 'pressure damage', 'wound', 'skin tear', 'pressure area', 'pressure areas', 'ulcer'],
  infection: ['infection', 'uti', 'chest infection', 'cellulitis', 'urine infection', 'infected', 'temperature', 'fever', 'covid'],
  behaviour: ['behaviour', 'behavior', 'behaviour change', 'behavior change', 'agitation', 'agitated', 'aggression', 'distressed', 'distress'],
  pain: ['pain', 'in pain', 'painful'],
  'eating-drinking': ['eating drinking', 'eating and drinking', 'eating', 'drinking', 'nutrition', 'hydration', 'swallowing', 'dysphagia', 'not eating', 'not drinking', 'poor intake'],
  medication: ['medication', 'medicine', 'medicines', 'meds', 'refusing medicines', 'refusing medication', 'drug', 'drugs', 'prescription'],
  'end-of-life': ['end of life', 'eol', 'palliative', 'dying', 'end of life care'],
  'family-concern': ['family concern', 'family', 'relative', 'relative concern', 'family worried', 'family request', 'nok', 'next of kin'],
  admission: ['admission', 'admitted', 'new admission', 'readmission', 're admission', 'new resident', 'hospital admission'],
  discharge: ['discharge', 'discharged', 'hospital discharge', 'back from hospital', 'returned from hospital'],
  other: ['other', 'general', 'misc', 'miscellaneous'],
};

const CATEGORY_LOOKUP = new Map<string, FlagCategory>();
for (const category of FLAG_CATEGORIES) {
  CATEGORY_LOOKUP.set(normaliseName(category), category);
  for (const word of CATEGORY_SYNONYMS[category]) CATEGORY_LOOKUP.set(normaliseName(word), category);
}

/**
 * Reads a category as written ("Fall", "falls", "fell"). An unknown word becomes `other`, and the word
 * is kept as `original` so nothing the home wrote is lost; a blank is `other` with no original.
 */
export function parseCategory(raw: string): { category: FlagCategory; original: string | null; recognised: boolean } {
  const text = raw.trim();
  if (text === '') return { category: 'other', original: null, recognised: false };
  const found = CATEGORY_LOOKUP.get(normaliseName(text).replace(/\s*\/\s*|\s+and\s+|\s*&\s*/g, ' '));
  if (found) return { category: found, original: normaliseName(text) === found.replace(/-/g, ' ') ? null : text, recognised: true };
  return { category: 'other', original: text, recognised: false };
}

const SEVERITY_SYNONYMS: Record<FlagSeverity, string[]> = {
  'escalate-now': ['escalate now', 'escalate', 'emergency', 'immediate', 'now', 'same day', 'red', '999', 'critical'],
  urgent: ['urgent', 'very high', 'amber red'],
  high: ['high', 'amber', 'important', 'this week'],
  medium: ['medium', 'moderate', 'med', 'yellow', 'normal', 'when possible'],
  routine: ['routine', 'low', 'green', 'non urgent', 'not urgent', 'scheduled'],
};

const SEVERITY_LOOKUP = new Map<string, FlagSeverity>();
for (const severity of FLAG_SEVERITIES) {
  for (const word of [severity, ...SEVERITY_SYNONYMS[severity]]) SEVERITY_LOOKUP.set(normaliseName(word), severity);
}

/** Reads a severity as written; null when blank or not recognised (the caller derives one then). */
export function parseSeverity(raw: string): FlagSeverity | null {
  const text = normaliseName(raw);
  return text === '' ? null : (SEVERITY_LOOKUP.get(text) ?? null);
}

/** escalate-now = 0 … routine = 4: lower is more severe. */
export function severityRank(severity: FlagSeverity): number {
  return FLAG_SEVERITIES.indexOf(severity);
}

export function isLowering(from: FlagSeverity, to: FlagSeverity): boolean {
  return severityRank(to) > severityRank(from);
}

/** The severity a category carries on its own (DOMAIN.md section 1 examples). */
export const CATEGORY_SEVERITY: Record<FlagCategory, FlagSeverity> = {
  fall: 'high',
  'weight-loss': 'high',
  news2: 'medium',
  'soft-signs': 'medium',
  confusion: 'urgent',
  skin: 'high',
  infection: 'high',
  behaviour: 'high',
  pain: 'medium',
  'eating-drinking': 'medium',
  medication: 'medium',
  'end-of-life': 'urgent',
  'family-concern': 'medium',
  admission: 'urgent',
  discharge: 'urgent',
  other: 'medium',
};

export interface SeverityDecision {
  severity: FlagSeverity;
  /** Plain English: why this severity. */
  reason: string;
}

/**
 * The severity of a flag: the most severe of the category's own severity, what the scores say
 * (NEWS2 ≥ 5 or any parameter scoring 3 → escalate-now; 4AT ≥ 4 → urgent; MUST ≥ 2 → high), words
 * that mean same-day escalation in the details (suspected sepsis), and the severity the home gave.
 * A severity the home gave is never lowered by this function: a person can only raise it here.
 */
export function deriveSeverity(input: { category: FlagCategory; scores?: FlagScores | undefined; text?: string | undefined; given?: FlagSeverity | null | undefined }): SeverityDecision {
  const found: SeverityDecision[] = [];
  const s = input.scores ?? {};
  if (s.news2 !== undefined && s.news2 >= 5) found.push({ severity: 'escalate-now', reason: `NEWS2 score ${s.news2} (5 or more): escalate today` });
  if (s.news2Parameter3) found.push({ severity: 'escalate-now', reason: 'A single NEWS2 parameter scored 3: escalate today' });
  if (input.text && /\bsepsis\b|\bseptic\b/i.test(input.text) && !/\bno (signs of )?sepsis\b/i.test(input.text)) {
    found.push({ severity: 'escalate-now', reason: 'Suspected sepsis: escalate today' });
  }
  if (s.fourAt !== undefined && s.fourAt >= 4) found.push({ severity: 'urgent', reason: `4AT score ${s.fourAt} (4 or more): possible delirium` });
  if (s.must !== undefined && s.must >= 2) found.push({ severity: 'high', reason: `MUST score ${s.must} (2 or more): high risk of malnutrition` });
  if (input.given) found.push({ severity: input.given, reason: 'Severity given by the care home' });
  found.push({ severity: CATEGORY_SEVERITY[input.category], reason: `Usual severity for ${input.category.replace(/-/g, ' ')}` });
  const best = Math.min(...found.map((f) => severityRank(f.severity)));
  const reasons = found.filter((f) => severityRank(f.severity) === best);
  return { severity: FLAG_SEVERITIES[best] ?? 'medium', reason: reasons[0]?.reason ?? '' };
}

/** Forward steps of the lifecycle: open → on-agenda → addressed → closed (an agenda slot can be given back). */
const NEXT: Record<FlagStatus, FlagStatus[]> = {
  open: ['on-agenda', 'addressed', 'closed'],
  'on-agenda': ['open', 'addressed'],
  addressed: ['closed'],
  closed: [],
};

export function canMoveTo(from: FlagStatus, to: FlagStatus): boolean {
  return NEXT[from].includes(to);
}

/** Every home's round is weekly: a flag open longer than one cycle is "waiting". */
export const ROUND_CYCLE_DAYS = 7;

/** An open flag raised more than a round cycle ago has waited too long: list it as "waiting". */
export function isWaiting(flag: { status: FlagStatus; raisedOn: string }, today: string, cycleDays = ROUND_CYCLE_DAYS): boolean {
  return flag.status === 'open' && flag.raisedOn < addDays(today, -cycleDays);
}

export const FLAG_LABELS = {
  severity: { 'escalate-now': 'Escalate now', urgent: 'Urgent', high: 'High', medium: 'Medium', routine: 'Routine' } as Record<FlagSeverity, string>,
  status: { open: 'Open', 'on-agenda': 'On agenda', addressed: 'Addressed', closed: 'Closed' } as Record<FlagStatus, string>,
  category: {
    fall: 'Fall', 'weight-loss': 'Weight loss', news2: 'NEWS2', 'soft-signs': 'Soft signs', confusion: 'Confusion', skin: 'Skin',
    infection: 'Infection', behaviour: 'Behaviour', pain: 'Pain', 'eating-drinking': 'Eating and drinking', medication: 'Medication',
    'end-of-life': 'End of life', 'family-concern': 'Family concern', admission: 'Admission', discharge: 'Discharge', other: 'Other',
  } as Record<FlagCategory, string>,
};
