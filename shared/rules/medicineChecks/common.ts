/**
 * What every medicines safety check shares: the resident's context, a finding (the medicines involved and
 * the words), and how a finding becomes a due item: due from the day the newest medicine involved started,
 * answered by a review of that rule (or, for routine checks, a structured medication review) on or after it.
 */
import { formatUkDate, type IsoDate } from '../../dates';
import type { DueItem, DueStatus } from '../../domain/due';
import type { ResidentSnapshot, SnapshotReview } from '../../domain/snapshot';
import type { CurrentMedicine, MedicineGroup } from '../medicines';
import { inGroup } from '../medicines';
import type { ReviewSettings } from '../reviewSettings';

export interface CheckContext {
  snapshot: ResidentSnapshot;
  today: IsoDate;
  s: ReviewSettings;
  /** Current medicines being taken (regular or as required); anticipatory ones are left out. */
  meds: CurrentMedicine[];
}

export type Draft = Omit<DueItem, 'residentId' | 'minutes'>;

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
export const listNames = (names: string[]): string => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`);

/** Review records that mean "a full structured medication review was done". */
export const SMR_RULES = ['smr', 'smr-annual', 'polypharmacy', 'structured-medication-review'];

/** The last date a done review under one of these names was recorded, on or after `since` when given. */
export function lastDoneOf(reviews: SnapshotReview[], names: readonly string[], since: IsoDate | null = null): IsoDate | null {
  let last: IsoDate | null = null;
  for (const r of reviews) {
    if (r.status !== 'done' || !r.doneOn || !names.includes(r.rule)) continue;
    if (since !== null && r.doneOn < since) continue;
    if (last === null || r.doneOn > last) last = r.doneOn;
  }
  return last;
}

/** "Apixaban", "Warfarin (as required)": the generic name a person reads, with how it is taken when not regular. */
export function medName(m: CurrentMedicine): string {
  return `${m.entry?.name ?? m.text}${m.asNeeded === 'as-required' ? ' (as required)' : ''}`;
}

/** Each generic once, in the order given. */
export function distinctByEntry(meds: CurrentMedicine[]): CurrentMedicine[] {
  const seen = new Set<string>();
  return meds.filter((m) => {
    const key = m.entry?.name ?? m.text;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Current (non-topical) medicines in any of the groups. */
export function inAnyGroup(c: CheckContext, ...groups: MedicineGroup[]): CurrentMedicine[] {
  return c.meds.filter((m) => !m.topical && groups.some((g) => inGroup(m, g)));
}

/** A condition on the problem list whose name matches, if any. */
export function condition(c: CheckContext, pattern: RegExp): string | null {
  return c.snapshot.conditions.find((x) => pattern.test(x.name))?.name ?? null;
}

export interface Finding {
  rule: string;
  /** The medicines involved: the newest start date is when the finding began. */
  meds: CurrentMedicine[];
  /** What was found, naming the medicines (and the condition): "Warfarin and apixaban, two anticoagulants". */
  what: string;
  /** Said after the dates, before what to consider: ", with Gold Standards Framework code C". */
  context?: string;
  /** What to consider, with the criterion and its source: the prescriber decides. */
  consider: string;
  /** A same-day call to the prescriber, not a routine review. */
  urgent?: boolean;
  /** Other review records that also answer it (the same conversation under another rule). */
  alsoAnsweredBy?: string[];
  /** The date of the result the finding was judged on: when later than the medicines' start, the finding begins then. */
  evidenceDate?: IsoDate;
}

/**
 * A finding as a due item, or null when it has been answered: a review of the same rule on or after the day
 * the newest medicine involved started, or the day of the result it was judged on when later (when neither
 * date is recorded, any review of that rule). A full
 * structured medication review also answers a routine finding, never an urgent one.
 */
export function findingItem(c: CheckContext, f: Finding): Draft | null {
  const starts = f.meds.map((m) => m.startDate).filter((d): d is string => d !== null).sort();
  const started = f.meds.length > 0 && starts.length === f.meds.length ? (starts.at(-1) ?? null) : null;
  const trigger = f.evidenceDate !== undefined && (started === null || f.evidenceDate > started) ? f.evidenceDate : started;
  const names = [f.rule, ...(f.alsoAnsweredBy ?? []), ...(f.urgent || trigger === null ? [] : SMR_RULES)];
  if (lastDoneOf(c.snapshot.reviews, names, trigger) !== null) return null;
  const due = trigger !== null && trigger < c.today ? trigger : c.today;
  const status: DueStatus = f.urgent && due < c.today ? 'overdue' : 'due';
  const since = trigger !== null ? ` (since ${formatUkDate(trigger)})` : '';
  return { rule: f.rule, due, status, explanation: `${f.what}${since}${f.context ?? ''} — consider ${f.consider}`, ...(f.urgent ? { urgent: true } : {}) };
}
