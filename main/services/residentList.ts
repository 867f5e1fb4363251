/**
 * The Residents list at practice scale: one page of the register, sorted and filtered in the store,
 * with what needs attention for each resident on the page (most severe open flag, reviews due,
 * care-plan gaps, next round). The rules run for the page only, from one set-based snapshot load.
 */
import type { DueItem, DueStatus } from '../../shared/domain/due';
import type { DueCount, Page, ResidentListRow } from '../../shared/domain/lists';
import type { ParsedInput } from '../../shared/ipc';
import { carePlanDueItems } from '../../shared/rules/carePlan';
import { medicationDueItems } from '../../shared/rules/reviews';
import type { AppContext } from './context';
import { residentsWithDue } from './dueLists';
import { loadSettings, upcomingRounds } from './reviews';

const PRESSING: Record<DueStatus, number> = { overdue: 0, due: 1, 'due-soon': 2 };

/** Items due or overdue now; "due soon" is not yet something to act on. */
export function dueCount(items: readonly DueItem[]): DueCount {
  const now = items.filter((i) => i.status !== 'due-soon');
  const worst = now.map((i) => i.status).sort((a, b) => PRESSING[a] - PRESSING[b])[0] ?? null;
  return { count: now.length, worst };
}

export async function residentsPage(ctx: AppContext, input: ParsedInput<'residents:page'>): Promise<Page<ResidentListRow>> {
  const today = ctx.today();
  const { total, residents, openFlags } = await ctx.store.residents.page({
    query: input.query, homeId: input.homeId, status: input.status, withOpenFlag: input.withOpenFlag,
    onlyIds: input.residentId !== undefined ? [input.residentId] : input.due !== undefined ? await residentsWithDue(ctx, input.due) : undefined,
    sort: input.sort, descending: input.descending, offset: input.offset, limit: input.limit,
  });
  if (residents.length === 0) return { rows: [], total, offset: input.offset, limit: input.limit };

  const settings = await loadSettings(ctx);
  const snapshots = new Map((await ctx.store.snapshots.load({ residentIds: residents.map((r) => r.id), includeInactive: true }))
    .map((s) => [s.resident.id, s]));
  const homeIds = new Set(residents.map((r) => r.homeId));
  const homes = (await ctx.store.homes.list()).filter((h) => homeIds.has(h.id));
  const nextRound = new Map<number, { date: string; planned: boolean }>();
  for (const r of (await upcomingRounds(ctx, homes, settings)).sort((a, b) => a.date.localeCompare(b.date))) {
    if (!nextRound.has(r.homeId)) nextRound.set(r.homeId, { date: r.date, planned: !r.projected });
  }
  // The store lists each resident's open flags most severe first.
  const flagsOf = new Map<number, typeof openFlags>();
  for (const f of openFlags) flagsOf.set(f.residentId, [...(flagsOf.get(f.residentId) ?? []), f]);

  const rows = residents.map((resident): ResidentListRow => {
    const snapshot = snapshots.get(resident.id);
    const living = resident.status === 'active';
    const flags = flagsOf.get(resident.id) ?? [];
    const worst = flags[0];
    return {
      resident,
      worstFlag: worst ? { id: worst.id, severity: worst.severity, category: worst.category, raisedOn: worst.raisedOn,
        actionRecorded: worst.escalationAction !== null } : null,
      openFlags: flags.length,
      reviewsDue: living && snapshot ? dueCount(medicationDueItems(snapshot, today, settings)) : { count: 0, worst: null },
      carePlanGaps: living && snapshot ? dueCount(carePlanDueItems(snapshot, today)) : { count: 0, worst: null },
      nextRound: living ? nextRound.get(resident.homeId) ?? null : null,
    };
  });
  return { rows, total, offset: input.offset, limit: input.limit };
}
