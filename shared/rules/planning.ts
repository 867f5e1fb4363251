/**
 * The round planner (DOMAIN.md section 2): a pure function from residents' snapshots, their due items and
 * the round's capacity to a proposed agenda. Deterministic: the same input gives the same proposal.
 *
 * Reasons come from REASON SOURCES, functions `(snapshot, today) => DueItem[]` (flags, family concerns,
 * open actions, continuity here; medication reviews and care plans from their own rule files). The planner
 * never looks at where a reason came from, only at its rule id (classified in roundTime.ts).
 *
 * Where: each reason goes to the round, the task list (bloods and monitoring) or the home's pharmacist
 * session (`sessionFor`). Advance-care-plan items stay on the round (5 minutes to book a care-planning
 * conversation) and make the care-planning list too.
 *
 * Minutes (`residentMinutes`, roundTime.ts): a 10-minute huddle once a round; for each resident the
 * longest discussion, 3 for each further one and 2 for notes, at most 15 (30 with a new-admission
 * assessment or an end-of-life conversation). Every figure is a practice setting.
 *
 * Must-see (`mustSeeWhy`): an escalate-now follow-up, an urgent flag, an urgent (same-day) medicines item,
 * a post-discharge reconciliation, a new admission before the care plan is due, and end of life (GSF C/D
 * or the surprise question answered "no"). Must-see residents are always on the round; when they alone
 * need more than the capacity, the plan says by how much (`overByMinutes`) and defers none of them.
 *
 * Priority (documented in the README too). Each reason has a tier from its rule id:
 *   1000 escalate-now follow-up (`flag-escalate-now`)
 *    900 urgent (`flag-urgent`, `new-admission-pcsp`, `post-discharge`, `end-of-life…`, any `urgent` item)
 *    800 high (`flag-high`)
 *    700 a family's concern (`family-concern`) and other `flag-medium` flags: a concern the home or a relative
 *        raised comes before scheduled work, as a medium flag outranks a routine one
 *    600 due reviews (medication-review rules, `pcsp-review`, `flag-routine`, and any rule not named here)
 *    500 advance-care-plan items (`acp-missing`, `acp-review`, `ppd-missing`)
 *    300 continuity (`continuity`)
 *    200 open actions (`open-actions`)
 * A resident's item takes the tier of its highest reason. Must-see first; then strictly by tier; within a
 * tier, acuity (overdue before due before due soon), then how many days overdue, then how many reasons —
 * more paperwork never outranks a sicker resident — then the earliest due date, family name, given name
 * and resident id, so the order never depends on input order.
 *
 * Capacity: after the must-see residents, residents are taken in that order while they fit; one who does
 * not fit waits (first in line next time) and a lower-tier resident may use only the time they could not.
 * "First in line next time": the previous round's queue (`waitingFromLastRound`) is an input, and a resident
 * carried over from it ranks first within their tier, in the old queue's order (strict tiers and must-see
 * unchanged).
 */
import { addDays, daysBetween, formatUkDate } from '../dates';
import type { DueItem } from '../domain/due';
import type { ResidentSnapshot } from '../domain/snapshot';
import { currentEntries } from './carePlan';
import { ruleLabel } from './ruleLabels';
import { AppError } from '../errors';
import type { Round } from '../domain/round';
import { DEFAULT_ROUND_TIME, isCarePlanning, isEndOfLife, residentMinutes, sessionFor, type RoundTime, type Session } from './roundTime';

/** A reason on the agenda: a due item, with the flags it stands for when it comes from flags. */
export interface RoundReason extends DueItem {
  flagIds?: number[];
}

export type Tier = 'escalate-now' | 'urgent' | 'high' | 'review' | 'acp' | 'family-concern' | 'continuity' | 'open-actions';

export const TIER_WEIGHT: Record<Tier, number> = {
  'escalate-now': 1000, urgent: 900, high: 800, 'family-concern': 700, review: 600, acp: 500, continuity: 300, 'open-actions': 200,
};

export const TIER_LABEL: Record<Tier, string> = {
  'escalate-now': 'Follow-up of a same-day escalation', urgent: 'Urgent', high: 'High', review: 'Review due', acp: 'Advance care plan',
  'family-concern': 'Family concern', continuity: 'Continuity', 'open-actions': 'Open actions',
};

