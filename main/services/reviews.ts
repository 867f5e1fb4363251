/** Use cases of medication reviews: the due list and its schedule, a resident's medicines, recording, settings. */
import { addDays, addMonths, dayOfWeek, formatUkDate } from '../../shared/dates';
import type { DueItem } from '../../shared/domain/due';
import { WEEKDAY_NAMES } from '../../shared/domain/enums';
import type { ResidentSnapshot } from '../../shared/domain/snapshot';
import { AppError } from '../../shared/errors';
import type { ParsedInput } from '../../shared/ipc';
import type { RecordedResult, RecordedReview, ResidentMedicines, ReviewRow, ReviewsOverview, SettingsView, UpcomingRound } from '../../shared/ipc/reviews';
import { medicinesProfile } from '../../shared/rules/medicines';
import { DEFAULT_REVIEW_SETTINGS, settingsFrom, type ReviewSettings } from '../../shared/rules/reviewSettings';
import { compareDueItems, medicationDueItems, nextSmr, REVIEW_RULES_VERSION, seriousness, takenMedicines } from '../../shared/rules/reviews';
import { ruleLabel } from '../../shared/rules/ruleLabels';
import { roundShare, scheduleReviews, type ScheduleRound } from '../../shared/rules/schedule';
import { roundTimeFrom } from '../../shared/rules/roundTime';
import type { CareHome } from '../../shared/domain/register';
import type { RecordedReviewRow } from '../store';
import type { MedicineFigures } from '../../shared/print';
import type { AppContext } from './context';
import { remembered } from './remembered';

export async function loadSettings(ctx: AppContext): Promise<ReviewSettings> {
  return settingsFrom(await ctx.store.reviews.settings());
}

/** The agenda's medicines figures for one resident, from the same rules as the Reviews screen. */
export function medicineFigures(snapshot: ResidentSnapshot, today: string, settings: ReviewSettings): MedicineFigures {
  const profile = medicinesProfile(snapshot);
  const due = medicationDueItems(snapshot, today, settings);
  return {
    acbTotal: profile.acbTotal,
    fallsRiskMedicines: profile.fallsRisk.map((f) => f.name),
    monitoringDue: due.filter((d) => d.rule.startsWith('monitoring-')).map((d) => `${ruleLabel(d.rule)} (${formatUkDate(d.due)})`),
    reviewDue: nextSmr({ snapshot, today, s: settings, meds: takenMedicines(snapshot) }).due,
    justInCase: profile.justInCase,
    toDiscuss: due.filter((d) => /^(duplicate|interaction|start|stopp)/.test(d.rule)).map((d) => `${d.urgent ? 'Urgent: ' : ''}${ruleLabel(d.rule)}`),
  };
}


function toRow(item: DueItem, snapshot: ResidentSnapshot, placement: { scheduledFor: string | null; notScheduledReason: string | null }): ReviewRow {
  const r = snapshot.resident;
  return {
    residentId: r.id, nhsNumber: r.nhsNumber, name: `${r.givenName} ${r.familyName}`, homeId: r.homeId, home: r.homeName,
    rule: item.rule, ruleLabel: ruleLabel(item.rule), due: item.due, status: item.status, explanation: item.explanation, minutes: item.minutes,
    urgent: item.urgent === true,
    ...placement,
  };
}

function toRecorded(row: RecordedReviewRow): RecordedReview {
  return {
    id: row.id, residentId: row.residentId, nhsNumber: row.nhsNumber, name: `${row.givenName} ${row.familyName}`, home: row.homeName,
    rule: row.rule, ruleLabel: ruleLabel(row.rule), status: row.status, doneOn: row.doneOn, doneBy: row.doneBy, outcome: row.outcome,
    medicinesChanged: row.medicinesChanged, deferredUntil: row.deferredUntil, deferredReason: row.deferredReason,
  };
}

/** A home's upcoming rounds: the planned ones, else projected from its usual round day and capacity. */
export function projectRounds(home: CareHome, today: string, weeks: number): UpcomingRound[] {
  if (!home.roundDay || !home.roundCapacityMinutes) return [];
  const target = WEEKDAY_NAMES.indexOf(home.roundDay);
  const first = addDays(today, (target - dayOfWeek(today) + 7) % 7);
  return Array.from({ length: weeks }, (_, i) => addDays(first, i * 7)).map((date) => ({
    key: `${home.id}:${date}`, homeId: home.id, home: home.name, date, capacityMinutes: home.roundCapacityMinutes ?? 0, usedMinutes: 0, reviewMinutes: 0, projected: true,
  }));
}

export async function upcomingRounds(ctx: AppContext, homes: CareHome[], settings: ReviewSettings): Promise<UpcomingRound[]> {
  const today = ctx.today();
  const to = addDays(today, settings.scheduleWeeks * 7 - 1);
  const planned = await ctx.store.reviews.plannedRounds(today, to);
  return homes.flatMap((home) => {
    const mine = planned.filter((r) => r.homeId === home.id);
    if (mine.length === 0) return projectRounds(home, today, settings.scheduleWeeks);
    return mine.map((r) => ({ key: String(r.id), homeId: home.id, home: home.name, date: r.date, capacityMinutes: r.capacityMinutes, usedMinutes: r.usedMinutes, reviewMinutes: 0, projected: false }));
  });
}

