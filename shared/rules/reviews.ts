/**
 * The medication rules (docs/clinical-rules.md, medication reviews) as pure functions: a resident's snapshot, today and the
 * settings in, DueItems out (shared/domain/due.ts), each with a plain-English explanation naming the
 * medicines and the dates. `medicationDueItems` is the one entry point the round planner calls.
 */
import { addDays, addMonths, ageOn, daysBetween, formatUkDate, type IsoDate } from '../dates';
import type { DueItem, DueStatus } from '../domain/due';
import type { ResidentSnapshot, SnapshotReview } from '../domain/snapshot';
import { livesWithDementia, type DementiaReason } from './dementia';
import { currentMedicines, MEDICINES_VERSION, medicinesProfile, MONITORING_RULES, type CurrentMedicine, type MonitoringRule } from './medicines';
import { lastDoneOf, listNames, plural, SMR_RULES, type CheckContext, type Draft } from './medicineChecks/common';
import { DOAC_DOSE_RULES, doacDoseItems } from './medicineChecks/doacDose';
import { DUPLICATE_RULES, duplicateItems } from './medicineChecks/duplicates';
import { INTERACTION_RULES, interactionItems } from './medicineChecks/interactions';
import { START_RULES, startItems } from './medicineChecks/start';
import { STOPP_RULES, stoppItems } from './medicineChecks/stopp';
import { frailOrEndOfLife, STOPPFRAIL_RULES, stoppFrailItems } from './medicineChecks/stoppFrail';
import { DEFAULT_REVIEW_SETTINGS, type ReviewSettings } from './reviewSettings';
import { ruleLabel } from './ruleLabels';
import { BANK_HOLIDAYS_VERSION } from './workingDays';
import { newAdmissionPcsp } from './pcsp';

/** Bumped whenever a rule's logic changes; recorded with each computed schedule. */
export const REVIEW_RULES_VERSION = `reviews-2.1; medicines ${MEDICINES_VERSION}; bank holidays ${BANK_HOLIDAYS_VERSION}`;

export const MEDICATION_RULES = ['new-admission-pcsp', 'post-discharge', 'smr-annual', 'polypharmacy', 'antipsychotic-dementia', 'acb-high',
  'fall-frid', 'stopp-duration', 'monitoring-lithium', 'monitoring-methotrexate', 'monitoring-doac', 'monitoring-warfarin', 'monitoring-amiodarone',
  'monitoring-dmard', 'monitoring-renal', 'monitoring-digoxin', 'monitoring-metformin', ...DOAC_DOSE_RULES,
  ...DUPLICATE_RULES, ...INTERACTION_RULES, ...START_RULES, ...STOPP_RULES, ...STOPPFRAIL_RULES] as const;
export type MedicationRule = (typeof MEDICATION_RULES)[number];

/** Each medication rule's label, from the one table (shared/rules/ruleLabels.ts). */
export const RULE_LABELS: Record<MedicationRule, string> = Object.fromEntries(MEDICATION_RULES.map((r) => [r, ruleLabel(r)])) as Record<MedicationRule, string>;

export function isMedicationRule(rule: string): rule is MedicationRule {
  return (MEDICATION_RULES as readonly string[]).includes(rule);
}

/** Review records that count as a given rule done: an SMR under any of its names covers both SMR rules. */
function satisfies(rule: MedicationRule): string[] {
  if (rule === 'smr-annual' || rule === 'polypharmacy') return SMR_RULES;
  if (rule === 'antipsychotic-dementia') return ['antipsychotic-dementia', 'antipsychotic', 'antipsychotic-review'];
  // Deprescribing and falls items are also dealt with by a full structured medication review.
  if (rule === 'acb-high' || rule === 'fall-frid' || rule === 'stopp-duration') return [rule, ...SMR_RULES];
  return [rule];
}

export function minutesFor(rule: string, s: ReviewSettings): number {
  if (rule === 'smr-annual' || rule === 'polypharmacy') return s.minutesSmr;
  if (rule === 'antipsychotic-dementia') return s.minutesAntipsychotic;
  if (rule.startsWith('monitoring-')) return s.minutesMonitoring;
  if (rule === 'post-discharge') return s.minutesPostDischarge;
  if (rule === 'new-admission-pcsp') return s.minutesNewAdmission;
  return s.minutesMedicinesItem;
}

/** The last date a review covering this rule was done, on or after `since` when given. */
export function lastDone(reviews: SnapshotReview[], rule: MedicationRule, since: IsoDate | null = null): IsoDate | null {
  return lastDoneOf(reviews, satisfies(rule), since);
}

