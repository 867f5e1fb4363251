/** Shared outcome reports: the store's rows, counted by shared/rules/outcomes.ts. */
import { toCsv } from '../../shared/csv';
import { formatUkDate } from '../../shared/dates';
import type { OutcomeReport } from '../../shared/domain/reports';
import type { ParsedInput } from '../../shared/ipc';
import { computeCharts, computeFigures, figureRows, homeSections } from '../../shared/rules/outcomes';
import type { AppContext } from './context';

export async function outcomeReport(ctx: AppContext, input: ParsedInput<'reports:outcomes'>): Promise<OutcomeReport> {
  const homeId = input.homeId ?? null;
  const home = homeId === null ? null : await ctx.store.homes.get(homeId);
  const data = await ctx.store.reports.outcomeData(homeId);
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
