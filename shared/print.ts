/**
 * The data of a round's printed documents (DESIGN.md section 5): the staff agenda, one invitation letter
 * per invited representative and the post-round summary. Built here, purely, from the round, the
 * residents' snapshots and the outcomes; the print components (renderer/src/print) only lay it out. A
 * letter is built from its own agenda item alone, so no other resident's details can reach it.
 */
import { ageOn, formatUkDate } from './dates';
import type { AgendaItem, Attendees, OutcomeAction, Question, Round, InviteMethod } from './domain/round';
import type { ResidentSnapshot } from './domain/snapshot';
import { cprStatus, type CprStatus } from './rules/cpr';
import { formatNhsNumber } from './rules/nhsNumber';
import { callingName, pronounsOf, type NamedPerson } from './rules/names';
import { ruleLabel } from './rules/ruleLabels';
import { addMinutes, tierOf, type RoundReason, type Tier } from './rules/planning';

/**
 * Medicines figures that come from the medication-review rules (issue 5): the ACB total, falls-risk
 * medicines, monitoring due and review due. Null until those rules provide them; the agenda prints
 * "not worked out yet" rather than guessing.
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
  reasons: { rule: string; tier: Tier; explanation: string; flagCount: number }[];
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
  residentFirstName: string;
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

export interface PrintDocument {
  roundId: number;
  homeName: string;
  homeAddress: string | null;
  homePhone: string | null;
  practiceName: string;
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

const GAP_LABELS: Record<string, string> = {
  'acp-missing': 'No advance care plan recorded',
  'acp-review': 'Advance care plan to review',
  'ppd-missing': 'No preferred place of care or death recorded',
  'end-of-life': 'End-of-life planning: anticipatory medicines and a family meeting',
  'end-of-life-reassess': 'End of life: look again at the GSF code',
  'pcsp-review': 'Care and support plan to review',
  'new-admission-pcsp': 'New admission: assessment and care and support plan',
};

function carePlanGapLine(reason: RoundReason): string {
  const when = reason.status === 'overdue' ? `overdue since ${formatUkDate(reason.due)}` : `due ${formatUkDate(reason.due)}`;
  return `${GAP_LABELS[reason.rule] ?? ruleLabel(reason.rule)} (${when})`;
}

/** SNOMED CT codes of DOMAIN.md section 5 (verified ones only; frailty eFI codes need an eFI, which Roundtable does not hold). */
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
  return {
    itemId: item.id, residentId: r.id, position: item.position, start: item.start, minutes: item.minutes,
    mustSee: round.plan.mustSee?.find((m) => m.residentId === item.residentId)?.why ?? null,
    name: `${r.givenName} ${r.familyName}`, preferredName: r.preferredName, room: r.room, age: ageOn(r.dateOfBirth, round.date > today ? round.date : today),
    dateOfBirth: r.dateOfBirth, nhsNumber: formatNhsNumber(r.nhsNumber), cpr: cprStatus(s.carePlans),
    whatMatters: r.whatMatters ?? whatMattersPlan, attendees: item.attendees, clinicians: round.clinicians,
    reasons: item.reasons.map((x) => ({ rule: x.rule, tier: tierOf(x.rule), explanation: x.explanation, flagCount: x.flagIds?.length ?? 0 })),
    flags: s.flags.filter((f) => flagIds.has(f.id) || f.status === 'open' || f.status === 'on-agenda')
      .map((f) => ({ id: f.id, raisedOn: f.raisedOn, raisedBy: f.raisedBy, category: f.category, severity: f.severity, status: f.status, text: f.text })),
    medicines: { count: current.length, list: current.map((m) => ({ name: m.name, dose: m.dose })), figures },
    // A line each: the full explanation is already under "Why they are on the round".
    // The end-of-life pathway's open parts share one line.
    carePlanGaps: [...new Set(item.reasons.filter((x) => ACP_RULES.has(x.rule)).map(carePlanGapLine))],
    openActions: s.openActions.map((a) => ({ id: a.id, text: a.action ?? a.decision ?? '', owner: a.owner, dueDate: a.dueDate })),
    questions: item.questions, notes: item.notes,
  };
}

function lettersFor(round: Round, item: AgendaItem, s: ResidentSnapshot): Letter[] {
  const first = firstNameOf(s);
  return item.attendees.representatives.filter((a) => a.status === 'invited' || a.status === 'confirmed').map((a) => ({
    key: `${item.id}-${a.representativeId}`, itemId: item.id, representativeId: a.representativeId, to: a.name, relationship: a.relationship,
    residentFirstName: first, homeName: round.homeName, date: round.date, time: item.start, how: a.how,
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
  lines.push(`Reasons: ${item.reasons.map((r) => r.rule).join(', ')}.`);
  for (const o of outcomes.filter((x) => x.decision)) lines.push(`Decision: ${o.decision}`);
  for (const o of outcomes.filter((x) => x.action)) lines.push(`Action: ${o.action} (${o.owner ?? 'owner not set'}${o.dueDate ? `, by ${formatUkDate(o.dueDate)}` : ''}).`);
  const reviews = s.reviews.filter((r) => r.status === 'done' && r.doneOn === round.date);
  for (const r of reviews) lines.push(`Medication review done (${r.rule})${r.outcome ? `: ${r.outcome}` : ''}.`);
  const codes: string[] = [];
  const code = (c: { code: string; term: string }) => codes.push(`${c.term} (SNOMED CT ${c.code})`);
  if (homeType === 'nursing') code(SNOMED.nursingHome);
  const plans = s.carePlans.filter((c) => c.source === `round ${round.id}`);
  for (const p of plans) lines.push(`Advance care plan updated: ${p.element} — ${p.value}.`);
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
    letters.push(...lettersFor(round, item, s));
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
    date: round.date, startTime: round.startTime, endTime, clinicians: round.clinicians, status: round.status, sections, letters, summary,
    overByMinutes: Math.max(0, (round.items.length > 0 ? round.plan.huddleMinutes ?? 0 : 0) + round.items.reduce((n, i) => n + i.minutes, 0) - round.capacityMinutes),
  };
}

