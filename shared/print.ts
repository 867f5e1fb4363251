/**
 * The data of a round's printed documents (docs/architecture.md, a print): the staff agenda, one invitation letter
 * per invited representative and the post-round summary. Built here, purely, from the round, the
 * residents' snapshots and the outcomes; the print components (renderer/src/print) only lay it out. A
 * letter is built from its own agenda item alone, so no other resident's details can reach it.
 */
import { ageOn, formatUkDate } from './dates';
import { ELEMENT_LABELS } from './domain/carePlan';
import type { AcpElement } from './domain/enums';
import type { AgendaItem, Attendees, OutcomeAction, Question, Round, InviteMethod } from './domain/round';
import type { ResidentSnapshot } from './domain/snapshot';
import { cprStatus, type CprStatus } from './rules/cpr';
import { FLAG_LABELS } from './rules/flags';
import { ruleLabel } from './rules/ruleLabels';
import { formatNhsNumber } from './rules/nhsNumber';
import { callingName, pronounsOf, type NamedPerson } from './rules/names';
import { addMinutes, tierOf, TIER_WEIGHT, type RoundReason, type SessionItem, type Tier } from './rules/planning';

/**
 * Medicines figures that come from the medication-review rules (`medicineFigures` in
 * main/services/reviews.ts): the ACB total, falls-risk medicines, monitoring due and review due. A figure
 * the rules did not give (null: a document built without them) prints "not yet worked out", never a guess.
 */
export interface MedicineFigures {
  acbTotal: number | null;
  fallsRiskMedicines: string[] | null;
  monitoringDue: string[] | null;
  reviewDue: string | null;
  /** Anticipatory medicines in place ("just-in-case medicines in place"), not counted as taken. */
  justInCase?: string[];
  /** Medicines safety findings to discuss (duplicates, interactions, omissions, STOPP/STOPPFrail), by label. */
  toDiscuss?: string[];
}

export interface AgendaSection {
  itemId: number;
  residentId: number;
  position: number;
  start: string;
  minutes: number;
  name: string;
  preferredName: string | null;
  room: string | null;
  age: number;
  dateOfBirth: string;
  nhsNumber: string;
  cpr: CprStatus;
  whatMatters: string | null;
  attendees: Attendees;
  clinicians: string[];
  /** The headline reason in words, for the cover ("Confusion 13/11: new confusion since yesterday evening"). */
  headline: string;
  /** `label` is what a person reads (ruleLabels.ts); `rule` is for code only and is never printed. */
  reasons: { rule: string; label: string; tier: Tier; explanation: string; flagCount: number }[];
  flags: { id: number; raisedOn: string; raisedBy: string | null; category: string; severity: string; status: string; text: string }[];
  medicines: { count: number; list: { name: string; dose: string | null }[]; figures: MedicineFigures };
  carePlanGaps: string[];
  openActions: { id: number; text: string; owner: string | null; dueDate: string | null }[];
  questions: Question[];
  notes: string | null;
  /** Why this resident must be seen this week (never deferred for time), or null. */
  mustSee: string | null;
}

export interface Letter {
  key: string;
  itemId: number;
  representativeId: number;
  to: string;
  relationship: string;
  /** The name the resident likes to be called (their preferred name, else their first name). */
  residentFirstName: string;
  /** The date the letter is written (today). */
  letterDate: string;
  homeName: string;
  date: string;
  time: string;
  how: InviteMethod;
  topics: string[];
  questions: string[];
}

export interface SummarySection {
  residentId: number;
  name: string;
  room: string | null;
  decisions: string[];
  actions: { text: string; owner: string | null; dueDate: string | null }[];
  /** Plain text for the practice record, with SNOMED CT codes where they apply. */
  practiceRecord: string;
}

/** The practice as letters and the cover name it. */
export interface PracticeContact {
  name: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  sender: string | null;
}

export interface PrintDocument {
  roundId: number;
  homeName: string;
  homeAddress: string | null;
  homePhone: string | null;
  practiceName: string;
  practice: PracticeContact;
  date: string;
  startTime: string;
  endTime: string;
  clinicians: string[];
  status: Round['status'];
  sections: AgendaSection[];
  letters: Letter[];
  summary: SummarySection[];
  /** How far the round's agenda runs past its capacity, huddle included (0 within time): "over by N minutes" on the cover. */
  overByMinutes: number;
}

const ACP_RULES = new Set(['acp-missing', 'acp-review', 'ppd-missing', 'end-of-life', 'end-of-life-reassess', 'pcsp-review', 'new-admission-pcsp']);