/** The latest deferral of this rule still in force today, if any. */
function activeDeferral(reviews: SnapshotReview[], rule: MedicationRule, today: IsoDate): SnapshotReview | null {
  const deferrals = reviews.filter((r) => r.status === 'deferred' && r.rule === rule && r.deferredUntil !== null && r.deferredUntil > today);
  return deferrals.sort((a, b) => (a.deferredUntil ?? '').localeCompare(b.deferredUntil ?? '')).at(-1) ?? null;
}

/** overdue after the due date, due on it, due soon from `soonFrom`; null before that (not listed). */
export function statusOn(today: IsoDate, due: IsoDate, soonFrom: IsoDate): DueStatus | null {
  if (today > due) return 'overdue';
  if (today === due) return 'due';
  return today >= soonFrom ? 'due-soon' : null;
}

export function whenText(today: IsoDate, due: IsoDate): string {
  const d = daysBetween(due, today);
  const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
  if (d > 0) return `overdue by ${days(d)}`;
  if (d === 0) return 'due today';
  return `due in ${days(-d)}`;
}

/** The rules' context: the checks' context with every current medicine (anticipatory ones too) and the dementia decision, worked out once. */
interface Context extends CheckContext {
  current: CurrentMedicine[];
  dementia: DementiaReason | null;
}

/** The current medicines being taken: anticipatory (just-in-case) medicines are in place, not taken, so no long-term rule counts them. */
export function takenMedicines(snapshot: Pick<ResidentSnapshot, 'medications'>): CurrentMedicine[] {
  return currentMedicines(snapshot).filter((m) => !m.anticipatory);
}

function item(rule: MedicationRule, due: IsoDate, status: DueStatus, explanation: string): Draft {
  return { rule, due, status, explanation };
}

// --- smr-annual and polypharmacy ------------------------------------------------------------------

/** When the next structured medication review is due, and which rule sets it. */
export function nextSmr(c: Pick<Context, 'snapshot' | 'today' | 's' | 'meds'>): { rule: 'smr-annual' | 'polypharmacy'; due: IsoDate; soonFrom: IsoDate; last: IsoDate | null } {
  const { snapshot, s } = c;
  const last = lastDone(snapshot.reviews, 'smr-annual');
  const poly = c.meds.length >= s.polypharmacyThreshold;
  if (last === null) {
    const due = snapshot.resident.admissionDate ?? c.today;
    return { rule: poly ? 'polypharmacy' : 'smr-annual', due, soonFrom: due, last };
  }
  if (poly) {
    const due = addMonths(last, s.polypharmacyIntervalMonths);
    return { rule: 'polypharmacy', due, soonFrom: addDays(due, -s.dueSoonDays), last };
  }
  return { rule: 'smr-annual', due: addMonths(last, s.smrIntervalMonths), soonFrom: addMonths(last, s.smrDueSoonMonths), last };
}

function smrRule(c: Context): Draft | null {
  const next = nextSmr(c);
  const status = statusOn(c.today, next.due, next.soonFrom);
  if (!status) return null;
  const lastText = next.last
    ? `last review ${formatUkDate(next.last)}`
    : c.snapshot.resident.admissionDate
      ? `no structured medication review recorded since moving in on ${formatUkDate(c.snapshot.resident.admissionDate)}`
      : 'no structured medication review recorded';
  const tail = `${lastText}, due ${formatUkDate(next.due)} — ${whenText(c.today, next.due)}`;
  if (next.rule === 'polypharmacy') {
    return item('polypharmacy', next.due, status, `${plural(c.meds.length, 'current medicine')} (${c.s.polypharmacyThreshold} or more): structured medication review brought forward to every ${plural(c.s.polypharmacyIntervalMonths, 'month')}; ${tail}`);
  }
  return item('smr-annual', next.due, status, `Structured medication review every ${plural(c.s.smrIntervalMonths, 'month')}; ${tail}`);
}

// --- antipsychotic-dementia ----------------------------------------------------------------------

