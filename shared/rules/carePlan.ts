/**
 * Advance care planning gaps and triggers (DOMAIN.md sections 2 and 4): acp-missing, acp-review,
 * ppd-missing and end-of-life. Pure functions of a resident's snapshot and today; every item explains
 * itself in words meant for a kind conversation with the resident and the people close to them.
 * The round planner calls `carePlanDueItems`.
 */
import { z } from 'zod';
import { addMonths, daysBetween, formatUkDate } from '../dates';
import type { DueItem, DueStatus } from '../domain/due';
import type { AcpElement } from '../domain/enums';
import type { Representative } from '../domain/register';
import type { ResidentSnapshot, SnapshotCarePlanEntry } from '../domain/snapshot';

/** The intervals and minutes, in one place so a practice can change them (values marked local default in DOMAIN.md). */
export interface CarePlanSettings {
  /** acp-missing falls due this many months after admission (local default 3). */
  acpMissingAfterMonths: number;
  /** acp-review: a ReSPECT form or plan older than this many months (local default 12). */
  acpReviewAfterMonths: number;
  /** ppd-missing: no preferred place of care or death recorded in this many months (36). */
  ppdLookbackMonths: number;
  /** Items are shown as "due soon" this many days ahead of their date. */
  dueSoonDays: number;
  /** And as "overdue" this many days after it. */
  overdueAfterDays: number;
  /** Minutes each kind of item needs on a round. */
  minutes: { acpMissing: number; acpReview: number; ppdMissing: number; endOfLife: number };
}

export const CARE_PLAN_RULES_VERSION = '2026.11.1';

export const CARE_PLAN_DEFAULTS: CarePlanSettings = {
  acpMissingAfterMonths: 3,
  acpReviewAfterMonths: 12,
  ppdLookbackMonths: 36,
  dueSoonDays: 30,
  overdueAfterDays: 28,
  minutes: { acpMissing: 15, acpReview: 15, ppdMissing: 10, endOfLife: 20 },
};

const months = z.number().int().min(1).max(120);
const minutes = z.number().int().min(5).max(120);
/** A practice's overrides (from its settings), checked: anything left out keeps the default. */
export const carePlanSettingsOverrides = z.object({
  acpMissingAfterMonths: months, acpReviewAfterMonths: months, ppdLookbackMonths: months,
  dueSoonDays: z.number().int().min(0).max(180), overdueAfterDays: z.number().int().min(0).max(365),
  minutes: z.object({ acpMissing: minutes, acpReview: minutes, ppdMissing: minutes, endOfLife: minutes }).partial(),
}).partial().strict();

/** The settings the rules run with: the defaults, with a practice's checked overrides on top. */
export function carePlanSettings(overrides: z.input<typeof carePlanSettingsOverrides> = {}): CarePlanSettings {
  const o = carePlanSettingsOverrides.parse(overrides);
  return { ...CARE_PLAN_DEFAULTS, ...o, minutes: { ...CARE_PLAN_DEFAULTS.minutes, ...o.minutes } };
}

export const CARE_PLAN_RULES = ['acp-missing', 'acp-review', 'ppd-missing', 'end-of-life'] as const;
export type CarePlanRule = (typeof CARE_PLAN_RULES)[number];

/** The elements that make up an advance care plan (a conversation about what the resident would want). */
export const PLAN_ELEMENTS: readonly AcpElement[] = ['respect', 'dnacpr', 'preferred-place-of-care', 'preferred-place-of-death', 'adrt'];

/** The current entry of each element: the newest one not superseded. Superseded entries never count. */
export function currentEntries(entries: readonly SnapshotCarePlanEntry[]): Partial<Record<AcpElement, SnapshotCarePlanEntry>> {
  const current: Partial<Record<AcpElement, SnapshotCarePlanEntry>> = {};
  for (const e of entries) {
    if (e.supersededBy !== null) continue;
    const held = current[e.element];
    if (!held || e.recordedOn > held.recordedOn || (e.recordedOn === held.recordedOn && e.id > held.id)) current[e.element] = e;
  }
  return current;
}

/** Whether an item falling due on `due` shows today, and how: null while it is further off than the "due soon" window. */
export function dueStatus(due: string, today: string, settings: CarePlanSettings = CARE_PLAN_DEFAULTS): DueStatus | null {
  const days = daysBetween(today, due);
  if (days > settings.dueSoonDays) return null;
  if (days > 0) return 'due-soon';
  return -days > settings.overdueAfterDays ? 'overdue' : 'due';
}

interface Person {
  name: string;
  subject: string;
  possessive: string;
  /** "Mary and her daughter Susan Jones", or "Mary" with nobody to name. */
  withFamily: string;
}

/** The representative to name: the attorney for health and welfare first, then the first listed. */
export function mainRepresentative(reps: readonly Representative[]): Representative | null {
  return reps.find((r) => r.holdsLpaHealthWelfare) ?? reps[0] ?? null;
}

