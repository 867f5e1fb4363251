/** Use cases of advance care planning: a resident's plan, recording an entry, and the practice overview. */
import type { CarePlanEntryView } from '../../shared/domain/carePlan';
import { ACP_ELEMENTS } from '../../shared/domain/enums';
import type { DueItem } from '../../shared/domain/due';
import type { ResidentSnapshot } from '../../shared/domain/snapshot';
import type { ParsedInput } from '../../shared/ipc';
import type { CarePlanCoverage, CarePlanOverview, CarePlanResidentRow, ResidentCarePlan } from '../../shared/ipc/carePlans';
import { carePlanDueItems, currentEntries } from '../../shared/rules/carePlan';
import { cprStatus } from '../../shared/rules/cpr';
import { AppError } from '../../shared/errors';
import type { AppContext } from './context';

const STATUS_ORDER: Record<DueItem['status'], number> = { overdue: 0, due: 1, 'due-soon': 2 };

function splitEntries(residentId: number, entries: CarePlanEntryView[], snapshot: ResidentSnapshot | undefined, today: string): ResidentCarePlan {
  const current = entries.filter((e) => e.supersededBy === null);
  const order = (e: CarePlanEntryView) => ACP_ELEMENTS.indexOf(e.element);
  return {
    residentId,
    current: current.sort((a, b) => order(a) - order(b) || b.recordedOn.localeCompare(a.recordedOn) || b.id - a.id),
    history: entries.filter((e) => e.supersededBy !== null),
    cpr: cprStatus(snapshot?.carePlans ?? []),
    due: snapshot ? carePlanDueItems(snapshot, today) : [],
    supportPlans: [...(snapshot?.supportPlans ?? [])].reverse().map(({ id: _id, ...p }) => p),
    endOfLifeSteps: [...(snapshot?.endOfLifeSteps ?? [])].reverse().map(({ id: _id, ...e }) => e),
  };
}

async function residentPlan(ctx: AppContext, residentId: number, entries: CarePlanEntryView[]): Promise<ResidentCarePlan> {
  const [snapshot] = await ctx.store.snapshots.load({ residentIds: [residentId], includeInactive: true });
  return splitEntries(residentId, entries, snapshot, ctx.today());
}

export async function getCarePlan(ctx: AppContext, input: ParsedInput<'carePlans:get'>): Promise<ResidentCarePlan> {
  return residentPlan(ctx, input.residentId, await ctx.store.carePlans.list(input.residentId));
}

export async function addCarePlanEntry(ctx: AppContext, input: ParsedInput<'carePlans:add'>): Promise<ResidentCarePlan> {
  const { entry } = input;
  // Only the resident's own representatives can take part in, or hold, their plan.
  const resident = await ctx.store.residents.get(input.residentId);
  const known = new Set(resident.representatives.map((r) => r.id));
  const holder = entry.details && 'representativeId' in entry.details ? entry.details.representativeId : undefined;
  const named = [...(entry.participants?.representativeIds ?? []), ...(typeof holder === 'number' ? [holder] : [])];
  if (named.some((repId) => !known.has(repId))) {
    throw new AppError('INVALID_INPUT', `Choose a representative of ${resident.givenName} ${resident.familyName}`, [{ field: 'participants', message: 'Choose one of this resident’s representatives' }]);
  }
  const entries = await ctx.store.carePlans.add(ctx.actor, input.residentId, {
    element: entry.element, value: entry.value, details: entry.details, recordedOn: entry.recordedOn, reviewDue: entry.reviewDue,
    participants: entry.participants,
  }, 'entered');
  return residentPlan(ctx, input.residentId, entries);
}

/** Records a care and support plan (written or reviewed) or an end-of-life step by hand. */
export async function addPathwayRecord(ctx: AppContext, input: ParsedInput<'carePlans:add-pathway'>): Promise<ResidentCarePlan> {
  const r = input.record;
  await ctx.store.residents.get(input.residentId);
  const date = r.type === 'support-plan' ? r.date : r.recordedOn;
  if (date > ctx.today()) throw new AppError('INVALID_INPUT', 'The date cannot be in the future', [{ field: 'record.date', message: 'Enter today or an earlier date' }]);
  if (r.type === 'end-of-life-step' && r.outcome === 'declined' && r.step !== 'anticipatory-medicines') {
    throw new AppError('INVALID_INPUT', 'Only anticipatory medicines can be recorded as declined', [{ field: 'record.outcome', message: 'Choose done' }]);
  }
  if (r.type === 'support-plan' && r.nextReview !== null && r.nextReview <= r.date) {
    throw new AppError('INVALID_INPUT', 'The next review must be after the plan’s date', [{ field: 'record.nextReview', message: 'Enter a later date' }]);
  }
  await ctx.store.records.add(ctx.actor, input.residentId, r.type === 'support-plan'
    ? { supportPlans: [{ kind: r.kind, date: r.date, by: r.by, nextReview: r.nextReview }] }
    : { endOfLifeSteps: [{ step: r.step, outcome: r.outcome, recordedOn: r.recordedOn, by: r.by, notes: r.notes }] }, 'entered');
  return getCarePlan(ctx, { residentId: input.residentId });
}

function hasLpa(snapshot: ResidentSnapshot): boolean {
  const lpa = currentEntries(snapshot.carePlans)['lpa-health-welfare'];
  if (lpa) return lpa.value === 'registered';
  return snapshot.representatives.some((r) => r.holdsLpaHealthWelfare);
}

/** Coverage per home and every resident with a CPR conflict or an item due: conflicts first, then the most overdue. */
export async function carePlanOverview(ctx: AppContext, input: ParsedInput<'carePlans:overview'>): Promise<CarePlanOverview> {
  const today = ctx.today();
  const snapshots = await ctx.store.snapshots.load(input.homeId === undefined ? {} : { homeId: input.homeId });
  const coverage = new Map<number, CarePlanCoverage>();
  for (const home of await ctx.store.homes.list()) {
    if (input.homeId === undefined || home.id === input.homeId) {
      coverage.set(home.id, { homeId: home.id, homeName: home.name, residents: 0, withRespect: 0, withPreferredPlaceOfDeath: 0, withLpa: 0 });
    }
  }
  const residents: CarePlanResidentRow[] = [];
  for (const s of snapshots) {
    const r = s.resident;
    const current = currentEntries(s.carePlans);
    const c = coverage.get(r.homeId);
    if (c) {
      c.residents++;
      if (current.respect) c.withRespect++;
      if (current['preferred-place-of-death']) c.withPreferredPlaceOfDeath++;
      if (hasLpa(s)) c.withLpa++;
    }
    const cpr = cprStatus(s.carePlans);
    const due = carePlanDueItems(s, today);
    if (cpr.kind === 'conflict' || due.length > 0) {
      residents.push({ residentId: r.id, nhsNumber: r.nhsNumber, name: `${r.givenName} ${r.familyName}`, preferredName: r.preferredName,
        homeId: r.homeId, homeName: r.homeName, cpr, due });
    }
  }
  const urgency = (row: CarePlanResidentRow) => Math.min(3, ...row.due.map((d) => STATUS_ORDER[d.status]));
  const earliest = (row: CarePlanResidentRow) => row.due.map((d) => d.due).sort()[0] ?? '9999-12-31';
  residents.sort((a, b) => Number(b.cpr.kind === 'conflict') - Number(a.cpr.kind === 'conflict') || urgency(a) - urgency(b)
    || earliest(a).localeCompare(earliest(b)) || a.homeName.localeCompare(b.homeName) || a.name.localeCompare(b.name));
  return { today, coverage: [...coverage.values()], residents };
}