function antipsychoticRule(c: Context): Draft | null {
  const aps = c.meds.filter((m) => m.entry?.antipsychotic);
  if (aps.length === 0) return null;
  const dementia = c.dementia;
  if (!dementia) return null;
  const weeks = c.s.antipsychoticIntervalWeeks;
  let best: { due: IsoDate; med: CurrentMedicine; last: IsoDate | null } | null = null;
  for (const med of aps) {
    const last = lastDone(c.snapshot.reviews, 'antipsychotic-dementia', med.startDate);
    const base = last ?? med.startDate ?? c.today;
    const due = addDays(base, weeks * 7);
    if (!best || due < best.due) best = { due, med, last };
  }
  if (!best) return null;
  const status = statusOn(c.today, best.due, addDays(best.due, -Math.min(c.s.dueSoonDays, weeks * 7)));
  if (!status) return null;
  const since = (m: CurrentMedicine) => `${m.entry?.name ?? m.text}${m.startDate ? ` since ${formatUkDate(m.startDate)}` : ' (start date not recorded)'}`;
  const names = [best.med, ...aps.filter((m) => m !== best.med)].map(since);
  const lastText = best.last ? `last review ${formatUkDate(best.last)}` : best.med.startDate ? 'no review recorded since it started' : 'no review recorded';
  return item('antipsychotic-dementia', best.due, status,
    `${listNames(names)} with dementia${dementia.source === 'medicine' ? ` (${dementia.text})` : ''}: antipsychotic review every ${plural(weeks, 'week')}; ${lastText}, due ${formatUkDate(best.due)} — ${whenText(c.today, best.due)}`);
}

// --- acb-high -----------------------------------------------------------------------------------

function acbRule(c: Context): Draft | null {
  const profile = medicinesProfile(c.snapshot, c.current);
  if (profile.acbTotal < c.s.acbThreshold) return null;
  const contributing = c.meds.filter((m) => m.acb > 0);
  const starts = contributing.map((m) => m.startDate).filter((d): d is string => d !== null).sort();
  const trigger = starts.at(-1) ?? c.today;
  if (lastDone(c.snapshot.reviews, 'acb-high', trigger) !== null) return null;
  const due = trigger > c.today ? c.today : trigger;
  const parts = profile.acbContributors.map((x) => `${x.name} ${x.score}`).join(', ');
  return item('acb-high', due, 'due',
    `Anticholinergic burden ${profile.acbTotal} (${parts}) is ${c.s.acbThreshold} or more since ${formatUkDate(trigger)}: a deprescribing review at the next round`);
}

// --- fall-frid ----------------------------------------------------------------------------------

function fallRule(c: Context): Draft | null {
  const from = addDays(c.today, -c.s.lookbackDays);
  const falls = [
    ...c.snapshot.flags.filter((f) => f.category === 'fall' && (f.status === 'open' || f.status === 'on-agenda')).map((f) => f.raisedOn),
    ...c.snapshot.events.filter((e) => e.type === 'fall' && e.date >= from && e.date <= c.today).map((e) => e.date),
  ].sort();
  const fall = falls.at(-1);
  if (!fall) return null;
  const risky = c.meds.filter((m) => m.entry && (m.entry.fallsRiskClass || m.entry.anticoagulant));
  if (risky.length === 0) return null;
  if (lastDone(c.snapshot.reviews, 'fall-frid', fall) !== null) return null;
  const names = risky.map((m) => `${m.entry?.name ?? m.text}: ${[m.entry?.fallsRiskClass, m.entry?.anticoagulant ? 'anticoagulant' : null].filter(Boolean).join(', ')}`);
  return item('fall-frid', fall, 'due', `Fall on ${formatUkDate(fall)} while taking ${plural(risky.length, 'falls-risk medicine')} (${names.join('; ')}): falls medication review at the next round`);
}

// --- stopp-duration -----------------------------------------------------------------------------

function stoppRule(c: Context): Draft | null {
  const findings: { text: string; trigger: IsoDate }[] = [];
  for (const m of c.meds) {
    if (!m.entry || !m.startDate) continue;
    if (m.entry.benzodiazepine) {
      const limit = c.s.benzodiazepineMaxWeeks * 7;
      if (daysBetween(m.startDate, c.today) > limit) {
        findings.push({ text: `${m.entry.name} (benzodiazepine or Z-drug) since ${formatUkDate(m.startDate)}, more than ${plural(c.s.benzodiazepineMaxWeeks, 'week')}`, trigger: addDays(m.startDate, limit + 1) });
      }
    }
    const full = m.entry.ppiFullDoseMg;
    if (full !== null && m.strengthMg !== null && m.strengthMg >= full) {
      const limit = c.s.ppiMaxWeeks * 7;
      if (daysBetween(m.startDate, c.today) > limit) {
        findings.push({ text: `${m.entry.name} ${m.strengthMg}mg (full dose) since ${formatUkDate(m.startDate)}, more than ${plural(c.s.ppiMaxWeeks, 'week')}`, trigger: addDays(m.startDate, limit + 1) });
      }
    }
  }
  if (findings.length === 0) return null;
  const trigger = findings.map((f) => f.trigger).sort()[0] ?? c.today;
  const smr = nextSmr(c);
  const due = smr.due > trigger ? smr.due : trigger;
  const soonFrom = smr.due > trigger ? smr.soonFrom : trigger;
  const status = statusOn(c.today, due, soonFrom);
  if (!status) return null;
  return item('stopp-duration', due, status,
    `STOPP: ${findings.map((f) => f.text).join('; ')}: review at the next structured medication review, due ${formatUkDate(due)} — ${whenText(c.today, due)}`);
}

