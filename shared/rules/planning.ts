/**
 * The round planner (DOMAIN.md section 2): a pure function from residents' snapshots, their due items and
 * the round's capacity to a proposed agenda. Deterministic: the same input gives the same proposal.
 *
 * Reasons come from REASON SOURCES, functions `(snapshot, today) => DueItem[]` (flags, family concerns,
 * open actions, continuity here; medication reviews and care plans from their own rule files). The planner
 * never looks at where a reason came from, only at its rule id.
 *
 * Priority (documented in the README too). Each reason has a tier from its rule id:
 *   1000 escalate-now follow-up (`flag-escalate-now`)
 *    900 urgent (`flag-urgent`, `new-admission-pcsp`, `post-discharge`, `end-of-life`)
 *    800 high (`flag-high`)
 *    600 due reviews (medication-review rules, `monitoring-*`, `pcsp-review`, `flag-routine`, and any rule
 *        not named here)
 *    500 advance-care-plan items (`acp-missing`, `acp-review`, `ppd-missing`)
 *    400 family concern (`family-concern`) and other `flag-medium` flags
 *    300 continuity (`continuity`)
 *    200 open actions (`open-actions`)
 * A resident's item takes the tier of its highest reason. Within a tier, the score adds 20 for each further
 * reason, 10 if any reason is overdue (5 if due, 0 if only due soon) and the days the oldest reason is
 * overdue (at most 60). Items are ordered by tier, then score, then the earliest due date, then family
 * name, given name and resident id — so the order never depends on input order.
 *
 * Minutes: reasons are grouped into discussions (discussionOf: one medication review, one care-plan
 * conversation, the home's flags, anything else on its own); each discussion takes its longest reason's
 * minutes, and the item the longest discussion plus 5 minutes for each further one, never more than their
 * sum and never less than 5 minutes.
 *
 * Capacity: items are taken in priority order while they fit; an item that does not fit is left for next
 * week ("over capacity"), and later, shorter items may still fill the time left. The proposal never uses
 * more minutes than the capacity.
 */
import { addDays, daysBetween, formatUkDate } from '../dates';
import type { DueItem } from '../domain/due';
import type { ResidentSnapshot } from '../domain/snapshot';

/** A reason on the agenda: a due item, with the flags it stands for when it comes from flags. */
export interface RoundReason extends DueItem {
  flagIds?: number[];
}

export type Tier = 'escalate-now' | 'urgent' | 'high' | 'review' | 'acp' | 'family-concern' | 'continuity' | 'open-actions';

export const TIER_WEIGHT: Record<Tier, number> = {
  'escalate-now': 1000, urgent: 900, high: 800, review: 600, acp: 500, 'family-concern': 400, continuity: 300, 'open-actions': 200,
};

export const TIER_LABEL: Record<Tier, string> = {
  'escalate-now': 'Follow-up of a same-day escalation', urgent: 'Urgent', high: 'High', review: 'Review due', acp: 'Advance care plan',
  'family-concern': 'Family concern', continuity: 'Continuity', 'open-actions': 'Open actions',
};

const URGENT_RULES = new Set(['flag-urgent', 'new-admission-pcsp', 'post-discharge', 'end-of-life']);
const ACP_RULES = new Set(['acp-missing', 'acp-review', 'ppd-missing']);

export function tierOf(rule: string): Tier {
  if (rule === 'flag-escalate-now') return 'escalate-now';
  if (URGENT_RULES.has(rule)) return 'urgent';
  if (rule === 'flag-high') return 'high';
  if (ACP_RULES.has(rule)) return 'acp';
  if (rule === 'family-concern' || rule === 'flag-medium') return 'family-concern';
  if (rule === 'continuity') return 'continuity';
  if (rule === 'open-actions') return 'open-actions';
  return 'review';
}

export interface PlanInput {
  /** Residents of the home (left and died are excluded here whatever is passed). */
  snapshots: readonly ResidentSnapshot[];
  /** Every reason source's due items for these residents. */
  reasons: readonly RoundReason[];
  capacityMinutes: number;
  /** "HH:MM". */
  startTime: string;
  today: string;
}

