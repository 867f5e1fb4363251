/**
 * The personalised care and support plan (PCSP, EHCH framework): a record of its own — written, reviewed,
 * by whom, next review — and its two rules.
 *  - `new-admission-pcsp`: a resident who moved into the home on D needs a holistic assessment and a PCSP
 *    within 7 working days (weekends and bank holidays not counted). The clock runs from the ORIGINAL move-in:
 *    a hospital stay after it does not restart it (the return gets its own `post-discharge` review). It is done
 *    when a PCSP is recorded (written or reviewed) on or after the move-in, or the review is recorded done.
 *  - `pcsp-review`: the newest plan is older than its review interval (the plan's own next-review date, else
 *    12 months, a local default in the care-plan settings).
 * Pure: the medication-review rules call `newAdmissionPcsp`, the care-plan rules `pcspDueItems`.
 */
import { addDays, addMonths, daysBetween, formatUkDate, type IsoDate } from '../dates';
import type { DueItem, DueStatus } from '../domain/due';
import type { ResidentSnapshot } from '../domain/snapshot';
import { isMoveIn } from './moveIn';
import { firstMention, pronounsOf } from './names';
import { addWorkingDays } from './workingDays';

export interface NewAdmissionSettings {
  pcspWorkingDays: number;
  pcspWarnFromWorkingDay: number;
  /** A move-in older than this is no longer raised. */
  lookbackDays: number;
}

export interface PcspReviewSettings {
  pcspReviewAfterMonths: number;
  dueSoonDays: number;
  overdueAfterDays: number;
  minutes: { pcspReview: number };
}

/** Review records that count as the new-admission assessment done. */
const PCSP_REVIEW_NAMES = ['new-admission-pcsp', 'pcsp', 'pcsp-review'];

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
function when(today: IsoDate, due: IsoDate): string {
  const d = daysBetween(due, today);
  return d > 0 ? `overdue by ${days(d)}` : d === 0 ? 'due today' : `due in ${days(-d)}`;
}

/** The date of the newest care and support plan (written or reviewed), or null. */
export function latestPcsp(snapshot: ResidentSnapshot): { date: IsoDate; nextReview: IsoDate | null; by: string | null; kind: 'created' | 'reviewed' } | null {
  const plans = [...(snapshot.supportPlans ?? [])].sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
  const p = plans[0];
  return p ? { date: p.date, nextReview: p.nextReview, by: p.by, kind: p.kind } : null;
}

/** The hospital stays (admission to discharge) since a date: said in the words so nobody thinks the clock restarted. */
function staysSince(snapshot: ResidentSnapshot, since: IsoDate, today: IsoDate): string[] {
  const admitted = snapshot.resident.admissionDate;
  const ins = snapshot.events.filter((e) => e.type === 'admission' && e.date > since && e.date <= today && !isMoveIn(e, admitted)).map((e) => e.date).sort();
  const outs = snapshot.events.filter((e) => e.type === 'discharge' && e.date >= since && e.date <= today).map((e) => e.date).sort();
  const stays: string[] = [];
  for (const out of outs) {
    const went = ins.filter((d) => d <= out).at(-1);
    stays.push(went ? `in hospital ${formatUkDate(went)} to ${formatUkDate(out)}` : `back from hospital on ${formatUkDate(out)}`);
  }
  for (const went of ins.filter((d) => !outs.some((o) => o >= d))) stays.push(`in hospital since ${formatUkDate(went)}`);
  return stays;
}

/** new-admission-pcsp: 7 working days from the original move-in, not reset by a hospital stay. */
export function newAdmissionPcsp(snapshot: ResidentSnapshot, today: IsoDate, s: NewAdmissionSettings): { rule: 'new-admission-pcsp'; due: IsoDate; status: DueStatus; explanation: string } | null {
  const admitted = snapshot.resident.admissionDate;
  if (!admitted || admitted > today || admitted < addDays(today, -s.lookbackDays)) return null;
  if ((snapshot.supportPlans ?? []).some((p) => p.date >= admitted)) return null;
  if (snapshot.reviews.some((r) => r.status === 'done' && r.doneOn !== null && r.doneOn >= admitted && PCSP_REVIEW_NAMES.includes(r.rule))) return null;
  const due = addWorkingDays(admitted, s.pcspWorkingDays);
  const soonFrom = addWorkingDays(admitted, s.pcspWarnFromWorkingDay);
  const status: DueStatus | null = today > due ? 'overdue' : today === due ? 'due' : today >= soonFrom ? 'due-soon' : null;
  if (!status) return null;
  const stays = staysSince(snapshot, admitted, today);
  const stayWords = stays.length > 0 ? ` The time ${stays.join('; ')} does not restart this: the return from hospital has its own review.` : '';
  return {
    rule: 'new-admission-pcsp', due, status,
    explanation: `Moved into ${snapshot.resident.homeName} on ${formatUkDate(admitted)}: holistic assessment and personalised care and support plan within ${s.pcspWorkingDays} working days (weekends and bank holidays not counted), due ${formatUkDate(due)} — ${when(today, due)}.${stayWords}`,
  };
}

/** pcsp-review: the newest care and support plan is older than its review interval. */
export function pcspDueItems(snapshot: ResidentSnapshot, today: IsoDate, s: PcspReviewSettings): DueItem[] {
  if (snapshot.resident.status !== 'active') return [];
  const last = latestPcsp(snapshot);
  if (!last) return [];
  const due = last.nextReview ?? addMonths(last.date, s.pcspReviewAfterMonths);
  const ahead = daysBetween(today, due);
  if (ahead > s.dueSoonDays) return [];
  const status: DueStatus = ahead > 0 ? 'due-soon' : -ahead > s.overdueAfterDays ? 'overdue' : 'due';
  const what = last.kind === 'created' ? 'written' : 'last reviewed';
  return [{
    residentId: snapshot.resident.id, rule: 'pcsp-review', due, status, minutes: s.minutes.pcspReview,
    explanation: `The care and support plan was ${what} on ${formatUkDate(last.date)}${last.by ? ` by ${last.by}` : ''}; ${last.nextReview ? 'its review date is' : `a review is due ${s.pcspReviewAfterMonths} months on,`} ${formatUkDate(due)} — ${when(today, due)}. Review it with the home, ${firstMention(snapshot.resident)} and the people close to ${pronounsOf(snapshot.resident).them}.`,
  }];
}
