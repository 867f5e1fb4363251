/** Shared outcome reports: the store's rows, counted by shared/rules/outcomes.ts. */
import { toCsv } from '../../shared/csv';
import { formatUkDate } from '../../shared/dates';
import type { OutcomeData, OutcomeReport } from '../../shared/domain/reports';
import type { ParsedInput } from '../../shared/ipc';
import { computeCharts, computeFigures, figureRows, homeSections, livesThereOn } from '../../shared/rules/outcomes';
import { medicationDueItems } from '../../shared/rules/reviews';
import type { AppContext } from './context';
import { loadSettings } from './reviews';

/**
 * Medication reviews overdue on a day, by the same rules as the Reviews screen: each resident living in the
 * home that day, with the reviews and medicines recorded by then.
 */
export async function overdueReviewsOn(ctx: AppContext, homeId: number | null, day: string): Promise<OutcomeData['overdueAtEnd']> {
  const settings = await loadSettings(ctx);
  const snapshots = await ctx.store.snapshots.load({ homeId: homeId ?? undefined, includeInactive: true });
  return snapshots
    .filter((s) => livesThereOn({ ...s.resident, createdOn: s.resident.createdAt.slice(0, 10) }, day))
    .flatMap((s) => {
      const asOfDay = { ...s, resident: { ...s.resident, status: 'active' as const, statusDate: null },
        reviews: s.reviews.filter((r) => (r.doneOn ?? r.dueDate ?? '') <= day),
        medications: s.medications.filter((m) => m.startDate === null || m.startDate <= day) };
      return medicationDueItems(asOfDay, day, settings).filter((d) => d.status === 'overdue')
        .map((d) => ({ residentId: s.resident.id, rule: d.rule, dueDate: d.due }));
    });
}

export async function outcomeReport(ctx: AppContext, input: ParsedInput<'reports:outcomes'>): Promise<OutcomeReport> {
  const homeId = input.homeId ?? null;
  const home = homeId === null ? null : await ctx.store.homes.get(homeId);
  const stored = await ctx.store.reports.outcomeData(homeId);
  const data = { ...stored, overdueAtEnd: await overdueReviewsOn(ctx, homeId, input.to) };
  const practice = await ctx.store.practice.get();
  const period = { from: input.from, to: input.to };
  return {
    from: input.from,
    to: input.to,
    generatedOn: ctx.today(),
    practiceName: practice.name,
    scope: { homeId, name: home?.name ?? `${practice.name}: all care homes`, figures: computeFigures(data, period) },
    homes: homeId === null ? homeSections(data, period) : [],
    charts: computeCharts(data, period),
  };
}

/** The report's figures as CSV: the scope first, then each home. */
export async function outcomeCsv(ctx: AppContext, input: ParsedInput<'reports:outcomes'>): Promise<{ fileName: string; csv: string }> {
  const report = await outcomeReport(ctx, input);
  const slug = (report.scope.homeId === null ? 'practice' : report.scope.name).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return {
    fileName: `roundtable-outcomes-${slug}-${report.from}-to-${report.to}.csv`,
    csv: toCsv(figureRows([report.scope, ...report.homes], report)),
  };
}

export function periodText(report: Pick<OutcomeReport, 'from' | 'to'>): string {
  return `${formatUkDate(report.from)} to ${formatUkDate(report.to)}`;
}
