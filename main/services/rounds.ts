/** Use cases of the weekly round: plan, adjust, invite, print, record outcomes, close. */
import { AppError } from '../../shared/errors';
import type { ParsedInput } from '../../shared/ipc';
import type { Attendees, OutcomeAction, Round, ToResolve } from '../../shared/domain/round';
import { flagSubject } from '../../shared/rules/flagMatching';
import { FLAG_LABELS } from '../../shared/rules/flags';
import type { ResidentSnapshot } from '../../shared/domain/snapshot';
import { prefersNotToJoin, proposeAttendees } from '../../shared/rules/attendees';
import { planRound, slotItems, type RoundProposal, type RoundReason, type WaitingResident } from '../../shared/rules/planning';
import type { ReasonSource } from '../../shared/rules/roundReasons';
import { DEFAULT_ROUND_TIME, residentMinutes, ROUND_TIME_FIELDS, roundTimeFrom, type RoundTime } from '../../shared/rules/roundTime';
import { addDays, dayOfWeek, formatUkDate } from '../../shared/dates';
import { WEEKDAY_NAMES } from '../../shared/domain/enums';
import type { CareHome } from '../../shared/domain/register';
import type { HomeSessions, RoundTimeView, WeekPlan } from '../../shared/ipc/rounds';
import type { AppContext } from './context';
import { REASON_SOURCES, reasonSourcesFor } from './reasonSources';

export const DEFAULT_CAPACITY_MINUTES = 120;
export const DEFAULT_START_TIME = '10:00';

export function reasonsFor(snapshots: readonly ResidentSnapshot[], today: string, sources: readonly ReasonSource[] = REASON_SOURCES): RoundReason[] {
  return snapshots.flatMap((s) => sources.flatMap((source) => source(s, today)));
}

export interface PlannedRound {
  round: Round;
  proposal: RoundProposal;
}

/** The round's time model: the practice's settings over the defaults. */
export async function loadRoundTime(ctx: AppContext): Promise<RoundTime> {
  return roundTimeFrom(await ctx.store.rounds.timeSettings());
}

export async function getRoundTime(ctx: AppContext): Promise<RoundTimeView> {
  return { settings: await loadRoundTime(ctx), defaults: { ...DEFAULT_ROUND_TIME }, fields: ROUND_TIME_FIELDS };
}

export async function saveRoundTime(ctx: AppContext, input: ParsedInput<'round-settings:save'>): Promise<RoundTimeView> {
  await ctx.store.rounds.saveTimeSettings(ctx.actor, input.settings);
  return getRoundTime(ctx);
}

/**
 * The queue the home's latest round before `date` left: its residents deferred for time, in their
 * `nextInLine` order, each with the date they have waited since ("first in line next time").
 */
export async function waitingFromLastRound(ctx: AppContext, homeId: number, date: string): Promise<WaitingResident[]> {
  const last = (await ctx.store.rounds.list(homeId)).filter((r) => r.date < date)
    .sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id)[0];
  if (!last) return [];
  const round = await ctx.store.rounds.get(last.id);
  const seen = new Set(round.items.map((i) => i.residentId));
  return round.plan.notThisWeek
    .filter((n) => n.kind === 'deferred' && n.nextInLine !== null && !seen.has(n.residentId))
    .sort((a, b) => (a.nextInLine ?? 0) - (b.nextInLine ?? 0))
    .map((n) => ({ residentId: n.residentId, since: n.waitingSince ?? round.date }));
}

/** Everything the planner needs for one home, pure inputs included: the round is planned (not saved) from it. */
async function proposalFor(ctx: AppContext, home: CareHome, date: string, options: { capacityMinutes?: number; startTime?: string },
  sources?: readonly ReasonSource[]) {
  const today = ctx.today();
  const capacityMinutes = options.capacityMinutes ?? home.roundCapacityMinutes ?? DEFAULT_CAPACITY_MINUTES;
  const startTime = options.startTime ?? home.roundStartTime ?? DEFAULT_START_TIME;
  const snapshots = await ctx.store.snapshots.load({ homeId: home.id });
  const proposal = planRound({ snapshots, reasons: reasonsFor(snapshots, today, sources ?? await reasonSourcesFor(ctx)), capacityMinutes, startTime, today,
    date, time: await loadRoundTime(ctx), pharmacistMinutes: home.pharmacistMinutes ?? 0, waitingFromLastRound: await waitingFromLastRound(ctx, home.id, date) });
  return { snapshots, proposal, capacityMinutes, startTime };
}

