/**
 * The Reviews and Care plans lists at practice scale: one row per resident, filtered, sorted and paged
 * here so the screen receives one page (not every reason of every resident), with the counts for the
 * whole set. The rules run once per request, as for the overviews.
 */
import type { DueStatus } from '../../shared/domain/due';
import type { DueListSort, Page } from '../../shared/domain/lists';
import type { ParsedInput } from '../../shared/ipc';
import type { CarePlanList, CarePlanOverview, CarePlanResidentRow } from '../../shared/ipc/carePlans';
import type { ResidentReviews, ReviewRow, ReviewsList } from '../../shared/ipc/reviews';
import { searchKey } from '../../shared/text';
import { carePlanOverview } from './carePlans';
import type { AppContext } from './context';
import { remembered } from './remembered';
import { reviewsOverview } from './reviews';

const PRESSING: Record<DueStatus, number> = { overdue: 0, due: 1, 'due-soon': 2 };

export function pageOf<T>(rows: readonly T[], offset: number, limit: number): Page<T> {
  return { rows: rows.slice(offset, offset + limit), total: rows.length, offset, limit };
}

/** Each resident's reviews in one row, most pressing first within the row. */
export function groupByResident(items: readonly ReviewRow[]): ResidentReviews[] {
  const byResident = new Map<number, ReviewRow[]>();
  for (const i of items) {
    const list = byResident.get(i.residentId);
    if (list) list.push(i);
    else byResident.set(i.residentId, [i]);
  }
  return [...byResident.values()].map((rows) => {
    const sorted = [...rows].sort((a, b) => PRESSING[a.status] - PRESSING[b.status] || a.due.localeCompare(b.due));
    const first = sorted[0] as ReviewRow;
    return { residentId: first.residentId, name: first.name, nhsNumber: first.nhsNumber, home: first.home, items: sorted, worst: first.status,
      earliest: sorted.map((r) => r.due).sort()[0] ?? first.due };
  });
}

const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

function matchesText(query: string | undefined, name: string, nhsNumber: string): boolean {
  const key = query ? searchKey(query) : '';
  return key === '' || searchKey(name).includes(key) || nhsNumber.includes(key.replace(/\s/g, ''));
}

function sorted<T>(rows: T[], sort: DueListSort, descending: boolean, keys: { name: (r: T) => string; home: (r: T) => string; due: (r: T) => string; pressing: (r: T) => string }): T[] {
  const sign = descending ? -1 : 1;
  // The rows arrive most pressing first; a stable sort keeps that order among equals.
  if (sort === 'pressing') return descending ? [...rows].reverse() : rows;
  return [...rows].sort((a, b) => sign * collator.compare(keys[sort](a), keys[sort](b)));
}

export async function reviewsList(ctx: AppContext, input: ParsedInput<'reviews:list'>): Promise<ReviewsList> {
  // A schedule run is recorded once per visit (the first page), not on every page turned.
  const overview = await reviewsOverview(ctx, input.homeId === undefined ? {} : { homeId: input.homeId }, { record: input.offset === 0 });
  const groups = groupByResident(overview.items);
  const matches = groups.filter((g) => matchesText(input.query, g.name, g.nhsNumber)
    && g.items.some((i) => (input.rule === undefined || i.rule === input.rule)
      && (input.status === undefined || (input.status === 'unplaced' ? i.scheduledFor === null : i.status === input.status))));
  const rows = sorted(matches.sort((a, b) => PRESSING[a.worst] - PRESSING[b.worst] || a.earliest.localeCompare(b.earliest) || collator.compare(a.name, b.name)),
    input.sort, input.descending, { name: (g) => g.name, home: (g) => g.home, due: (g) => g.earliest, pressing: (g) => g.worst });
  const count = (s: DueStatus) => overview.items.filter((i) => i.status === s).length;
  return {
    today: overview.today,
    rulesVersion: overview.rulesVersion,
    counts: { overdue: count('overdue'), due: count('due'), dueSoon: count('due-soon'), unplaced: overview.items.filter((i) => i.scheduledFor === null).length },
    rules: [...new Set(overview.items.map((i) => i.rule))],
    residents: pageOf(rows, input.offset, input.limit),
    rounds: overview.rounds,
    recorded: overview.recorded,
  };
}

/** The care-plan overview, remembered until the data or the day changes (remembered.ts): paging and filtering do not rerun the rules. */
export function rememberedCarePlans(ctx: AppContext, homeId?: number): Promise<CarePlanOverview> {
  return remembered(ctx, `carePlans:overview:${homeId ?? ''}`, () => carePlanOverview(ctx, homeId === undefined ? {} : { homeId }));
}

/**
 * The residents with something due or overdue now (not "due soon"): medication reviews, or care-plan gaps.
 * The Residents list's "Needs attention" filter, from the same remembered computations as the Reviews and
 * Care plans lists, so filtering does not run every rule for every resident on each page.
 */
export async function residentsWithDue(ctx: AppContext, what: 'reviews' | 'care-plan'): Promise<number[]> {
  if (what === 'reviews') {
    const overview = await reviewsOverview(ctx, {}, { record: false });
    return [...new Set(overview.items.filter((i) => i.status !== 'due-soon').map((i) => i.residentId))];
  }
  const overview = await rememberedCarePlans(ctx);
  return overview.residents.filter((r) => r.due.some((d) => d.status !== 'due-soon')).map((r) => r.residentId);
}

export async function carePlanList(ctx: AppContext, input: ParsedInput<'carePlans:list'>): Promise<CarePlanList> {
  const overview = await rememberedCarePlans(ctx, input.homeId);
  const earliest = (r: CarePlanResidentRow) => r.due.map((d) => d.due).sort()[0] ?? '';
  const matches = overview.residents.filter((r) => matchesText(input.query, `${r.name} ${r.preferredName ?? ''}`, r.nhsNumber)
    && (input.rule === undefined || r.due.some((d) => d.rule === input.rule))
    && (input.status === undefined || (input.status === 'conflict' ? r.cpr.kind === 'conflict' : r.due.some((d) => d.status === input.status))));
  const rows = sorted(matches, input.sort, input.descending, { name: (r) => r.name, home: (r) => r.homeName, due: earliest, pressing: () => '' });
  return {
    today: overview.today,
    coverage: overview.coverage,
    conflicts: overview.residents.filter((r) => r.cpr.kind === 'conflict').length,
    rules: [...new Set(overview.residents.flatMap((r) => r.due.map((d) => d.rule)))],
    anyone: overview.residents.length > 0,
    residents: pageOf(rows, input.offset, input.limit),
  };
}
