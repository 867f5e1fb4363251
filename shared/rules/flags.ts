/**
 * Flags from care homes (docs/clinical-rules.md, flags): reading categories and severities as care homes write
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

/** The severity a category carries on its own (docs/clinical-rules.md, how a severity is derived). */
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
  /** Plain English: why this severity (with the words that gave a score read from the details). */
  reason: string;
  /**
   * How fast, for an escalate-now NEWS2: `emergency` (7 or more: 999/111 now, not a call back) or
   * `same-day-review` (5–6, or a single parameter scoring 3: an urgent clinical review today). Null otherwise.
   */
  response: 'emergency' | 'same-day-review' | null;
}

/** A NEWS2 score written in the details: "NEWS2 6", "NEWS 6", "news2=6", "NEWS2 score of 6", with the words that gave it. */
export function news2FromText(text: string | undefined): { score: number; words: string } | null {
  if (!text) return null;
  const re = /\bnews(?:\s*-?\s*2)?\s*(?:score\s*)?(?:[:=]\s*|(?:of|was|is|now|at)\s+)?(\d{1,2})(?:\s*\/\s*20\b)?(?!\s*(?:-|–|to)\s*\d)(?![\d.%/])/gid;
  for (const m of text.matchAll(re)) {
    const digits = m[1] ?? '';
    const before = m[0].slice(0, (m.indices?.[1]?.[0] ?? m.index) - m.index);
    // "NEWS2 not done": the 2 of the name is not a score.
    if (/s$/i.test(before)) continue;
    const score = Number(digits);
    if (score <= 20) return { score, words: m[0].trim() };
  }
  return null;
}

const NEGATED = (text: string, words: string) => new RegExp(`\\bno(t| sign of| signs of| obvious| apparent)?\\s+(${words})`, 'i').test(text);

/** A head injury mentioned in the details ("hit her head", "head injury", "bump to the head"), not "no head injury". */
export function mentionsHeadInjury(text: string | undefined): boolean {
  if (!text) return false;
  const injury = /\bhead\s+(injury|injuries|injured|wound|laceration|lac|strike|bang|bump|knock|trauma)\b|\b(hit|banged|bumped|knocked|struck|cut|injured)\s+(his|her|their|the|own)?\s*head\b|\b(bump|bang|knock|blow|cut|injury|laceration|wound|haematoma|hematoma|graze)\s+(on|to)\s+(the|his|her|their)?\s*(head|forehead|scalp)\b|\bhead\s*injury\b/i;
  if (!injury.test(text)) return false;
  return !NEGATED(text, 'head\\s+injury|head\\s+injuries|injury to (the )?head|bang(ed)? to (the )?head');
}

/** RESTORE2 soft signs in the details: new confusion (possible delirium) is urgent; the others at least high. */
function softSigns(text: string | undefined): { confusion: boolean; signs: string[] } {
  if (!text) return { confusion: false, signs: [] };
  const confusion = /\b(new(ly)?|more|increased|increasingly|acute(ly)?|sudden(ly)?)\s+confus|\bdelirium\b|\bdelirious\b/i.test(text) && !NEGATED(text, 'new confusion|confusion|delirium');
  const found: [RegExp, string][] = [
    [/\bdrows(y|iness)\b|\bmore sleepy\b|\bhard to (wake|rouse)\b/i, 'drowsiness'],
    [/\bnot (eating|drinking)\b|\boff (her|his|their) food\b|\bpoor (oral )?intake\b|\brefusing (food|fluids|diet)\b/i, 'not eating or drinking'],
    [/\bbreathless(ness)?\b|\bshort(ness)? of breath\b|\bSOB\b/, 'breathlessness'],
    [/\bnot (quite )?(themselves|herself|himself|(her|him|them) ?self)\b|\bnot right\b/i, 'not themselves'],
  ];
  return { confusion, signs: found.filter(([re]) => re.test(text)).map(([, w]) => w) };
}

/**
 * The severity of a flag: the most severe of the category's own severity, what the scores say, words in the
 * details, and the severity the home gave.
 *  - NEWS2 (its column, or read from the details): 7 or more escalate-now as an emergency response (999/111
 *    now); 5–6, or any one parameter scoring 3, escalate-now as an urgent same-day clinical review; 1–4 high.
 *  - Suspected sepsis escalate-now; 4AT ≥ 4 urgent; MUST ≥ 2 high.
 *  - RESTORE2 soft signs at least high; new confusion urgent (possible delirium).
 *  - A fall with a head injury urgent; with a head injury while on an anticoagulant escalate-now (NICE head injury).
 * A severity the home gave is never lowered: the derived one is the more severe of the two.
 */