export interface ProposedItem {
  residentId: number;
  name: string;
  nhsNumber: string;
  position: number;
  /** "HH:MM". */
  start: string;
  minutes: number;
  tier: Tier;
  score: number;
  reasons: RoundReason[];
}

export interface NotThisWeek {
  residentId: number;
  name: string;
  why: string;
  /** For a resident left out for capacity: their place in the queue for the next round (1 = next). */
  nextInLine: number | null;
  reasons: RoundReason[];
}

export interface Escalation {
  residentId: number;
  name: string;
  explanation: string;
}

export interface RoundProposal {
  capacityMinutes: number;
  startTime: string;
  usedMinutes: number;
  items: ProposedItem[];
  notThisWeek: NotThisWeek[];
  /** escalate-now flags: act today, whatever the round. */
  escalations: Escalation[];
}

export function residentName(s: ResidentSnapshot): string {
  const r = s.resident;
  return `${r.givenName}${r.preferredName ? ` (${r.preferredName})` : ''} ${r.familyName}`;
}

export const MIN_ITEM_MINUTES = 5;

/**
 * Reasons that are one conversation on the round: everything a structured medication review covers is one
 * medication review (an SMR deals with the anticholinergic load, the falls drugs and the STOPP items too);
 * care-plan gaps and end-of-life are one advance-care-planning conversation; the home's flags are one look at
 * what the staff raised. Any other rule (a family's concern, with the relative there, among them) is its own discussion.
 */
export function discussionOf(rule: string): string {
  if (rule === 'post-discharge' || rule.startsWith('monitoring-')
    || ['smr-annual', 'polypharmacy', 'antipsychotic-dementia', 'acb-high', 'fall-frid', 'stopp-duration'].includes(rule)) return 'medicines';
  if (ACP_RULES.has(rule) || rule === 'end-of-life') return 'care-plan';
  if (rule.startsWith('flag-')) return 'flags';
  return rule;
}

/**
 * Minutes an item needs from its reasons: each discussion takes its longest reason's minutes; the longest
 * discussion plus 5 for each further one, never more than the discussions' sum and never under 5.
 */
export function itemMinutes(reasons: readonly Pick<DueItem, 'minutes' | 'rule'>[]): number {
  if (reasons.length === 0) return 0;
  const byDiscussion = new Map<string, number>();
  for (const r of reasons) {
    const key = discussionOf(r.rule);
    byDiscussion.set(key, Math.max(byDiscussion.get(key) ?? 0, Math.max(0, Math.round(r.minutes))));
  }
  const minutes = [...byDiscussion.values()];
  const sum = minutes.reduce((a, b) => a + b, 0);
  return Math.max(MIN_ITEM_MINUTES, Math.min(sum, Math.max(...minutes) + 5 * (minutes.length - 1)));
}

function compareReasons(a: RoundReason, b: RoundReason): number {
  return TIER_WEIGHT[tierOf(b.rule)] - TIER_WEIGHT[tierOf(a.rule)] || a.due.localeCompare(b.due) || a.rule.localeCompare(b.rule)
    || a.explanation.localeCompare(b.explanation) || a.status.localeCompare(b.status) || a.minutes - b.minutes;
}

function scoreOf(reasons: readonly RoundReason[], today: string): { tier: Tier; score: number; earliest: string } {
  const sorted = [...reasons].sort(compareReasons);
  const tier = tierOf(sorted[0]?.rule ?? 'open-actions');
  const earliest = reasons.map((r) => r.due).sort()[0] ?? today;
  const statusBonus = reasons.some((r) => r.status === 'overdue') ? 10 : reasons.some((r) => r.status === 'due') ? 5 : 0;
  const overdueDays = Math.min(60, Math.max(0, daysBetween(earliest, today)));
  return { tier, score: TIER_WEIGHT[tier] + 20 * (reasons.length - 1) + statusBonus + overdueDays, earliest };
}

/** "HH:MM" plus minutes. */
export function addMinutes(time: string, minutes: number): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  const total = (h * 60 + m + minutes) % (24 * 60);
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