function person(snapshot: ResidentSnapshot): Person {
  const r = snapshot.resident;
  const name = r.preferredName ?? r.givenName;
  const [subject, possessive] = r.sex === 'female' ? ['she', 'her'] : r.sex === 'male' ? ['he', 'his'] : ['they', 'their'];
  const rep = mainRepresentative(snapshot.representatives);
  const withFamily = rep ? `${name} and ${possessive} ${rep.relationship.trim().toLowerCase()} ${rep.name}` : name;
  return { name, subject, possessive, withFamily };
}

const SEVERITY_WORDS: Record<string, string> = { 'escalate-now': 'an urgent', urgent: 'an urgent', high: 'a serious' };
const CONDITION_SEVERITIES = new Set(['escalate-now', 'urgent', 'high']);

function item(snapshot: ResidentSnapshot, rule: CarePlanRule, due: string, status: DueStatus, explanation: string, minutes: number): DueItem {
  return { residentId: snapshot.resident.id, rule, due, status, explanation, minutes };
}

function newest(entries: readonly (SnapshotCarePlanEntry | undefined)[]): SnapshotCarePlanEntry | null {
  let best: SnapshotCarePlanEntry | null = null;
  for (const e of entries) if (e && (!best || e.recordedOn > best.recordedOn)) best = e;
  return best;
}

/** acp-missing: no advance care plan or ReSPECT recorded, due a few months after the resident moved in. */
export function acpMissing(snapshot: ResidentSnapshot, today: string, settings: CarePlanSettings = CARE_PLAN_DEFAULTS): DueItem[] {
  const current = currentEntries(snapshot.carePlans);
  if (PLAN_ELEMENTS.some((el) => current[el])) return [];
  const admitted = snapshot.resident.admissionDate;
  const due = admitted ? addMonths(admitted, settings.acpMissingAfterMonths) : today;
  const status = dueStatus(due, today, settings);
  if (!status) return [];
  const p = person(snapshot);
  const since = admitted ? `, who moved in on ${formatUkDate(admitted)}` : '';
  return [item(snapshot, 'acp-missing', due, status,
    `There is no advance care plan for ${p.name}${since}. Talk with ${p.withFamily} about what ${p.subject} would want if ${p.subject} became more unwell, and whether a ReSPECT form would help.`,
    settings.minutes.acpMissing)];
}

/** acp-review: the plan is old, or something has changed since it was last talked through. */
export function acpReview(snapshot: ResidentSnapshot, today: string, settings: CarePlanSettings = CARE_PLAN_DEFAULTS): DueItem[] {
  const current = currentEntries(snapshot.carePlans);
  const planEntries = PLAN_ELEMENTS.map((el) => current[el]);
  const latest = newest(planEntries);
  if (!latest) return [];
  const p = person(snapshot);
  const planDate = latest.recordedOn;
  const reasons: { due: string; words: string }[] = [];

  // Age: the ReSPECT form's own review date (or its age), else the newest part of the plan.
  const respect = current.respect;
  if (respect) {
    const due = respect.reviewDue ?? addMonths(respect.recordedOn, settings.acpReviewAfterMonths);
    if (dueStatus(due, today, settings)) reasons.push({ due, words: `${p.possessive} ReSPECT form from ${formatUkDate(respect.recordedOn)} is due for review on ${formatUkDate(due)}` });
  } else {
    const due = addMonths(planDate, settings.acpReviewAfterMonths);
    if (dueStatus(due, today, settings)) reasons.push({ due, words: `${p.possessive} care plan was last talked through on ${formatUkDate(planDate)}` });
  }

  // A change in condition or a move since the plan was last talked through.
  for (const f of snapshot.flags) {
    if (CONDITION_SEVERITIES.has(f.severity) && f.raisedOn > planDate && f.raisedOn <= today) {
      reasons.push({ due: f.raisedOn, words: `the home raised ${SEVERITY_WORDS[f.severity] ?? 'a'} concern (${f.category.replace(/-/g, ' ')}) on ${formatUkDate(f.raisedOn)}` });
    }
  }
  for (const e of snapshot.events) {
    if ((e.type === 'admission' || e.type === 'discharge') && e.date > planDate && e.date <= today) {
      reasons.push({ due: e.date, words: e.type === 'admission' ? `${p.subject} went into hospital on ${formatUkDate(e.date)}` : `${p.subject} came back from hospital on ${formatUkDate(e.date)}` });
    }
  }
  // A move: the resident came to their current home after the plan was talked through (admission date to this home).
  const moved = snapshot.resident.admissionDate;
  if (moved && moved > planDate && moved <= today) {
    reasons.push({ due: moved, words: `${p.subject} moved to ${snapshot.resident.homeName} on ${formatUkDate(moved)}` });
  }
  if (reasons.length === 0) return [];
  reasons.sort((a, b) => a.due.localeCompare(b.due));
  const due = reasons[0]?.due ?? today;
  const status = dueStatus(due, today, settings) ?? 'due';
  const list = reasons.map((r) => r.words);
  const because = list.length === 1 ? list[0] : `${list.slice(0, -1).join('; ')} and ${list[list.length - 1]}`;
  return [item(snapshot, 'acp-review', due, status,
    `${capitalise(because ?? '')}. Talk with ${p.withFamily} about whether ${p.possessive} plan still says what ${p.subject} would want if ${p.subject} became more unwell.`,
    settings.minutes.acpReview)];
}