/**
 * Every due medication review (optionally one home's, due before a date), fitted into the upcoming rounds.
 * Remembered on the context until the data or the day changes (remembered.ts), so paging and filtering the
 * Reviews list do not run the rules for every resident again; the result is shared, never changed by callers.
 */
export async function reviewsOverview(ctx: AppContext, input: ParsedInput<'reviews:overview'>, options: { record?: boolean } = {}): Promise<ReviewsOverview> {
  const overview = await remembered(ctx, `reviews:overview:${input.homeId ?? ''}:${input.before ?? ''}`, () => computeOverview(ctx, input));
  if (options.record !== false) await recordRunIfChanged(ctx, input.homeId ?? null, overview);
  return overview;
}

/**
 * The schedule run (and its audit event) is recorded when its result differs from the last run recorded for
 * the same home, or all homes: another day, other settings or rules, other counts. Not on every view: at
 * practice scale each view of the list wrote a row and an audit event, filling the audit trail with
 * identical runs and making every view a write.
 */
async function recordRunIfChanged(ctx: AppContext, homeId: number | null, o: ReviewsOverview): Promise<void> {
  const placed = o.items.filter((i) => i.scheduledFor !== null).length;
  const run = { today: o.today, homeId, rulesVersion: o.rulesVersion, settings: o.settings, items: o.items.length, placed, unplaced: o.items.length - placed };
  const last = (await ctx.store.reviews.runs(50)).find((r) => r.homeId === homeId);
  const same = last !== undefined && last.today === run.today && last.rulesVersion === run.rulesVersion && last.settings === JSON.stringify(run.settings)
    && last.items === run.items && last.placed === run.placed && last.unplaced === run.unplaced;
  if (!same) await ctx.store.reviews.recordRun(ctx.actor, run);
}

async function computeOverview(ctx: AppContext, input: ParsedInput<'reviews:overview'>): Promise<ReviewsOverview> {
  const today = ctx.today();
  const settings = await loadSettings(ctx);
  const homes = (await ctx.store.homes.list()).filter((h) => input.homeId === undefined || h.id === input.homeId);
  if (input.homeId !== undefined && homes.length === 0) throw new AppError('NOT_FOUND', `No care home has the id ${input.homeId}`);
  const snapshots = await ctx.store.snapshots.load(input.homeId === undefined ? {} : { homeId: input.homeId });
  const byResident = new Map(snapshots.map((s) => [s.resident.id, s]));
  const items = snapshots.flatMap((s) => medicationDueItems(s, today, settings))
    .filter((i) => input.before === undefined || i.due < input.before);
  const rounds = await upcomingRounds(ctx, homes, settings);
  const time = roundTimeFrom(await ctx.store.rounds.timeSettings());

  const itemsByHome = new Map<number, DueItem[]>();
  for (const i of items) {
    const homeId = byResident.get(i.residentId)?.resident.homeId;
    if (homeId === undefined) continue;
    const list = itemsByHome.get(homeId);
    if (list) list.push(i);
    else itemsByHome.set(homeId, [i]);
  }
  const rows: ReviewRow[] = [];
  for (const home of homes) {
    const homeItems = itemsByHome.get(home.id) ?? [];
    const homeRounds: ScheduleRound[] = rounds.filter((r) => r.homeId === home.id)
      .map((r) => ({ key: r.key, date: r.date, capacityMinutes: r.capacityMinutes, usedMinutes: r.usedMinutes }));
    // minutes from the round's time model: what the round would give each review (issue 12), not the review settings'
    const share = roundShare(homeItems, time, (home.pharmacistMinutes ?? 0) > 0);
    const schedule = scheduleReviews(homeRounds, share.onRound);
    schedule.unplaced.push(...share.elsewhere);
    // usedMinutes stays what the round itself says is planned (the Rounds screen's figure); the reviews
    // suggested for it are counted apart, so "time left" means one thing on both screens.
    for (const r of rounds.filter((x) => x.homeId === home.id)) r.reviewMinutes = (schedule.used[r.key] ?? r.usedMinutes) - r.usedMinutes;
    for (const p of schedule.placed) {
      const snap = byResident.get(p.item.residentId);
      if (snap) rows.push(toRow(p.item, snap, { scheduledFor: p.roundDate, notScheduledReason: null }));
    }
    for (const u of schedule.unplaced) {
      const snap = byResident.get(u.item.residentId);
      if (snap) rows.push(toRow(u.item, snap, { scheduledFor: null, notScheduledReason: u.reason }));
    }
  }
  const order = { overdue: 0, due: 1, 'due-soon': 2 } as const;
  // most serious first: overdue before due before due soon, and within each an urgent call, then duplicates and interactions
  rows.sort((a, b) => order[a.status] - order[b.status] || seriousness(a) - seriousness(b) || a.due.localeCompare(b.due) || a.home.localeCompare(b.home)
    || a.name.localeCompare(b.name) || a.rule.localeCompare(b.rule));
  const recorded = (await ctx.store.reviews.recorded({ homeId: input.homeId, since: addDays(today, -90) })).map(toRecorded);
  return { today, rulesVersion: REVIEW_RULES_VERSION, settings, items: rows, rounds, recorded };
}