/** Proposes a round: see the header comment for the priority, minutes and capacity rules. */
export function planRound(input: PlanInput): RoundProposal {
  const active = input.snapshots.filter((s) => s.resident.status === 'active');
  const byResident = new Map<number, RoundReason[]>();
  for (const reason of input.reasons) {
    const list = byResident.get(reason.residentId);
    if (list) list.push(reason);
    else byResident.set(reason.residentId, [reason]);
  }

  const candidates = active
    .filter((s) => (byResident.get(s.resident.id) ?? []).length > 0)
    .map((s) => {
      const reasons = [...(byResident.get(s.resident.id) ?? [])].sort(compareReasons);
      return { snapshot: s, reasons, minutes: itemMinutes(reasons), ...scoreOf(reasons, input.today) };
    })
    .sort((a, b) => TIER_WEIGHT[b.tier] - TIER_WEIGHT[a.tier] || b.score - a.score || a.earliest.localeCompare(b.earliest)
      || a.snapshot.resident.familyName.localeCompare(b.snapshot.resident.familyName)
      || a.snapshot.resident.givenName.localeCompare(b.snapshot.resident.givenName) || a.snapshot.resident.id - b.snapshot.resident.id);

  const chosen: typeof candidates = [];
  const left: typeof candidates = [];
  let used = 0;
  for (const c of candidates) {
    if (used + c.minutes <= input.capacityMinutes) {
      chosen.push(c);
      used += c.minutes;
    } else left.push(c);
  }

  const starts = timeSlots(input.startTime, chosen.map((c) => c.minutes));
  const items: ProposedItem[] = chosen.map((c, i) => ({
    residentId: c.snapshot.resident.id, name: residentName(c.snapshot), nhsNumber: c.snapshot.resident.nhsNumber, position: i + 1,
    start: starts[i] ?? input.startTime, minutes: c.minutes, tier: c.tier, score: c.score, reasons: c.reasons,
  }));

  const queue = new Map(left.map((c, i) => [c.snapshot.resident.id, i + 1]));
  const notThisWeek: NotThisWeek[] = active
    .filter((s) => !chosen.some((c) => c.snapshot.resident.id === s.resident.id))
    .map((s) => {
      const id = s.resident.id;
      const place = queue.get(id);
      const reasons = [...(byResident.get(id) ?? [])].sort(compareReasons);
      if (place !== undefined) {
        const c = left[place - 1];
        return {
          residentId: id, name: residentName(s), nextInLine: place, reasons,
          why: `Over capacity this week (needs ${c?.minutes ?? 0} minutes): ${place === 1 ? 'first' : `number ${place}`} in line for the next round — ${headline(reasons)}.`,
        };
      }
      const seen = s.lastSeenOnRound ? `last seen on a round ${formatUkDate(s.lastSeenOnRound)}` : 'not yet seen on a round';
      const continuityFrom = addDays(s.lastSeenOnRound ?? s.resident.admissionDate ?? input.today, CONTINUITY_DAYS);
      return {
        residentId: id, name: residentName(s), nextInLine: null, reasons,
        why: `Nothing due this week (${seen}; a continuity review falls due on ${formatUkDate(continuityFrom)}).`,
      };
    })
    .sort((a, b) => (a.nextInLine ?? Infinity) - (b.nextInLine ?? Infinity) || a.name.localeCompare(b.name) || a.residentId - b.residentId);

  const escalations: Escalation[] = active.flatMap((s) => s.flags
    .filter((f) => f.severity === 'escalate-now' && (f.status === 'open' || f.status === 'on-agenda'))
    .map((f) => ({ residentId: s.resident.id, name: residentName(s),
      explanation: `${f.text || f.category} (raised ${formatUkDate(f.raisedOn)}): act today — same-day escalation, not for the weekly round.` })));

  return { capacityMinutes: input.capacityMinutes, startTime: input.startTime, usedMinutes: used, items, notThisWeek, escalations };
}

/** Not seen on a round for this many days: a continuity review (12 weeks, local default). */
export const CONTINUITY_DAYS = 84;