/** The home's unmatched urgent and escalate-now flags: someone not yet on the register, to add before the round. */
export async function unregisteredFlags(ctx: AppContext, homeId: number): Promise<ToResolve[]> {
  const flags = await ctx.store.flags.list({ homeId, unmatched: true }, ctx.today());
  return flags.flatMap((f) => (f.severity === 'escalate-now' || f.severity === 'urgent') && (f.status === 'open' || f.status === 'on-agenda')
    ? [{ flagId: f.id, name: flagSubject(f), severity: f.severity,
      explanation: `${f.text || FLAG_LABELS.category[f.category]} (raised ${formatUkDate(f.raisedOn)}${f.severityReason ? `; ${f.severityReason}` : ''}): add them to the register from the flag, then it is on their record.` }]
    : []);
}

/** Creates a round for a home and date, saves the planner's proposal as its agenda, and returns both. */
export async function createRound(ctx: AppContext, input: ParsedInput<'rounds:create'>, sources?: readonly ReasonSource[]): Promise<PlannedRound> {
  const home = await ctx.store.homes.get(input.homeId);
  const today = ctx.today();
  if (input.date < today) throw new AppError('INVALID_INPUT', 'A round cannot be planned for a date in the past.', [{ field: 'date', message: 'Choose today or a later date' }]);
  // Two agendas for one visit would split the residents' reasons and invitations between them.
  const sameDay = (await ctx.store.rounds.list(home.id)).find((r) => r.date === input.date);
  if (sameDay) {
    throw new AppError('CONFLICT', `${home.name} already has a round on that day (round ${sameDay.id}). Open it and change its agenda instead.`,
      [{ field: 'date', message: 'Choose another date, or open the round already planned for this day' }]);
  }
  const { snapshots, proposal, capacityMinutes, startTime } = await proposalFor(ctx, home, input.date,
    { capacityMinutes: input.capacityMinutes, startTime: input.startTime }, sources);
  const byId = new Map(snapshots.map((s) => [s.resident.id, s]));
  const clinicians = input.clinicians.length > 0 ? input.clinicians : home.roundClinician ? [home.roundClinician] : [];
  const toResolve = await unregisteredFlags(ctx, home.id);
  const round = await ctx.store.rounds.create(ctx.actor, {
    homeId: home.id, date: input.date, startTime, clinicians, capacityMinutes,
    plan: { notThisWeek: proposal.notThisWeek, escalations: proposal.escalations, huddleMinutes: proposal.huddleMinutes, overByMinutes: proposal.overByMinutes,
      deferredSummary: proposal.deferred.text, tasks: proposal.tasks, pharmacist: proposal.pharmacist, carePlanning: proposal.carePlanning,
      mustSee: proposal.items.flatMap((i) => (i.mustSee ? [{ residentId: i.residentId, why: i.mustSee }] : [])),
      ...(toResolve.length > 0 ? { toResolve } : {}) },
  }, proposal.items.map((item) => {
    const snapshot = byId.get(item.residentId);
    const proposed = snapshot ? proposeAttendees(snapshot) : { attendees: undefined, questions: [] };
    return { residentId: item.residentId, position: item.position, start: item.start, minutes: item.minutes, reasons: item.reasons,
      attendees: proposed.attendees ?? { resident: { attending: true, note: null }, representatives: [], careStaff: null }, questions: proposed.questions };
  }));
  return { round, proposal };
}

/** The date of a home's usual round day within the 7 days from `from`, or null when it has none. */
export function usualRoundDate(home: Pick<CareHome, 'roundDay'>, from: string): string | null {
  if (!home.roundDay) return null;
  return addDays(from, (WEEKDAY_NAMES.indexOf(home.roundDay) - dayOfWeek(from) + 7) % 7);
}

/** The first day of "next week" as the app plans, invites and prints it: tomorrow, so the 7 days match. */
export function nextWeekFrom(ctx: AppContext): string {
  return addDays(ctx.today(), 1);
}

/**
 * "Plan next week": a round for every home on its usual round day in the 7 days from `from` (default
 * tomorrow), each with the home's own capacity, start, pharmacist minutes and usual clinician. A home with
 * a round already in those 7 days, or without a usual round day, is skipped and says so.
 */
export async function planWeek(ctx: AppContext, input: ParsedInput<'rounds:plan-week'>): Promise<WeekPlan> {
  const from = input.from ?? nextWeekFrom(ctx);
  const to = addDays(from, 6);
  if (from < ctx.today()) throw new AppError('INVALID_INPUT', 'The week to plan cannot start in the past.', [{ field: 'from', message: 'Choose today or a later date' }]);
  const sources = await reasonSourcesFor(ctx);
  const result: WeekPlan = { from, to, planned: [], skipped: [] };
  // every round of the week read once, not a query per home
  const thatWeek = (await ctx.store.rounds.list(null)).filter((r) => r.date >= from && r.date <= to);
  for (const home of await ctx.store.homes.list()) {
    const date = usualRoundDate(home, from);
    if (!date) {
      result.skipped.push({ homeId: home.id, home: home.name, why: `${home.name} has no usual round day: set one on the home’s page, or plan its round by hand.` });
      continue;
    }
    const existing = thatWeek.find((r) => r.homeId === home.id);
    if (existing) {
      result.skipped.push({ homeId: home.id, home: home.name, why: `${home.name} already has a round that week (round ${existing.id} on ${formatUkDate(existing.date)}).` });
      continue;
    }
    result.planned.push(await createRound(ctx, { homeId: home.id, date, clinicians: [] }, sources));
  }
  return result;
}