async function snapshotOf(ctx: AppContext, residentId: number): Promise<ResidentSnapshot> {
  const [snapshot] = await ctx.store.snapshots.load({ residentIds: [residentId], includeInactive: true });
  if (!snapshot) throw new AppError('NOT_FOUND', `No resident has the id ${residentId}`);
  return snapshot;
}

/** A resident's medicines with their tags and totals, the reviews due and those recorded. */
export async function residentMedicines(ctx: AppContext, input: { residentId: number }): Promise<ResidentMedicines> {
  const snapshot = await snapshotOf(ctx, input.residentId);
  const settings = await loadSettings(ctx);
  const home = await ctx.store.homes.get(snapshot.resident.homeId);
  const share = roundShare(medicationDueItems(snapshot, ctx.today(), settings), roundTimeFrom(await ctx.store.rounds.timeSettings()), (home.pharmacistMinutes ?? 0) > 0);
  const due = [...share.onRound, ...share.elsewhere.map((e) => e.item)].sort(compareDueItems)
    .map((i) => toRow(i, snapshot, { scheduledFor: null, notScheduledReason: null }));
  const recorded = (await ctx.store.reviews.recorded({ residentId: input.residentId, since: '0000-01-01', limit: 50 })).map(toRecorded);
  return { residentId: input.residentId, active: snapshot.resident.status === 'active', profile: medicinesProfile(snapshot), due, recorded };
}

/**
 * When a review just recorded falls due again: its interval counts from the review, so the rules are asked
 * about a day far enough ahead for it to be listed. Reviews that only follow an event (a discharge, a fall)
 * have no next date.
 */
function nextDueAfter(snapshot: ResidentSnapshot, rule: string, today: string, settings: ReviewSettings): string | null {
  const smr = ['smr-annual', 'polypharmacy'];
  const same = (r: string) => r === rule || (smr.includes(rule) && smr.includes(r));
  const later = medicationDueItems(snapshot, addMonths(today, 25), settings).filter((i) => same(i.rule)).map((i) => i.due).sort()[0];
  return later !== undefined && later > today ? later : null;
}

export async function recordReviewDone(ctx: AppContext, input: ParsedInput<'reviews:record-done'>): Promise<RecordedResult> {
  const today = ctx.today();
  if (input.doneOn > today) throw new AppError('INVALID_INPUT', 'The review date cannot be in the future', [{ field: 'doneOn', message: 'Enter a date that is today or earlier' }]);
  const snapshot = await snapshotOf(ctx, input.residentId);
  const current = medicationDueItems(snapshot, today, await loadSettings(ctx)).find((i) => i.rule === input.rule);
  await ctx.store.reviews.record(ctx.actor, {
    residentId: input.residentId, rule: input.rule, status: 'done', dueDate: current?.due ?? null,
    reasons: current ? [{ rule: current.rule, explanation: current.explanation }] : [], doneOn: input.doneOn, doneBy: input.doneBy,
    outcome: input.outcome, medicinesChanged: input.medicinesChanged, rulesVersion: REVIEW_RULES_VERSION,
  });
  const view = await residentMedicines(ctx, { residentId: input.residentId });
  const settings = await loadSettings(ctx);
  return { ...view, nextDue: nextDueAfter(await snapshotOf(ctx, input.residentId), input.rule, today, settings) };
}

export async function deferReview(ctx: AppContext, input: ParsedInput<'reviews:defer'>): Promise<ResidentMedicines> {
  const today = ctx.today();
  if (input.until <= today) throw new AppError('INVALID_INPUT', `Defer the review to a date after today (${formatUkDate(today)})`, [{ field: 'until', message: 'Enter a date after today' }]);
  const snapshot = await snapshotOf(ctx, input.residentId);
  const current = medicationDueItems(snapshot, today, await loadSettings(ctx)).find((i) => i.rule === input.rule);
  await ctx.store.reviews.record(ctx.actor, {
    residentId: input.residentId, rule: input.rule, status: 'deferred', dueDate: current?.due ?? null,
    reasons: current ? [{ rule: current.rule, explanation: current.explanation }] : [], deferredUntil: input.until, deferredReason: input.reason,
    rulesVersion: REVIEW_RULES_VERSION,
  });
  return residentMedicines(ctx, { residentId: input.residentId });
}

export async function getSettings(ctx: AppContext): Promise<SettingsView> {
  return { settings: await loadSettings(ctx), defaults: { ...DEFAULT_REVIEW_SETTINGS }, rulesVersion: REVIEW_RULES_VERSION };
}

export async function saveSettings(ctx: AppContext, input: ParsedInput<'settings:save'>): Promise<SettingsView> {
  await ctx.store.reviews.saveSettings(ctx.actor, input.settings);
  return getSettings(ctx);
}