function carePlanGapLine(reason: RoundReason): string {
  const when = reason.status === 'overdue' ? `overdue since ${formatUkDate(reason.due)}` : `due ${formatUkDate(reason.due)}`;
  return `${ruleLabel(reason.rule)} (${when})`;
}

const SEVERITY_ORDER = ['escalate-now', 'urgent', 'high', 'medium', 'routine'];

function shortDate(iso: string): string {
  return formatUkDate(iso).slice(0, 5);
}

/** The first sentence of a text, at most about `max` characters, cut at a word. */
function firstWords(text: string, max: number): string {
  const sentence = (text.split(/(?<=[.!?])\s/)[0] ?? text).trim().replace(/[.!?]$/, '');
  if (sentence.length <= max) return sentence;
  return `${sentence.slice(0, max).replace(/\s+\S*$/, '')}…`;
}

/**
 * The headline reason in words for the cover: the most pressing reason (a care-home flag as the home put
 * it, with its date), and the labels of the others. Never a rule id.
 */
export function headlineReason(reasons: readonly RoundReason[], flags: AgendaSection['flags']): string {
  const sorted = [...reasons].sort((a, b) => TIER_WEIGHT[tierOf(b.rule)] - TIER_WEIGHT[tierOf(a.rule)]);
  const top = sorted[0];
  if (!top) return 'Added to the round';
  let lead: string;
  const topFlags = flags.filter((f) => (top.flagIds ?? []).includes(f.id))
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || b.raisedOn.localeCompare(a.raisedOn));
  const flag = topFlags[0];
  if (flag) lead = `${FLAG_LABELS.category[flag.category as keyof typeof FLAG_LABELS.category] ?? 'Concern'} ${shortDate(flag.raisedOn)}: ${firstWords(flag.text, 44) || 'see the staff report'}`;
  else if (top.rule === 'post-discharge') lead = 'Back from hospital: medicines check';
  else lead = ruleLabel(top.rule);
  const others = [...new Set(sorted.slice(1).map((r) => ruleLabel(r.rule)))].filter((l) => l !== lead);
  if (others.length === 0) return lead;
  return `${lead}; also ${others[0]}${others.length > 1 ? ` and ${others.length - 1} more` : ''}`;
}

/** SNOMED CT codes of the practice-record summary (docs/clinical-rules.md; verified ones only; frailty eFI codes need an eFI, which Roundtable does not hold). */
export const SNOMED = {
  nursingHome: { code: '160734000', term: 'Lives in nursing home' },
  respect: { code: '1382601000000107', term: 'ReSPECT form' },
  notForCpr: { code: '450476008', term: 'Not for attempted CPR' },
  acp: { code: '713603004', term: 'Advance care planning' },
  reviewDue: { code: '314529007', term: 'Medication review due' },
} as const;

/**
 * What the letter says will be talked about: kind words for each kind of reason, never clinical detail. The
 * pronouns come from shared/rules/names (recorded sex, unless the record says otherwise): pass the resident,
 * or just the recorded sex.
 */
export function kindTopics(reasons: readonly RoundReason[], firstName: string, who: string | Pick<NamedPerson, 'sex' | 'communicationNeeds' | 'whatMatters'>): string[] {
  const p = pronounsOf(typeof who === 'string' ? { sex: who } : who);
  const topics = new Map<string, string>();
  for (const r of reasons) {
    const tier = tierOf(r.rule);
    if (r.rule === 'family-concern') topics.set('family', 'the questions and worries you have raised with the care home');
    else if (tier === 'escalate-now' || tier === 'urgent' || tier === 'high' || r.rule.startsWith('flag-')) topics.set('wellbeing', `how ${firstName} has been lately, including anything the care staff have noticed`);
    else if (ACP_RULES.has(r.rule)) topics.set('acp', `what matters most to ${firstName}, and what ${p.they} would want if ${p.they} became more unwell`);
    else if (r.rule === 'continuity') topics.set('check', `a general catch-up on how ${firstName} is getting on`);
    else if (r.rule === 'open-actions') topics.set('follow', 'following up what was agreed at an earlier visit');
    else topics.set('medicines', `${firstName}’s medicines, to make sure they still help ${p.them}`);
  }
  return [...topics.values()];
}

function firstNameOf(s: ResidentSnapshot): string {
  return callingName(s.resident);
}