/** A home's lists beside the round for a date (default the next usual round day): tasks, the pharmacist's session, care-planning conversations. */
export async function homeSessions(ctx: AppContext, input: ParsedInput<'rounds:sessions'>): Promise<HomeSessions> {
  const home = await ctx.store.homes.get(input.homeId);
  const date = input.date ?? usualRoundDate(home, ctx.today()) ?? ctx.today();
  const { proposal } = await proposalFor(ctx, home, date, {});
  return { homeId: home.id, home: home.name, date, tasks: proposal.tasks, pharmacist: proposal.pharmacist, carePlanning: proposal.carePlanning };
}

export const getRound = (ctx: AppContext, input: ParsedInput<'rounds:get'>) => ctx.store.rounds.get(input.id);
export const listRounds = (ctx: AppContext, input: ParsedInput<'rounds:list'>) => ctx.store.rounds.list(input.homeId ?? null);

function assertPlanning(round: Round): void {
  if (round.status === 'held' || round.status === 'closed') {
    throw new AppError('CONFLICT', `This round is ${round.status === 'held' ? 'already held' : 'closed'}: its agenda can no longer change.`);
  }
}

/** Adds a resident by hand: their current reasons come with them (or "added by hand" when nothing is due). */
export async function addResident(ctx: AppContext, input: ParsedInput<'rounds:add-resident'>): Promise<Round> {
  const round = await ctx.store.rounds.get(input.roundId);
  assertPlanning(round);
  if (round.items.some((i) => i.residentId === input.residentId)) throw new AppError('CONFLICT', 'That resident is already on this round.');
  const [snapshot] = await ctx.store.snapshots.load({ homeId: round.homeId, residentIds: [input.residentId] });
  if (!snapshot) throw new AppError('NOT_FOUND', 'That resident is not living at this round’s care home.');
  let reasons = reasonsFor([snapshot], ctx.today(), await reasonSourcesFor(ctx));
  if (reasons.length === 0) {
    reasons = [{ residentId: input.residentId, rule: 'added-by-hand', due: round.date, status: 'due', minutes: input.minutes ?? 10,
      explanation: input.why ? `Added by the practice: ${input.why}` : 'Added to the round by the practice.' }];
  }
  const proposed = proposeAttendees(snapshot);
  return ctx.store.rounds.addItem(ctx.actor, round.id, { residentId: input.residentId, minutes: input.minutes ?? residentMinutes(reasons, await loadRoundTime(ctx)), reasons,
    attendees: proposed.attendees, questions: proposed.questions }, slotItems);
}

/** Removes a resident; a must-see resident (or an urgent or escalate-now follow-up reason) needs a recorded reason. */
export async function removeResident(ctx: AppContext, input: ParsedInput<'rounds:remove-resident'>): Promise<Round> {
  const item = await ctx.store.rounds.getItem(input.itemId);
  const round = await ctx.store.rounds.get(item.roundId);
  assertPlanning(round);
  const urgent = item.reasons.some((r) => r.rule === 'flag-urgent' || r.rule === 'flag-escalate-now' || r.urgent)
    || (round.plan.mustSee ?? []).some((m) => m.residentId === item.residentId);
  const reason = input.reason?.trim() || null;
  if (urgent && !reason) {
    throw new AppError('INVALID_INPUT', 'This resident must be seen this week: say why they are coming off the round.',
      [{ field: 'reason', message: 'Enter why this resident is coming off the round' }]);
  }
  return ctx.store.rounds.removeItem(ctx.actor, item.id, reason, slotItems);
}

/** Moves one item up or down (keyboard-friendly reordering), or puts the items in a given order. */
export async function reorder(ctx: AppContext, input: ParsedInput<'rounds:reorder'>): Promise<Round> {
  const round = await ctx.store.rounds.get(input.roundId);
  assertPlanning(round);
  return ctx.store.rounds.reorder(ctx.actor, round.id, input.itemIds, slotItems);
}