const URGENT_RULES = new Set(['flag-urgent', 'new-admission-pcsp', 'post-discharge']);

export function tierOf(rule: string): Tier {
  if (rule === 'flag-escalate-now') return 'escalate-now';
  if (URGENT_RULES.has(rule) || isEndOfLife(rule)) return 'urgent';
  if (rule === 'flag-high') return 'high';
  if (isCarePlanning(rule)) return 'acp';
  if (rule === 'family-concern' || rule === 'flag-medium') return 'family-concern';
  if (rule === 'continuity') return 'continuity';
  if (rule === 'open-actions') return 'open-actions';
  return 'review';
}

/** A reason's tier: an `urgent` item (a same-day call to the prescriber) is urgent whatever its rule. */
export function tierOfReason(reason: Pick<DueItem, 'rule' | 'urgent'>): Tier {
  const tier = tierOf(reason.rule);
  return reason.urgent && TIER_WEIGHT[tier] < TIER_WEIGHT.urgent ? 'urgent' : tier;
}

export interface PlanInput {
  /** Residents of the home (left and died are excluded here whatever is passed). */
  snapshots: readonly ResidentSnapshot[];
  /** Every reason source's due items for these residents. */
  reasons: readonly RoundReason[];
  /** Clinician time at the home, huddle and notes included. */
  capacityMinutes: number;
  /** "HH:MM". */
  startTime: string;
  today: string;
  /** The round's date (default today): when the residents who wait will come up counts from it. */
  date?: string;
  /** The time model (default DEFAULT_ROUND_TIME). */
  time?: RoundTime;
  /** The home's pharmacist minutes a week; 0 or absent: no pharmacist session, medication reviews come on the round. */
  pharmacistMinutes?: number;
  /**
   * The queue the home's previous round left (its residents deferred for time, in their `nextInLine` order),
   * each with the date they have waited since: they come first within their tier, in that order.
   */
  waitingFromLastRound?: readonly WaitingResident[];
}

/** A resident the previous round deferred for time, and the date of the round they first waited from. */
export interface WaitingResident {
  residentId: number;
  since: string;
}

export interface ProposedItem {
  residentId: number;
  name: string;
  nhsNumber: string;
  position: number;
  /** "HH:MM". */
  start: string;
  /** Minutes on the round, notes included. */
  minutes: number;
  tier: Tier;
  score: number;
  reasons: RoundReason[];
  /** Why this resident must be seen this week (never deferred for time), or null. */
  mustSee: string | null;
  /** Carried over from the previous round's queue: the date they have waited since. */
  waitingSince?: string;
}

export interface NotThisWeek {
  residentId: number;
  name: string;
  why: string;
  /** For a resident left out for capacity: their place in the queue for the next round (1 = next). */
  nextInLine: number | null;
  /** For a resident left out for capacity: the date of the round they will come up on, as things stand. */
  comesUp?: string | null;
  /** deferred: waits for time; elsewhere: on the task list or the pharmacist's session only; nothing-due. */
  kind?: 'deferred' | 'elsewhere' | 'nothing-due';
  /** Deferred again after waiting from an earlier round: the date they have waited since. */
  waitingSince?: string;
  reasons: RoundReason[];
}

export interface Escalation {
  residentId: number;
  name: string;
  explanation: string;
}

/** A resident on one of the round's own lists (tasks, the pharmacist's session, care-planning conversations). */
export interface SessionItem {
  residentId: number;
  name: string;
  nhsNumber: string;
  /** Minutes it needs in that session (0 on the task list: a visit, not a slot). */
  minutes: number;
  /** False when it does not fit in this week's session (pharmacist): next session. */
  fits: boolean;
  reasons: RoundReason[];
}

export interface DeferredSummary {
  total: number;
  /** Counts by each waiting resident's main reason, most first. */
  byReason: { rule: string; label: string; count: number }[];
  /** "4 residents wait for the next round: 3 Structured medication review, 1 Not seen for a while." */
  text: string;
}