function sectionFor(round: Round, item: AgendaItem, s: ResidentSnapshot, today: string, figures: MedicineFigures): AgendaSection {
  const r = s.resident;
  const current = s.medications.filter((m) => m.status === 'active');
  const flagIds = new Set(item.reasons.flatMap((x) => x.flagIds ?? []));
  const whatMattersPlan = s.carePlans.filter((c) => c.element === 'what-matters' && c.supersededBy === null).at(-1)?.value ?? null;
  const flags = s.flags.filter((f) => flagIds.has(f.id) || f.status === 'open' || f.status === 'on-agenda')
    .map((f) => ({ id: f.id, raisedOn: f.raisedOn, raisedBy: f.raisedBy, category: f.category, severity: f.severity, status: f.status, text: f.text }));
  return {
    headline: headlineReason(item.reasons, flags),
    itemId: item.id, residentId: r.id, position: item.position, start: item.start, minutes: item.minutes,
    mustSee: round.plan.mustSee?.find((m) => m.residentId === item.residentId)?.why ?? null,
    name: `${r.givenName} ${r.familyName}`, preferredName: r.preferredName, room: r.room, age: ageOn(r.dateOfBirth, round.date > today ? round.date : today),
    dateOfBirth: r.dateOfBirth, nhsNumber: formatNhsNumber(r.nhsNumber), cpr: cprStatus(s.carePlans),
    whatMatters: r.whatMatters ?? whatMattersPlan, attendees: item.attendees, clinicians: round.clinicians,
    reasons: item.reasons.map((x) => ({ rule: x.rule, label: ruleLabel(x.rule), tier: tierOf(x.rule), explanation: x.explanation, flagCount: x.flagIds?.length ?? 0 })),
    flags,
    medicines: { count: current.length, list: current.map((m) => ({ name: m.name, dose: m.dose })), figures },
    // A line each: the full explanation is already under "Why they are on the round".
    // The end-of-life pathway's open parts share one line.
    carePlanGaps: [...new Set(item.reasons.filter((x) => ACP_RULES.has(x.rule)).map(carePlanGapLine))],
    openActions: s.openActions.map((a) => ({ id: a.id, text: a.action ?? a.decision ?? '', owner: a.owner, dueDate: a.dueDate })),
    questions: item.questions, notes: item.notes,
  };
}

function lettersFor(round: Round, item: AgendaItem, s: ResidentSnapshot, today: string): Letter[] {
  const first = firstNameOf(s);
  // Hazard H16: a relative who prefers not to join is never sent an invitation, whatever the attendee list says.
  const declines = new Set(s.representatives.filter((r) => r.preferredContact === 'not').map((r) => r.id));
  return item.attendees.representatives.filter((a) => (a.status === 'invited' || a.status === 'confirmed') && !declines.has(a.representativeId)).map((a) => ({
    key: `${item.id}-${a.representativeId}`, itemId: item.id, representativeId: a.representativeId, to: a.name, relationship: a.relationship,
    residentFirstName: first, letterDate: today, homeName: round.homeName, date: round.date, time: item.start, how: a.how,
    topics: kindTopics(item.reasons, first, s.resident),
    questions: item.questions.filter((q) => q.from.startsWith(a.name)).map((q) => q.text),
  }));
}

/** The plain-text note for the practice record (one resident), with SNOMED CT codes where they apply. */
export function practiceRecordText(round: Round, homeType: 'residential' | 'nursing', s: ResidentSnapshot, outcomes: readonly OutcomeAction[],
  item: AgendaItem): string {
  const lines = [`Care home round, ${round.homeName}, ${formatUkDate(round.date)}. Joint review of ${s.resident.givenName} ${s.resident.familyName} `
    + `(NHS ${formatNhsNumber(s.resident.nhsNumber)}).`];
  if (round.clinicians.length > 0) lines.push(`Clinicians: ${round.clinicians.join(', ')}.`);
  const attending = [item.attendees.resident.attending ? 'resident' : null,
    ...item.attendees.representatives.filter((a) => a.status === 'confirmed').map((a) => `${a.name} (${a.relationship})`), item.attendees.careStaff].filter(Boolean);
  if (attending.length > 0) lines.push(`Present: ${attending.join(', ')}.`);
  lines.push(`Reasons: ${[...new Set(item.reasons.map((r) => ruleLabel(r.rule)))].join('; ')}.`);
  for (const o of outcomes.filter((x) => x.decision)) lines.push(`Decision: ${o.decision}`);
  for (const o of outcomes.filter((x) => x.action)) lines.push(`Action: ${o.action} (${o.owner ?? 'owner not set'}${o.dueDate ? `, by ${formatUkDate(o.dueDate)}` : ''}).`);
  const reviews = s.reviews.filter((r) => r.status === 'done' && r.doneOn === round.date);
  for (const r of reviews) lines.push(`Medication review done (${ruleLabel(r.rule)})${r.outcome ? `: ${r.outcome}` : ''}.`);
  const codes: string[] = [];
  const code = (c: { code: string; term: string }) => codes.push(`${c.term} (SNOMED CT ${c.code})`);
  if (homeType === 'nursing') code(SNOMED.nursingHome);
  const plans = s.carePlans.filter((c) => c.source === `round ${round.id}`);
  for (const p of plans) lines.push(`Advance care plan updated: ${ELEMENT_LABELS[p.element as AcpElement] ?? 'entry'} — ${p.value}.`);
  if (plans.length > 0) code(SNOMED.acp);
  if (plans.some((p) => p.element === 'respect')) code(SNOMED.respect);
  const cpr = cprStatus(s.carePlans);
  if (plans.some((p) => p.element === 'respect' || p.element === 'dnacpr') && cpr.kind === 'decided' && cpr.recommendation === 'not-for-cpr') code(SNOMED.notForCpr);
  const doneRules = new Set(reviews.map((r) => r.rule));
  const stillDue = item.reasons.filter((r) => tierOf(r.rule) === 'review' && !r.rule.startsWith('flag-') && r.rule !== 'added-by-hand' && !doneRules.has(r.rule));
  if (stillDue.length > 0) code(SNOMED.reviewDue);
  if (codes.length > 0) lines.push(`Codes: ${codes.join('; ')}.`);
  return lines.join('\n');
}