export function deriveSeverity(input: {
  category: FlagCategory; scores?: FlagScores | undefined; text?: string | undefined; given?: FlagSeverity | null | undefined;
  /** Names of the resident's current anticoagulants, when the resident is known. */
  anticoagulants?: readonly string[] | undefined;
}): SeverityDecision {
  const found: (Omit<SeverityDecision, 'response'> & { response?: SeverityDecision['response'] })[] = [];
  const s = input.scores ?? {};
  const fromText = s.news2 === undefined ? news2FromText(input.text) : null;
  const news2 = s.news2 ?? fromText?.score;
  const source = fromText ? ` (read from the details: “${fromText.words}”)` : '';
  if (news2 !== undefined) {
    if (news2 >= 7) found.push({ severity: 'escalate-now', response: 'emergency', reason: `Emergency response: NEWS2 ${news2}${source} is 7 or more — call 999 (or 111 as local policy says) now, not a call back` });
    else if (news2 >= 5) found.push({ severity: 'escalate-now', response: 'same-day-review', reason: `Urgent same-day clinical review: NEWS2 ${news2}${source} is 5 or more — escalate today` });
    else if (news2 >= 1) found.push({ severity: 'high', reason: `NEWS2 ${news2}${source} (1 to 4): a clinical review this week, sooner if it rises` });
  }
  if (s.news2Parameter3) found.push({ severity: 'escalate-now', response: 'same-day-review', reason: 'Urgent same-day clinical review: a single NEWS2 parameter scored 3 — escalate today' });
  if (input.text && /\bsepsis\b|\bseptic\b/i.test(input.text) && !/\bno (signs of )?sepsis\b/i.test(input.text)) {
    found.push({ severity: 'escalate-now', response: 'same-day-review', reason: 'Suspected sepsis: escalate today' });
  }
  if (input.category === 'fall' && mentionsHeadInjury(input.text)) {
    const thinners = input.anticoagulants ?? [];
    if (thinners.length > 0) {
      found.push({ severity: 'escalate-now', response: 'same-day-review', reason: `Fall with a head injury while taking an anticoagulant (${thinners.join(', ')}): same-day assessment (NICE head injury guidance)` });
    } else found.push({ severity: 'urgent', reason: 'Fall with a head injury: assess soon, and check whether an anticoagulant is taken (then same day)' });
  }
  if (s.fourAt !== undefined && s.fourAt >= 4) found.push({ severity: 'urgent', reason: `4AT score ${s.fourAt} (4 or more): possible delirium` });
  const soft = softSigns(input.text);
  if (soft.confusion) found.push({ severity: 'urgent', reason: 'New confusion (a RESTORE2 soft sign): possible delirium' });
  if (soft.signs.length > 0) found.push({ severity: 'high', reason: `RESTORE2 soft signs (${soft.signs.join(', ')}): at least high` });
  if (input.category === 'soft-signs') found.push({ severity: 'high', reason: 'RESTORE2 soft signs: at least high' });
  if (s.must !== undefined && s.must >= 2) found.push({ severity: 'high', reason: `MUST score ${s.must} (2 or more): high risk of malnutrition` });
  if (input.given) found.push({ severity: input.given, reason: 'Severity given by the care home' });
  found.push({ severity: CATEGORY_SEVERITY[input.category], reason: `Usual severity for ${input.category.replace(/-/g, ' ')}` });
  const best = Math.min(...found.map((f) => severityRank(f.severity)));
  const top = found.filter((f) => severityRank(f.severity) === best);
  const first = top.find((f) => f.response === 'emergency') ?? top[0];
  const severity = FLAG_SEVERITIES[best] ?? 'medium';
  let reason = first?.reason ?? '';
  // The home's own rating is kept in the words when the derived one is higher.
  if (input.given && input.given !== severity) reason += `; the care home rated it ${FLAG_LABELS.severity[input.given].toLowerCase()}`;
  return { severity, reason, response: first?.response ?? null };
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