export interface RoundProposal {
  capacityMinutes: number;
  startTime: string;
  /** Minutes planned, the huddle included. */
  usedMinutes: number;
  huddleMinutes: number;
  /** How far the must-see residents alone take the round past its capacity (0 when within time). */
  overByMinutes: number;
  items: ProposedItem[];
  notThisWeek: NotThisWeek[];
  deferred: DeferredSummary;
  /** escalate-now flags: act today, whatever the round. */
  escalations: Escalation[];
  /** Bloods and monitoring due: the practice nurse's or phlebotomy visit's list. */
  tasks: SessionItem[];
  /** Medication-review work for the home's pharmacist session (empty without one). */
  pharmacist: { minutes: number; usedMinutes: number; items: SessionItem[] };
  /** Advance-care-plan conversations to book (30–45 minutes each, with the resident and family). */
  carePlanning: SessionItem[];
}

export function residentName(s: ResidentSnapshot): string {
  const r = s.resident;
  return `${r.givenName}${r.preferredName ? ` (${r.preferredName})` : ''} ${r.familyName}`;
}

/**
 * Why a resident must be seen this week, from their round reasons and care plan; null when they need not.
 * A post-discharge reconciliation is must-see until its due date (a setting, 7 days by default), a new admission before the care plan is
 * due (both: the item's due date not yet passed today); once overdue they stay urgent, first after must-see.
 */
export function mustSeeWhy(reasons: readonly RoundReason[], snapshot: ResidentSnapshot, today: string): string | null {
  const rules = new Set(reasons.map((r) => r.rule));
  if (rules.has('flag-escalate-now')) return 'Follow-up of a same-day escalation';
  if (reasons.some((r) => r.urgent)) return 'Same-day call to the prescriber about medicines';
  if (rules.has('flag-urgent')) return 'Urgent concern from the home';
  if (reasons.some((r) => isEndOfLife(r.rule)) && endOfLifeTriggered(snapshot)) return 'End of life: time with the family this week';
  const discharge = reasons.find((r) => r.rule === 'post-discharge' && r.due >= today);
  if (discharge) return `Home from hospital: medicines reconciliation by ${formatUkDate(discharge.due)}`;
  if (reasons.some((r) => r.rule === 'new-admission-pcsp' && r.due >= today)) return 'New admission: assessment before the care plan is due';
  return null;
}

/** GSF code C or D, or the surprise question answered "no", on the current care plan. */
function endOfLifeTriggered(snapshot: ResidentSnapshot): boolean {
  const current = currentEntries(snapshot.carePlans);
  const gsf = current.gsf?.value.trim().toUpperCase();
  return gsf === 'C' || gsf === 'D' || current['surprise-question']?.value.trim().toLowerCase() === 'no';
}

function compareReasons(a: RoundReason, b: RoundReason): number {
  return TIER_WEIGHT[tierOfReason(b)] - TIER_WEIGHT[tierOfReason(a)] || a.due.localeCompare(b.due) || a.rule.localeCompare(b.rule)
    || a.explanation.localeCompare(b.explanation) || a.status.localeCompare(b.status) || a.minutes - b.minutes;
}

const ACUITY: Record<DueItem['status'], number> = { overdue: 2, due: 1, 'due-soon': 0 };

interface Ranked {
  tier: Tier;
  acuity: number;
  overdueDays: number;
  count: number;
  earliest: string;
  score: number;
}

/** Tier, then the acuity and how overdue the reasons of that tier are, then how many reasons. */
function rank(reasons: readonly RoundReason[], today: string): Ranked {
  const tier = reasons.reduce<Tier>((best, r) => (TIER_WEIGHT[tierOfReason(r)] > TIER_WEIGHT[best] ? tierOfReason(r) : best), 'open-actions');
  const top = reasons.filter((r) => tierOfReason(r) === tier);
  const acuity = Math.max(0, ...top.map((r) => ACUITY[r.status]));
  let earliest = today;
  for (const r of reasons) if (r.due < earliest) earliest = r.due;
  const overdueDays = Math.max(0, ...top.map((r) => daysBetween(r.due, today)));
  return { tier, acuity, overdueDays, count: reasons.length, earliest, score: TIER_WEIGHT[tier] + 10 * acuity + Math.min(60, overdueDays) };
}

/** "HH:MM" plus minutes. */
export function addMinutes(time: string, minutes: number): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  const total = (((h * 60 + m + minutes) % (24 * 60)) + 24 * 60) % (24 * 60);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** Start times of consecutive slots from a start time. */
export function timeSlots(startTime: string, minutes: readonly number[]): string[] {
  let used = 0;
  return minutes.map((m) => {
    const start = addMinutes(startTime, used);
    used += m;
    return start;
  });
}

