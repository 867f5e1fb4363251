/**
 * The capacity-aware review schedule (pure): due items are placed into a home's upcoming rounds, overdue
 * first and then by due date, into the earliest round with enough minutes left. A round is never filled
 * past its capacity, a resident is never placed twice for the same rule, and whatever does not fit is
 * listed with the reason.
 *
 * Minutes come from the round's time model (roundTime.ts), the one source of truth: a review on the round
 * takes what the round would give it (`residentMinutes` of that review alone, notes included); bloods and
 * monitoring go to the task list and, where the home has a pharmacist session, medication-review work to
 * that session (`sessionFor`), so neither takes round time.
 */
import { formatUkDate, type IsoDate } from '../dates';
import type { DueItem } from '../domain/due';
import { compareDueItems } from './reviews';
import { residentMinutes, sessionFor, type RoundTime } from './roundTime';

export interface ScheduleRound {
  /** A stored round's id, or a key for a projected one ("2026-12-01"). */
  key: string;
  date: IsoDate;
  capacityMinutes: number;
  /** Minutes already taken on the round by other agenda items. */
  usedMinutes?: number;
}

export interface PlacedItem {
  item: DueItem;
  roundKey: string;
  roundDate: IsoDate;
}

export interface UnplacedItem {
  item: DueItem;
  reason: string;
}

export interface ReviewSchedule {
  placed: PlacedItem[];
  unplaced: UnplacedItem[];
  /** Minutes used per round after placing, including usedMinutes. */
  used: Record<string, number>;
}

export function scheduleReviews(rounds: readonly ScheduleRound[], items: readonly DueItem[]): ReviewSchedule {
  const ordered = [...rounds].sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key));
  const used: Record<string, number> = {};
  for (const r of ordered) used[r.key] = r.usedMinutes ?? 0;
  const largest = Math.max(0, ...ordered.map((r) => r.capacityMinutes - (r.usedMinutes ?? 0)));
  const seen = new Set<string>();
  const placed: PlacedItem[] = [];
  const unplaced: UnplacedItem[] = [];
  for (const item of [...items].sort(compareDueItems)) {
    const key = `${item.residentId}\u0000${item.rule}`;
    if (seen.has(key)) {
      unplaced.push({ item, reason: 'The same review for this resident is already listed once; it is not booked twice.' });
      continue;
    }
    seen.add(key);
    if (ordered.length === 0) {
      unplaced.push({ item, reason: 'No upcoming rounds: plan a round for this home, or set its usual round day and capacity.' });
      continue;
    }
    if (item.minutes > largest) {
      unplaced.push({ item, reason: `Needs ${item.minutes} minutes, more than any upcoming round has free (${largest} minutes at most).` });
      continue;
    }
    const round = ordered.find((r) => r.capacityMinutes - (used[r.key] ?? 0) >= item.minutes);
    if (!round) {
      unplaced.push({ item, reason: `Needs ${item.minutes} minutes; the upcoming rounds (${ordered.map((r) => formatUkDate(r.date)).join(', ')}) do not have that much time left.` });
      continue;
    }
    used[round.key] = (used[round.key] ?? 0) + item.minutes;
    placed.push({ item, roundKey: round.key, roundDate: round.date });
  }
  return { placed, unplaced, used };
}

/**
 * Which of a home's review items the round deals with, each with the minutes the round would give it; the
 * others (task list, pharmacist's session) with where they go instead, and the minutes there (0 on the
 * task list: a visit, not a slot).
 */
export function roundShare(items: readonly DueItem[], time: RoundTime, hasPharmacist: boolean): { onRound: DueItem[]; elsewhere: UnplacedItem[] } {
  const onRound: DueItem[] = [];
  const elsewhere: UnplacedItem[] = [];
  for (const item of items) {
    const session = sessionFor(item, hasPharmacist);
    if (session === 'round') onRound.push({ ...item, minutes: residentMinutes([item], time) });
    else if (session === 'tasks') elsewhere.push({ item: { ...item, minutes: 0 }, reason: 'On the task list for the practice nurse or phlebotomy visit, not the GP round.' });
    else elsewhere.push({ item: { ...item, minutes: time.pharmacistMinutesPerResident }, reason: 'For the home’s pharmacist session, not the GP round.' });
  }
  return { onRound, elsewhere };
}
