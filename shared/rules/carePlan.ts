/**
 * Advance care planning gaps and triggers (docs/clinical-rules.md, advance care planning): acp-missing, acp-review,
 * ppd-missing and end-of-life. Pure functions of a resident's snapshot and today; every item explains
 * itself in words meant for a kind conversation with the resident and the people close to them.
 * The round planner calls `carePlanDueItems`.
 */
import { z } from 'zod';
import { addDays, addMonths, daysBetween, formatUkDate } from '../dates';
import type { DueItem, DueStatus } from '../domain/due';
import type { AcpElement } from '../domain/enums';
import type { Representative } from '../domain/register';
import type { EndOfLifeBanner } from '../domain/residentView';
import type { ResidentSnapshot, SnapshotCarePlanEntry } from '../domain/snapshot';
import { anticipatoryMedicines } from './anticipatory';
import { callingName, firstMention, pronounsOf } from './names';
import { isMoveIn } from './moveIn';
import { pcspDueItems } from './pcsp';

/** The intervals and minutes, in one place so a practice can change them (local defaults: docs/clinical-rules.md). */
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
  /** end-of-life-reassess: a GSF code standing this many weeks is questioned (C 8, D 2). */
  gsfReassessWeeks: { C: number; D: number };
  /** pcsp-review: a care and support plan older than this many months (local default 12). */
  pcspReviewAfterMonths: number;
  /** Minutes each kind of item needs on a round. */
  minutes: { acpMissing: number; acpReview: number; ppdMissing: number; endOfLife: number; pcspReview: number };
}

export const CARE_PLAN_RULES_VERSION = '2026.11.2';

export const CARE_PLAN_DEFAULTS: CarePlanSettings = {
  acpMissingAfterMonths: 3,
  acpReviewAfterMonths: 12,
  ppdLookbackMonths: 36,
  dueSoonDays: 30,
  overdueAfterDays: 28,
  gsfReassessWeeks: { C: 8, D: 2 },
  pcspReviewAfterMonths: 12,
  minutes: { acpMissing: 15, acpReview: 15, ppdMissing: 10, endOfLife: 20, pcspReview: 15 },
};

const months = z.number().int().min(1).max(120);
const minutes = z.number().int().min(5).max(120);
/** A practice's overrides (from its settings), checked: anything left out keeps the default. */
export const carePlanSettingsOverrides = z.object({
  acpMissingAfterMonths: months, acpReviewAfterMonths: months, ppdLookbackMonths: months,
  dueSoonDays: z.number().int().min(0).max(180), overdueAfterDays: z.number().int().min(0).max(365),
  gsfReassessWeeks: z.object({ C: z.number().int().min(1).max(52), D: z.number().int().min(1).max(52) }).partial(),
  pcspReviewAfterMonths: months,
  minutes: z.object({ acpMissing: minutes, acpReview: minutes, ppdMissing: minutes, endOfLife: minutes, pcspReview: minutes }).partial(),
}).partial().strict();

/** The settings the rules run with: the defaults, with a practice's checked overrides on top. */
export function carePlanSettings(overrides: z.input<typeof carePlanSettingsOverrides> = {}): CarePlanSettings {
  const o = carePlanSettingsOverrides.parse(overrides);
  return { ...CARE_PLAN_DEFAULTS, ...o, gsfReassessWeeks: { ...CARE_PLAN_DEFAULTS.gsfReassessWeeks, ...o.gsfReassessWeeks },
    minutes: { ...CARE_PLAN_DEFAULTS.minutes, ...o.minutes } };
}

export const CARE_PLAN_RULES = ['acp-missing', 'acp-review', 'ppd-missing', 'end-of-life', 'end-of-life-reassess', 'pcsp-review'] as const;
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
  /** The name on first mention: "Stanley (Betty)" with a preferred name. */
  first: string;
  /** The name after that: the preferred name, else the given name. */
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
  const name = callingName(r);
  const p = pronounsOf(r);
  const rep = mainRepresentative(snapshot.representatives);
  const withFamily = rep ? `${name} and ${p.their} ${rep.relationship.trim().toLowerCase()} ${rep.name}` : name;
  return { first: firstMention(r), name, subject: p.they, possessive: p.their, withFamily };
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
    `There is no advance care plan for ${p.first}${since}. Talk with ${p.withFamily} about what ${p.subject} would want if ${p.subject} became more unwell, and whether a ReSPECT form would help.`,
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
      // A move into the home is told by the admission date below, never as "went into hospital".
      if (isMoveIn(e, snapshot.resident.admissionDate)) continue;
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
    explanation = `Where ${p.first} would like to be cared for, and to be at the end of life, was last recorded on ${formatUkDate(last.recordedOn)}. Ask ${p.withFamily} gently whether that still holds.`;
  } else {
    const admitted = snapshot.resident.admissionDate;
    due = admitted ? addMonths(admitted, settings.acpMissingAfterMonths) : today;
    explanation = `Nobody has yet recorded where ${p.first} would most like to be cared for, or to be at the end of life. At the next review or care plan conversation, ask ${p.withFamily} what ${p.subject} would prefer.`;
  }
  const status = dueStatus(due, today, settings);
  return status ? [item(snapshot, 'ppd-missing', due, status, explanation, settings.minutes.ppdMissing)] : [];
}