// --- monitoring-* -------------------------------------------------------------------------------

function monitoringRule(c: Context, rule: MonitoringRule): Draft | null {
  const meds = c.meds.filter((m) => m.entry?.monitoring === rule);
  if (meds.length === 0) return null;
  const id = `monitoring-${rule}` as MedicationRule;
  const starts = meds.map((m) => m.startDate).filter((d): d is string => d !== null).sort();
  const since = starts[0] ?? null;
  const last = lastDone(c.snapshot.reviews, id, since);
  const base = last ?? since ?? c.today;
  const { s, snapshot } = c;
  let due: IsoDate;
  let what: string;
  switch (rule) {
    case 'lithium':
      due = addMonths(base, s.lithiumLevelMonths);
      what = `lithium level every ${plural(s.lithiumLevelMonths, 'month')} (kidney and thyroid function every ${plural(s.lithiumRenalThyroidMonths, 'month')})`;
      break;
    case 'methotrexate': {
      const early = since !== null && base < addMonths(since, s.methotrexateEarlyMonths);
      const every = early ? s.methotrexateEarlyIntervalMonths : s.methotrexateIntervalMonths;
      due = addMonths(base, every);
      what = `blood tests every ${plural(every, 'month')}${early ? ` for the first ${plural(s.methotrexateEarlyMonths, 'month')}` : ''}`;
      break;
    }
    case 'doac': {
      const age = ageOn(snapshot.resident.dateOfBirth, c.today);
      const frail = snapshot.resident.frailty !== null && snapshot.resident.frailty >= s.doacFrailCfs;
      const closer = age >= s.doacFrailAge || frail;
      const every = closer ? s.doacFrailIntervalMonths : s.doacIntervalMonths;
      due = addMonths(base, every);
      what = `kidney function every ${plural(every, 'month')}${closer ? ` (aged ${age}${frail ? `, Clinical Frailty Scale ${snapshot.resident.frailty}` : ''})` : ''}`;
      break;
    }
    case 'warfarin':
      due = addDays(base, s.warfarinIntervalWeeks * 7);
      what = `INR at least every ${plural(s.warfarinIntervalWeeks, 'week')}`;
      break;
    case 'amiodarone':
      due = addMonths(base, s.amiodaroneIntervalMonths);
      what = `thyroid and liver function every ${plural(s.amiodaroneIntervalMonths, 'month')}`;
      break;
    case 'dmard':
      due = addMonths(base, s.dmardIntervalMonths);
      what = `full blood count, kidney and liver function every ${plural(s.dmardIntervalMonths, 'month')} once stable (BSR guideline; local shared-care protocols override)`;
      break;
    case 'renal':
      due = addMonths(base, s.renalIntervalMonths);
      what = `kidney function and potassium at least every ${plural(s.renalIntervalMonths, 'month')}, and after an illness with vomiting, diarrhoea or poor drinking`;
      break;
    case 'digoxin':
      due = addMonths(base, s.digoxinIntervalMonths);
      what = `kidney function and potassium every ${plural(s.digoxinIntervalMonths, 'month')} (a digoxin level if toxicity is suspected: nausea, confusion, slow pulse)`;
      break;
    case 'metformin':
      due = addMonths(base, s.metforminIntervalMonths);
      what = `kidney function (eGFR) every ${plural(s.metforminIntervalMonths, 'month')}; the dose is reviewed when eGFR is below 45`;
      break;
  }
  const status = statusOn(c.today, due, addDays(due, -s.dueSoonDays));
  if (!status) return null;
  const names = meds.map((m) => `${m.entry?.name ?? m.text}${m.startDate ? ` since ${formatUkDate(m.startDate)}` : ''}`);
  const lastText = last ? `last check ${formatUkDate(last)}` : 'no check recorded since it started';
  return item(id, due, status, `${listNames(names)}: ${what}; ${lastText}, due ${formatUkDate(due)} — ${whenText(c.today, due)}`);
}