function headline(reasons: readonly RoundReason[]): string {
  return reasons.slice(0, 2).map((r) => r.explanation.replace(/\.$/, '')).join('; ');
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

interface Candidate extends Ranked {
  snapshot: ResidentSnapshot;
  reasons: RoundReason[];
  minutes: number;
  mustSee: string | null;
  /** Place in the previous round's queue (0 = first), NOT_CARRIED when not carried over. */
  carried: number;
}

const NOT_CARRIED = Number.MAX_SAFE_INTEGER;

/** Tier first; within a tier, those carried over from the last round's queue in that order, then acuity, overdue, count. */
function compareCandidates(a: Candidate, b: Candidate): number {
  return TIER_WEIGHT[b.tier] - TIER_WEIGHT[a.tier] || a.carried - b.carried || b.acuity - a.acuity || b.overdueDays - a.overdueDays || b.count - a.count
    || a.earliest.localeCompare(b.earliest) || a.snapshot.resident.familyName.localeCompare(b.snapshot.resident.familyName)
    || a.snapshot.resident.givenName.localeCompare(b.snapshot.resident.givenName) || a.snapshot.resident.id - b.snapshot.resident.id;
}

/**
 * The dates the waiting residents come up on, as things stand: the queue, in order, fills the following
 * weekly rounds of the same capacity (a later must-see resident may still push them on).
 */
function comesUpDates(queue: readonly Candidate[], available: number, date: string): Map<number, string | null> {
  const result = new Map<number, string | null>();
  let waiting = queue.filter((c) => c.minutes <= available);
  for (const c of queue) if (c.minutes > available) result.set(c.snapshot.resident.id, null);
  for (let week = 1; waiting.length > 0 && week <= 52; week++) {
    let used = 0;
    const next: Candidate[] = [];
    for (const c of waiting) {
      if (used + c.minutes <= available) {
        used += c.minutes;
        result.set(c.snapshot.resident.id, addDays(date, 7 * week));
      } else next.push(c);
    }
    waiting = next;
  }
  for (const c of waiting) result.set(c.snapshot.resident.id, null);
  return result;
}

/** Proposes a round: see the header comment for where, minutes, must-see, priority and capacity. */
export function planRound(input: PlanInput): RoundProposal {
  const time = input.time ?? DEFAULT_ROUND_TIME;
  const date = input.date ?? input.today;
  const pharmacistMinutes = Math.max(0, input.pharmacistMinutes ?? 0);
  const carriedOver = new Map<number, { place: number; since: string }>();
  for (const w of input.waitingFromLastRound ?? []) if (!carriedOver.has(w.residentId)) carriedOver.set(w.residentId, { place: carriedOver.size, since: w.since });
  const active = input.snapshots.filter((s) => s.resident.status === 'active');
  const byResident = new Map<number, RoundReason[]>();
  for (const reason of input.reasons) {
    const list = byResident.get(reason.residentId);
    if (list) list.push(reason);
    else byResident.set(reason.residentId, [reason]);
  }

  const bySession = new Map<number, Record<Session, RoundReason[]>>();
  const candidates: Candidate[] = [];
  const tasks: Candidate[] = [];
  const pharmacist: Candidate[] = [];
  const carePlanning: Candidate[] = [];
  for (const s of active) {
    const all = byResident.get(s.resident.id);
    if (!all) continue;
    const split: Record<Session, RoundReason[]> = { round: [], tasks: [], pharmacist: [] };
    for (const r of [...all].sort(compareReasons)) split[sessionFor(r, pharmacistMinutes > 0)].push(r);
    bySession.set(s.resident.id, split);
    const make = (reasons: RoundReason[], minutes: number): Candidate =>
      ({ snapshot: s, reasons, minutes, mustSee: null, carried: NOT_CARRIED, ...rank(reasons, input.today) });
    if (split.round.length > 0) {
      const c = make(split.round, residentMinutes(split.round, time));
      c.mustSee = mustSeeWhy(split.round, s, input.today);
      c.carried = carriedOver.get(s.resident.id)?.place ?? NOT_CARRIED;
      candidates.push(c);
    }
    if (split.tasks.length > 0) tasks.push(make(split.tasks, 0));
    if (split.pharmacist.length > 0) pharmacist.push(make(split.pharmacist, time.pharmacistMinutesPerResident));
    const booking = split.round.filter((r) => isCarePlanning(r.rule));
    if (booking.length > 0) carePlanning.push(make(booking, 0));
  }
  candidates.sort(compareCandidates);

  const mustSee = candidates.filter((c) => c.mustSee !== null);
  const others = candidates.filter((c) => c.mustSee === null);
  const chosen: Candidate[] = [...mustSee];
  const left: Candidate[] = [];
  const huddle = time.huddleMinutes;
  let used = huddle + mustSee.reduce((n, c) => n + c.minutes, 0);
  for (const c of others) {
    if (used + c.minutes <= input.capacityMinutes) {
      chosen.push(c);
      used += c.minutes;
    } else left.push(c);
  }
  const overByMinutes = Math.max(0, used - input.capacityMinutes);

  const starts = timeSlots(addMinutes(input.startTime, huddle), chosen.map((c) => c.minutes));
  const items: ProposedItem[] = chosen.map((c, i) => ({
    residentId: c.snapshot.resident.id, name: residentName(c.snapshot), nhsNumber: c.snapshot.resident.nhsNumber, position: i + 1,
    start: starts[i] ?? input.startTime, minutes: c.minutes, tier: c.tier, score: c.score, reasons: c.reasons, mustSee: c.mustSee,
    ...(c.carried !== NOT_CARRIED ? { waitingSince: carriedOver.get(c.snapshot.resident.id)?.since } : {}),
  }));

  const comesUp = comesUpDates(left, input.capacityMinutes - huddle, date);
  const queue = new Map(left.map((c, i) => [c.snapshot.resident.id, { place: i + 1, c }]));
  const onRound = new Set(chosen.map((c) => c.snapshot.resident.id));
  const KIND_ORDER = { deferred: 0, elsewhere: 1, 'nothing-due': 2 } as const;
  const notThisWeek: NotThisWeek[] = active
    .filter((s) => !onRound.has(s.resident.id))
    .map((s): NotThisWeek => {
      const id = s.resident.id;
      const waiting = queue.get(id);
      const split = bySession.get(id);
      const reasons = [...(byResident.get(id) ?? [])].sort(compareReasons);
      if (waiting) {
        const when = comesUp.get(id) ?? null;
        const since = carriedOver.get(id)?.since;
        return {
          residentId: id, name: residentName(s), nextInLine: waiting.place, comesUp: when, kind: 'deferred', reasons, ...(since ? { waitingSince: since } : {}),
          why: `Over capacity this week (needs ${waiting.c.minutes} minutes): ${waiting.place === 1 ? 'first' : `number ${waiting.place}`} in line for the next round`
            + `${when ? `, expected ${formatUkDate(when)}` : ''}${since ? `; waited since ${formatUkDate(since)}` : ''} — ${headline(waiting.c.reasons)}.`,
        };
      }
      if (split && (split.tasks.length > 0 || split.pharmacist.length > 0)) {
        const where = [split.tasks.length > 0 ? 'the task list for the practice nurse or phlebotomy visit' : '',
          split.pharmacist.length > 0 ? 'the pharmacist’s session' : ''].filter(Boolean).join(' and ');
        return {
          residentId: id, name: residentName(s), nextInLine: null, comesUp: null, kind: 'elsewhere', reasons,
          why: `Not for the GP round this week: on ${where} — ${headline([...split.tasks, ...split.pharmacist])}.`,
        };
      }
      const last = lastSeen(s, input.today);
      const seen = last ? `last seen ${last.how === 'round' ? 'on a round' : 'by a GP at the home'} ${formatUkDate(last.date)}` : 'not yet seen on a round';
      const continuityFrom = addDays(last?.date ?? s.resident.admissionDate ?? input.today, CONTINUITY_DAYS);
      return {
        residentId: id, name: residentName(s), nextInLine: null, comesUp: null, kind: 'nothing-due', reasons,
        why: `Nothing due this week (${seen}; a continuity review falls due on ${formatUkDate(continuityFrom)}).`,
      };
    })
    .sort((a, b) => KIND_ORDER[a.kind ?? 'nothing-due'] - KIND_ORDER[b.kind ?? 'nothing-due'] || (a.nextInLine ?? Infinity) - (b.nextInLine ?? Infinity)
      || a.name.localeCompare(b.name) || a.residentId - b.residentId);

  const escalations: Escalation[] = active.flatMap((s) => s.flags
    .filter((f) => f.severity === 'escalate-now' && (f.status === 'open' || f.status === 'on-agenda'))
    .map((f) => ({ residentId: s.resident.id, name: residentName(s),
      explanation: `${f.text || f.category} (raised ${formatUkDate(f.raisedOn)}): act today — same-day escalation, not for the weekly round.` })));

  const toSession = (list: Candidate[], budget: number | null): SessionItem[] => {
    let spent = 0;
    return [...list].sort(compareCandidates).map((c) => {
      const fits = budget === null || spent + c.minutes <= budget;
      if (fits) spent += c.minutes;
      return { residentId: c.snapshot.resident.id, name: residentName(c.snapshot), nhsNumber: c.snapshot.resident.nhsNumber, minutes: c.minutes, fits,
        reasons: c.reasons };
    });
  };
  const pharmacistItems = toSession(pharmacist, pharmacistMinutes);

  return {
    capacityMinutes: input.capacityMinutes, startTime: input.startTime, usedMinutes: used, huddleMinutes: huddle, overByMinutes, items, notThisWeek,
    deferred: deferredSummary(left), escalations, tasks: toSession(tasks, null),
    pharmacist: { minutes: pharmacistMinutes, usedMinutes: pharmacistItems.filter((i) => i.fits).reduce((n, i) => n + i.minutes, 0), items: pharmacistItems },
    carePlanning: toSession(carePlanning, null),
  };
}

function deferredSummary(left: readonly Candidate[]): DeferredSummary {
  const counts = new Map<string, number>();
  for (const c of left) {
    const rule = c.reasons[0]?.rule ?? 'other';
    counts.set(rule, (counts.get(rule) ?? 0) + 1);
  }
  const byReason = [...counts].map(([rule, count]) => ({ rule, label: ruleLabel(rule), count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const text = left.length === 0 ? 'Nobody with something due waits for time this week.'
    : `${plural(left.length, 'resident')} wait${left.length === 1 ? 's' : ''} for the next round for lack of time: ${byReason.map((r) => `${r.count} ${r.label}`).join(', ')}.`;
  return { total: left.length, byReason, text };
}

/**
 * The last time the resident was seen at the home: on a round here, or on a GP or care-home visit in the
 * practice record (a `visit` event), whichever is later; null if never.
 */
export function lastSeen(s: ResidentSnapshot, today: string): { date: string; how: 'round' | 'visit' } | null {
  let visit: string | null = null;
  for (const e of s.events) if (e.type === 'visit' && e.date <= today && (visit === null || e.date > visit)) visit = e.date;
  if (s.lastSeenOnRound && (visit === null || s.lastSeenOnRound >= visit)) return { date: s.lastSeenOnRound, how: 'round' };
  return visit ? { date: visit, how: 'visit' } : null;
}

/** Not seen on a round for this many days: a continuity review (12 weeks, local default). */
export const CONTINUITY_DAYS = 84;

/** Where one agenda item sits on its round: its place and its time slot. */
export interface ItemSlot { id: number; position: number; start: string; minutes: number }

/**
 * A round's items in the given order, each slotted after the huddle from the round's start time, with any
 * minutes changed. The order must name every current item once.
 */
export function slotItems(round: Pick<Round, 'startTime' | 'plan' | 'items'>, itemIds: readonly number[],
  minutesOverride: ReadonlyMap<number, number> = new Map()): ItemSlot[] {
  const current = new Map(round.items.map((i) => [i.id, i]));
  const ids = [...new Set(itemIds)].filter((id) => current.has(id));
  if (ids.length !== current.size) throw new AppError('INVALID_INPUT', 'The new order must list every resident on the round once.');
  const minutes = ids.map((id) => minutesOverride.get(id) ?? current.get(id)?.minutes ?? 0);
  const starts = timeSlots(addMinutes(round.startTime, round.plan.huddleMinutes ?? 0), minutes);
  return ids.map((id, i) => ({ id, position: i + 1, start: starts[i] ?? round.startTime, minutes: minutes[i] ?? 0 }));
}

/** How a round's items are put in order and slotted: the store applies it inside the edit's transaction. */
export type ArrangeItems = typeof slotItems;