export interface PrintInput {
  round: Round;
  homeType: 'residential' | 'nursing';
  homeAddress: string | null;
  homePhone: string | null;
  practiceName: string;
  /** The practice's contact details for letters; the name alone when not given. */
  practice?: PracticeContact;
  snapshots: readonly ResidentSnapshot[];
  outcomes: readonly OutcomeAction[];
  today: string;
  /** The medication-review figures per resident, when the rules that work them out are available. */
  medicineFigures?: (snapshot: ResidentSnapshot) => MedicineFigures;
}

export const NO_FIGURES: MedicineFigures = { acbTotal: null, fallsRiskMedicines: null, monitoringDue: null, reviewDue: null };

export function buildPrintDocument(input: PrintInput): PrintDocument {
  const { round } = input;
  const byId = new Map(input.snapshots.map((s) => [s.resident.id, s]));
  const sections: AgendaSection[] = [];
  const letters: Letter[] = [];
  const summary: SummarySection[] = [];
  for (const item of round.items) {
    const s = byId.get(item.residentId);
    if (!s) continue;
    sections.push(sectionFor(round, item, s, input.today, input.medicineFigures?.(s) ?? NO_FIGURES));
    letters.push(...lettersFor(round, item, s, input.today));
    const outcomes = input.outcomes.filter((o) => o.agendaItemId === item.id);
    summary.push({
      residentId: s.resident.id, name: `${s.resident.givenName} ${s.resident.familyName}`, room: s.resident.room,
      decisions: outcomes.flatMap((o) => (o.decision ? [o.decision] : [])),
      actions: outcomes.filter((o) => o.action).map((o) => ({ text: o.action ?? '', owner: o.owner, dueDate: o.dueDate })),
      practiceRecord: practiceRecordText(round, input.homeType, s, outcomes, item),
    });
  }
  const last = round.items.at(-1);
  const endTime = last ? addMinutes(last.start, last.minutes) : round.startTime;
  return {
    roundId: round.id, homeName: round.homeName, homeAddress: input.homeAddress, homePhone: input.homePhone, practiceName: input.practiceName,
    practice: input.practice ?? { name: input.practiceName, address: null, phone: null, email: null, sender: null },
    date: round.date, startTime: round.startTime, endTime, clinicians: round.clinicians, status: round.status, sections, letters, summary,
    overByMinutes: Math.max(0, (round.items.length > 0 ? round.plan.huddleMinutes ?? 0 : 0) + round.items.reduce((n, i) => n + i.minutes, 0) - round.capacityMinutes),
  };
}

/** The lists beside the round, printed: the task list, the pharmacist's session, the care-planning conversations to book. */
export type SessionKind = 'tasks' | 'pharmacist' | 'care-planning';

export const SESSION_TITLES: Record<SessionKind, string> = {
  tasks: 'Task list for the practice nurse or phlebotomy visit',
  pharmacist: 'Pharmacist’s session',
  'care-planning': 'Care-planning conversations to book',
};

export interface SessionEntry {
  residentId: number;
  name: string;
  nhsNumber: string;
  room: string | null;
  minutes: number;
  fits: boolean;
  /** Each reason as a person reads it: its one label and the explanation. */
  reasons: { label: string; explanation: string }[];
}