/** The parts of the end-of-life pathway, each its own reason (rule id `end-of-life`). */
export const END_OF_LIFE_PARTS = ['anticipatory-medicines', 'conversation', 'plan-with-home'] as const;
export type EndOfLifePart = (typeof END_OF_LIFE_PARTS)[number];

/** What opened the pathway: the newest of a current GSF code C or D and a current surprise question "no". */
export interface EndOfLifeTrigger {
  date: string;
  gsf: 'C' | 'D' | null;
  words: string;
}

/** The trigger in force: a newer GSF D after an old surprise question re-opens the pathway from its own date. */
export function endOfLifeTrigger(snapshot: ResidentSnapshot, today: string): EndOfLifeTrigger | null {
  const current = currentEntries(snapshot.carePlans);
  const p = person(snapshot);
  const triggers: EndOfLifeTrigger[] = [];
  const sq = current['surprise-question'];
  if (sq && sq.value.trim().toLowerCase() === 'no' && sq.recordedOn <= today) {
    triggers.push({ date: sq.recordedOn, gsf: null, words: `On ${formatUkDate(sq.recordedOn)} the team said they would not be surprised if ${p.first} died in the coming year` });
  }
  const gsf = current.gsf;
  const code = gsf?.value.trim().toUpperCase();
  if (gsf && (code === 'C' || code === 'D') && gsf.recordedOn <= today) {
    triggers.push({ date: gsf.recordedOn, gsf: code, words: `On ${formatUkDate(gsf.recordedOn)} ${p.possessive} Gold Standards Framework code became ${code} (${code === 'C' ? 'weeks' : 'days'} to live)` });
  }
  // The newest trigger wins; on the same day a GSF code says more than the surprise question.
  triggers.sort((a, b) => b.date.localeCompare(a.date) || Number(b.gsf !== null) - Number(a.gsf !== null));
  return triggers[0] ?? null;
}

/** Which parts are done on or after the trigger, and how (for the words and the resident page). */
export function endOfLifeParts(snapshot: ResidentSnapshot, trigger: Pick<EndOfLifeTrigger, 'date'>): Record<EndOfLifePart, string | null> {
  const steps = (snapshot.endOfLifeSteps ?? []).filter((e) => e.recordedOn >= trigger.date);
  const step = (name: EndOfLifePart) => steps.filter((e) => e.step === name).sort((a, b) => b.recordedOn.localeCompare(a.recordedOn))[0];
  const meds = anticipatoryMedicines(snapshot.medications);
  const medsStep = step('anticipatory-medicines');
  const since = (el: string) => snapshot.carePlans.some((e) => e.element === el && e.recordedOn >= trigger.date);
  const talked = step('conversation');
  const plan = step('plan-with-home');
  return {
    'anticipatory-medicines': meds.length > 0 ? `on the medication list (${meds.join(', ')})`
      : medsStep ? `${medsStep.outcome === 'declined' ? 'declined' : 'recorded'} on ${formatUkDate(medsStep.recordedOn)}` : null,
    conversation: talked ? `recorded on ${formatUkDate(talked.recordedOn)}`
      : (since('preferred-place-of-care') || since('preferred-place-of-death')) && (since('respect') || since('dnacpr'))
        ? 'preferred place of care and ReSPECT recorded since' : null,
    'plan-with-home': plan ? `recorded on ${formatUkDate(plan.recordedOn)}` : null,
  };
}

/**
 * end-of-life: a pathway, not one item. A GSF code C or D, or the surprise question answered "no", opens it;
 * each part still open after the trigger is its own reason (rule `end-of-life`, with its own words):
 *  (a) anticipatory medicines on the medication list, or recorded as declined;
 *  (b) a conversation with the resident and family recorded (preferred place of care and death, ReSPECT
 *      reviewed) — a step recorded as such, or a preferred place and a ReSPECT/DNACPR entry both since the trigger;
 *  (c) the care home has the plan (a step recorded).
 * Any other care-plan entry on the trigger's day (a ReSPECT form alone) no longer closes it. A GSF code that has
 * stood too long is questioned: `end-of-life-reassess` (C after 8 weeks, D after 2 weeks).
 */