// --- post-discharge and new-admission-pcsp ------------------------------------------------------

function recentDischarge(c: Context): IsoDate | null {
  const from = addDays(c.today, -c.s.lookbackDays);
  return c.snapshot.events.filter((e) => e.type === 'discharge' && e.date >= from && e.date <= c.today).map((e) => e.date).sort().at(-1) ?? null;
}

function postDischargeRule(c: Context): Draft | null {
  const discharged = recentDischarge(c);
  if (!discharged || lastDone(c.snapshot.reviews, 'post-discharge', discharged) !== null) return null;
  const due = addDays(discharged, c.s.postDischargeDays);
  const status = statusOn(c.today, due, discharged);
  if (!status) return null;
  return item('post-discharge', due, status,
    `Discharged from hospital on ${formatUkDate(discharged)}: a round slot and medicines reconciliation within ${plural(c.s.postDischargeDays, 'day')}, due ${formatUkDate(due)} — ${whenText(c.today, due)}`);
}

/** new-admission-pcsp lives with the care and support plan (shared/rules/pcsp.ts): counted from the original move-in. */
function newAdmissionRule(c: Context): Draft | null {
  return newAdmissionPcsp(c.snapshot, c.today, c.s);
}

// --- entry point --------------------------------------------------------------------------------

const STATUS_ORDER: Record<DueStatus, number> = { overdue: 0, due: 1, 'due-soon': 2 };

/**
 * How serious a rule's finding is, for ordering within a status: an urgent call first, then duplicates and
 * interactions, then everything else (by due date).
 */
export function seriousness(item: Pick<DueItem, 'rule' | 'urgent'>): number {
  if (item.urgent) return 0;
  if (item.rule.startsWith('duplicate-') || item.rule.startsWith('interaction-')) return 1;
  return 2;
}

/** The scheduling order: overdue first, an urgent call first within its status, then by due date. */
export function compareDueItems(a: DueItem, b: DueItem): number {
  return STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || Number(b.urgent === true) - Number(a.urgent === true) || a.due.localeCompare(b.due)
    || a.residentId - b.residentId || a.rule.localeCompare(b.rule);
}

/**
 * Every medication rule for one resident on `today`. Nobody who has left or died is scheduled; a
 * deferral is respected until its date; the list is ordered overdue first, then by due date.
 */
export function medicationDueItems(snapshot: ResidentSnapshot, today: IsoDate, settings: ReviewSettings = DEFAULT_REVIEW_SETTINGS): DueItem[] {
  if (snapshot.resident.status !== 'active') return [];
  const current = currentMedicines(snapshot);
  const meds = current.filter((m) => !m.anticipatory);
  const c: Context = { snapshot, today, s: settings, meds, current, dementia: livesWithDementia(snapshot, current) };
  const frail = frailOrEndOfLife(snapshot);
  const drafts = [
    newAdmissionRule(c), postDischargeRule(c), smrRule(c), antipsychoticRule(c), acbRule(c), fallRule(c), stoppRule(c),
    ...MONITORING_RULES.map((r) => monitoringRule(c, r)), ...doacDoseItems(c),
    ...duplicateItems(c), ...interactionItems(c), ...startItems(c, frail !== null), ...stoppItems(c, c.dementia),
    ...stoppFrailItems(c, frail),
  ];
  // One conversation, not two: with the burden item listed, the STOPP dementia criterion is named in it instead.
  const acb = drafts.find((d) => d?.rule === 'acb-high');
  const stoppAcb = drafts.findIndex((d) => d?.rule === 'stopp-anticholinergic-dementia');
  if (acb && stoppAcb >= 0 && c.dementia) {
    acb.explanation += `; with dementia (${c.dementia.text}), STOPP v3 names drugs with anticholinergic properties in dementia or delirium`;
    drafts[stoppAcb] = null;
  }
  return drafts
    .filter((d): d is Draft => d !== null)
    .filter((d) => isMedicationRule(d.rule) && activeDeferral(snapshot.reviews, d.rule, today) === null)
    .map((d) => ({ residentId: snapshot.resident.id, ...d, minutes: minutesFor(d.rule, settings) }))
    .sort(compareDueItems);
}