/** A letter to a resident's representative to arrange a care-planning conversation (30–45 minutes). */
export interface CarePlanningLetter extends Pick<Letter, 'key' | 'representativeId' | 'to' | 'relationship' | 'residentFirstName' | 'letterDate' | 'homeName' | 'topics'> {
  residentId: number;
}

export interface SessionDocument {
  session: SessionKind;
  title: string;
  intro: string;
  homeName: string;
  /** The round's date (the week the list is for). */
  date: string;
  practice: PracticeContact;
  entries: SessionEntry[];
  /** Care-planning list only: one letter per representative (never one who prefers not to join). */
  letters: CarePlanningLetter[];
}

export interface SessionInput {
  session: SessionKind;
  homeName: string;
  date: string;
  today: string;
  practice: PracticeContact;
  /** The list as planned (the round's saved plan, or worked out for a date). */
  items: readonly SessionItem[];
  pharmacistMinutes: number;
  snapshots: readonly ResidentSnapshot[];
}

const SESSION_INTROS: Record<SessionKind, (input: SessionInput) => string> = {
  tasks: () => 'Blood tests and monitoring due: not for the GP round.',
  pharmacist: (i) => i.pharmacistMinutes > 0
    ? `Structured medication reviews and the medicines work that goes with them, in the home’s ${i.pharmacistMinutes} pharmacist minutes this week.`
    : 'The home has no pharmacist session: structured medication reviews come on the GP round.',
  'care-planning': () => 'Agreed on the round; book 30 to 45 minutes with the resident and their family. A letter to each representative follows.',
};

/** A list beside the round as a printed document (with, for care planning, a letter per representative). Never a rule id in its text. */
export function buildSessionDocument(input: SessionInput): SessionDocument {
  const byId = new Map(input.snapshots.map((s) => [s.resident.id, s]));
  const entries = input.items.map((i): SessionEntry => ({
    residentId: i.residentId, name: i.name, nhsNumber: i.nhsNumber, room: byId.get(i.residentId)?.resident.room ?? null, minutes: i.minutes, fits: i.fits,
    reasons: i.reasons.map((r) => ({ label: ruleLabel(r.rule), explanation: r.explanation })),
  }));
  const letters = input.session !== 'care-planning' ? [] : input.items.flatMap((i) => {
    const s = byId.get(i.residentId);
    if (!s || s.resident.status !== 'active') return [];
    const first = firstNameOf(s);
    // As for invitations (hazard H16): a representative who prefers not to join gets no letter.
    return s.representatives.filter((r) => r.preferredContact !== 'not').map((r): CarePlanningLetter => ({
      key: `${i.residentId}-${r.id}`, residentId: i.residentId, representativeId: r.id, to: r.name, relationship: r.relationship,
      residentFirstName: first, letterDate: input.today, homeName: input.homeName, topics: kindTopics(i.reasons, first, s.resident),
    }));
  });
  return { session: input.session, title: SESSION_TITLES[input.session], intro: SESSION_INTROS[input.session](input), homeName: input.homeName,
    date: input.date, practice: input.practice, entries, letters };
}

/**
 * The weekly flag sheet (issue 15): one line per resident of a home, the identity pre-filled, and the
 * columns a care home fills in. The same columns make the CSV, the Excel sheet and the paper form, and
 * `import flags` reads them back (main/imports/flags.ts knows each header).
 */
export interface FlagSheet {
  homeName: string;
  /** The Monday of the week the sheet is for. */
  weekOf: string;
  residents: { name: string; preferredName: string | null; room: string | null; dateOfBirth: string; nhsNumber: string }[];
}

export const FLAG_SHEET_IDENTITY_HEADERS = ['Name', 'Preferred name', 'Room', 'Date of birth', 'NHS number'] as const;
export const FLAG_SHEET_ENTRY_HEADERS = ['Date', 'Concern', 'Details', 'NEWS2', 'Soft signs (RESTORE2)', 'MUST', '4AT', 'Raised by'] as const;
export const FLAG_SHEET_HEADERS = [...FLAG_SHEET_IDENTITY_HEADERS, ...FLAG_SHEET_ENTRY_HEADERS] as const;

/** The sheet's identity cells of one resident: dates dd/mm/yyyy, NHS number 3-3-4. */
export function flagSheetIdentity(r: FlagSheet['residents'][number]): string[] {
  return [r.name, r.preferredName ?? '', r.room ?? '', formatUkDate(r.dateOfBirth), formatNhsNumber(r.nhsNumber)];
}