export function endOfLife(snapshot: ResidentSnapshot, today: string, settings: CarePlanSettings = CARE_PLAN_DEFAULTS): DueItem[] {
  const trigger = endOfLifeTrigger(snapshot, today);
  if (!trigger) return [];
  const p = person(snapshot);
  const done = endOfLifeParts(snapshot, trigger);
  const due = trigger.date;
  const status = dueStatus(due, today, settings) ?? 'due';
  const words: Record<EndOfLifePart, string> = {
    'anticipatory-medicines': `Anticipatory (“just in case”) medicines: none are on ${p.possessive} medication list and none were recorded as declined. Agree with ${p.withFamily} and the home whether to prescribe them (for pain, breathlessness, agitation, sickness and noisy breathing), so they are there if ${p.subject} ${p.subject === 'they' ? 'need' : 'needs'} them.`,
    conversation: `A conversation with ${p.withFamily} is not yet recorded: what matters most to ${p.name} now, where ${p.subject} would like to be cared for and to die, and whether ${p.possessive} ReSPECT form still says what ${p.subject} would want. A family meeting may help.`,
    'plan-with-home': `The care home does not yet have ${p.possessive} plan for the end of life: share it with the staff who care for ${p.name} (who to call, the medicines, ${p.possessive} wishes), and record that they have it.`,
  };
  const items = END_OF_LIFE_PARTS.filter((part) => done[part] === null).map((part) =>
    item(snapshot, 'end-of-life', due, status, `${trigger.words}. ${words[part]}`, settings.minutes.endOfLife));
  const reassess = staleGsf(snapshot, today, settings);
  return reassess ? [...items, reassess] : items;
}

const PART_WORDS: Record<EndOfLifePart, string> = {
  'anticipatory-medicines': 'anticipatory medicines', conversation: 'the conversation with the resident and family', 'plan-with-home': 'the care home’s copy of the plan',
};

/** The end-of-life pathway for the top of the resident page: what opened it and which parts are still open; null when it is not open. */
export function endOfLifeBanner(snapshot: ResidentSnapshot, today: string): EndOfLifeBanner | null {
  const trigger = endOfLifeTrigger(snapshot, today);
  if (!trigger) return null;
  const done = endOfLifeParts(snapshot, trigger);
  return { gsf: trigger.gsf, since: trigger.date, words: trigger.words, open: END_OF_LIFE_PARTS.filter((p) => done[p] === null).map((p) => PART_WORDS[p]) };
}

/** end-of-life-reassess: a GSF code C that has stood more than 8 weeks, or D more than 2 weeks, is questioned. */
function staleGsf(snapshot: ResidentSnapshot, today: string, settings: CarePlanSettings): DueItem | null {
  const gsf = currentEntries(snapshot.carePlans).gsf;
  const code = gsf?.value.trim().toUpperCase();
  if (!gsf || (code !== 'C' && code !== 'D')) return null;
  const weeks = code === 'C' ? settings.gsfReassessWeeks.C : settings.gsfReassessWeeks.D;
  const due = addDays(gsf.recordedOn, weeks * 7);
  if (due > today) return null;
  const p = person(snapshot);
  const status = dueStatus(due, today, settings) ?? 'due';
  return item(snapshot, 'end-of-life-reassess', due, status,
    `${capitalise(p.possessive)} Gold Standards Framework code has been ${code} (${code === 'C' ? 'weeks' : 'days'} to live) since ${formatUkDate(gsf.recordedOn)}, more than ${weeks} weeks: look again at how ${p.name} is now, and update the code and the plan with ${p.withFamily}.`,
    settings.minutes.endOfLife);
}

/** Every care-plan item for one resident (none for a resident who has left or died). */
export function carePlanDueItems(snapshot: ResidentSnapshot, today: string, settings: CarePlanSettings = CARE_PLAN_DEFAULTS): DueItem[] {
  if (snapshot.resident.status !== 'active') return [];
  return [...endOfLife(snapshot, today, settings), ...acpMissing(snapshot, today, settings), ...acpReview(snapshot, today, settings),
    ...ppdMissing(snapshot, today, settings), ...pcspDueItems(snapshot, today, settings)];
}

function capitalise(text: string): string {
  return text ? `${text[0]?.toUpperCase()}${text.slice(1)}` : text;
}

/** The date an item became due, shown to people: "due 23/02/2027", "overdue since 01/03/2026". */
export function describeDue(item: Pick<DueItem, 'due' | 'status'>): string {
  return item.status === 'due-soon' ? `due ${formatUkDate(item.due)}` : item.status === 'overdue' ? `overdue since ${formatUkDate(item.due)}` : `due since ${formatUkDate(item.due)}`;
}