export async function moveItem(ctx: AppContext, input: ParsedInput<'rounds:move'>): Promise<Round> {
  const item = await ctx.store.rounds.getItem(input.itemId);
  const round = await ctx.store.rounds.get(item.roundId);
  assertPlanning(round);
  const ids = round.items.map((i) => i.id);
  const at = ids.indexOf(item.id);
  const to = input.direction === 'up' ? at - 1 : at + 1;
  if (at < 0 || to < 0 || to >= ids.length) return round;
  [ids[at], ids[to]] = [ids[to] ?? item.id, ids[at] ?? item.id];
  return ctx.store.rounds.reorder(ctx.actor, round.id, ids, slotItems);
}

export async function setMinutes(ctx: AppContext, input: ParsedInput<'rounds:set-minutes'>): Promise<Round> {
  const item = await ctx.store.rounds.getItem(input.itemId);
  assertPlanning(await ctx.store.rounds.get(item.roundId));
  return ctx.store.rounds.setMinutes(ctx.actor, item.id, input.minutes, slotItems);
}

/** Attendees: representatives are matched to the item's own list (never another resident's). */
export async function setAttendees(ctx: AppContext, input: ParsedInput<'rounds:set-attendees'>) {
  const item = await ctx.store.rounds.getItem(input.itemId);
  const byId = new Map(item.attendees.representatives.map((r) => [r.representativeId, r]));
  const declining = new Set((await ctx.store.residents.get(item.residentId)).representatives.filter(prefersNotToJoin).map((r) => r.id));
  const representatives = input.attendees.representatives.map((r) => {
    const known = byId.get(r.representativeId);
    if (!known) throw new AppError('INVALID_INPUT', 'That representative is not one of this resident’s.');
    if (declining.has(r.representativeId) && (r.status === 'invited' || r.status === 'confirmed')) {
      throw new AppError('INVALID_INPUT', `${known.name} prefers not to join the reviews. If that has changed, update their contact preference on the resident’s page first.`,
        [{ field: 'attendees', message: `${known.name} prefers not to join` }]);
    }
    return { ...known, how: r.how, status: r.status };
  });
  for (const r of item.attendees.representatives) if (!representatives.some((x) => x.representativeId === r.representativeId)) representatives.push(r);
  const attendees: Attendees = { resident: input.attendees.resident, representatives, careStaff: input.attendees.careStaff };
  return ctx.store.rounds.updateItem(ctx.actor, item.id, input.version ?? item.version, { attendees });
}

export async function setQuestions(ctx: AppContext, input: ParsedInput<'rounds:set-questions'>) {
  const version = input.version ?? (await ctx.store.rounds.getItem(input.itemId)).version;
  return ctx.store.rounds.updateItem(ctx.actor, input.itemId, version, { questions: input.questions, ...(input.notes !== undefined ? { notes: input.notes || null } : {}) });
}

const NEXT_STATUS = { planning: 'agenda-issued', 'agenda-issued': 'held', held: 'closed' } as const;

/** planning → agenda-issued → held → closed, one step at a time. */
export async function setStatus(ctx: AppContext, input: ParsedInput<'rounds:set-status'>): Promise<Round> {
  const round = await ctx.store.rounds.get(input.roundId);
  const next = round.status === 'closed' ? null : NEXT_STATUS[round.status];
  if (next !== input.status) {
    throw new AppError('CONFLICT', round.status === 'closed' ? 'This round is already closed.' : `A round that is ${round.status} can next be ${next}, not ${input.status}.`);
  }
  if (next === 'agenda-issued' && round.items.length === 0) throw new AppError('CONFLICT', 'Add at least one resident before issuing the agenda.');
  return ctx.store.rounds.update(ctx.actor, round.id, { status: next }, slotItems);
}

export async function updateRoundDetails(ctx: AppContext, input: ParsedInput<'rounds:update'>): Promise<Round> {
  const round = await ctx.store.rounds.get(input.roundId);
  assertPlanning(round);
  return ctx.store.rounds.update(ctx.actor, round.id, { ...(input.startTime ? { startTime: input.startTime } : {}), ...(input.clinicians ? { clinicians: input.clinicians } : {}) }, slotItems);
}

/** Records an item's outcome; the round must have been held (or be on the day, agenda issued). */
export async function recordOutcome(ctx: AppContext, input: ParsedInput<'rounds:record-outcome'>): Promise<OutcomeAction[]> {
  const item = await ctx.store.rounds.getItem(input.outcome.itemId);
  const round = await ctx.store.rounds.get(item.roundId);
  if (round.status === 'planning' || round.status === 'closed') {
    throw new AppError('CONFLICT', round.status === 'closed' ? 'This round is closed: its outcomes can no longer change.' : 'Issue the agenda before recording outcomes.');
  }
  return ctx.store.rounds.recordOutcome(ctx.actor, input.outcome, round.date, round.clinicians.join(', ') || null);
}

export const listOutcomes = (ctx: AppContext, input: ParsedInput<'rounds:outcomes'>) => ctx.store.rounds.outcomes(input.roundId);