/** ppd-missing: no preferred place of care or of death recorded in the last three years. */
export function ppdMissing(snapshot: ResidentSnapshot, today: string, settings: CarePlanSettings = CARE_PLAN_DEFAULTS): DueItem[] {
  const current = currentEntries(snapshot.carePlans);
  const last = newest([current['preferred-place-of-care'], current['preferred-place-of-death']]);
  const p = person(snapshot);
  let due: string;
  let explanation: string;
  if (last) {
    due = addMonths(last.recordedOn, settings.ppdLookbackMonths);
    explanation = `Where ${p.name} would like to be cared for, and to be at the end of life, was last recorded on ${formatUkDate(last.recordedOn)}. Ask ${p.withFamily} gently whether that still holds.`;
  } else {
    const admitted = snapshot.resident.admissionDate;
    due = admitted ? addMonths(admitted, settings.acpMissingAfterMonths) : today;
    explanation = `Nobody has yet recorded where ${p.name} would most like to be cared for, or to be at the end of life. At the next review or care plan conversation, ask ${p.withFamily} what ${p.subject} would prefer.`;
  }
  const status = dueStatus(due, today, settings);
  return status ? [item(snapshot, 'ppd-missing', due, status, explanation, settings.minutes.ppdMissing)] : [];
}

/** end-of-life: the surprise question answered "no", or the GSF code at C or D, until the plan has been talked through since. */
export function endOfLife(snapshot: ResidentSnapshot, today: string, settings: CarePlanSettings = CARE_PLAN_DEFAULTS): DueItem[] {
  const current = currentEntries(snapshot.carePlans);
  const p = person(snapshot);
  const triggers: { entry: SnapshotCarePlanEntry; words: string }[] = [];
  const sq = current['surprise-question'];
  if (sq && sq.value.trim().toLowerCase() === 'no') {
    triggers.push({ entry: sq, words: `On ${formatUkDate(sq.recordedOn)} the team said they would not be surprised if ${p.name} died in the coming year` });
  }
  const gsf = current.gsf;
  const code = gsf?.value.trim().toUpperCase();
  if (gsf && (code === 'C' || code === 'D')) {
    triggers.push({ entry: gsf, words: `On ${formatUkDate(gsf.recordedOn)} ${p.possessive} Gold Standards Framework code became ${code} (${code === 'C' ? 'weeks' : 'days'})` });
  }
  const first = triggers.sort((a, b) => a.entry.recordedOn.localeCompare(b.entry.recordedOn))[0];
  if (!first || first.entry.recordedOn > today) return [];
  // Once the plan has been talked through on or after the trigger, the item has been answered.
  const talkedSince = PLAN_ELEMENTS.some((el) => snapshot.carePlans.some((e) => e.element === el && e.recordedOn >= first.entry.recordedOn));
  if (talkedSince) return [];
  const due = first.entry.recordedOn;
  const status = dueStatus(due, today, settings) ?? 'due';
  return [item(snapshot, 'end-of-life', due, status,
    `${triggers.map((t) => t.words).join('. ')}. Make time this week with ${p.withFamily} to talk about what matters most to ${p.name} now, where ${p.subject} would like to be, anticipatory medicines, and whether a family meeting would help.`,
    settings.minutes.endOfLife)];
}

/** Every care-plan item for one resident (none for a resident who has left or died). */
export function carePlanDueItems(snapshot: ResidentSnapshot, today: string, settings: CarePlanSettings = CARE_PLAN_DEFAULTS): DueItem[] {
  if (snapshot.resident.status !== 'active') return [];
  return [...endOfLife(snapshot, today, settings), ...acpMissing(snapshot, today, settings), ...acpReview(snapshot, today, settings),
    ...ppdMissing(snapshot, today, settings)];
}

function capitalise(text: string): string {
  return text ? `${text[0]?.toUpperCase()}${text.slice(1)}` : text;
}

/** The date an item became due, shown to people: "due 23/02/2027", "overdue since 01/03/2026". */
export function describeDue(item: Pick<DueItem, 'due' | 'status'>): string {
  return item.status === 'due-soon' ? `due ${formatUkDate(item.due)}` : item.status === 'overdue' ? `overdue since ${formatUkDate(item.due)}` : `due since ${formatUkDate(item.due)}`;
}
