/** reviews due: the medication reviews due, with their reasons, as a table or JSON. */
import { formatUkDate, isIsoDate } from '../../../shared/dates';
import { formatNhsNumber } from '../../../shared/rules/nhsNumber';
import { call, CliError, printJson, stringOption, withContext, type Command } from '../common';
import { formatTable } from '../table';
import { homeOption } from './register';

const STATUS_TEXT = { overdue: 'Overdue', due: 'Due', 'due-soon': 'Due soon' } as const;

export const reviewsDueCommand: Command = {
  name: 'reviews due',
  usage: [
    'reviews due [--home NAME|ID] [--before YYYY-MM-DD]',
    '                                  medication reviews due, grouped per resident (most serious first), with the reason for each',
  ],
  options: { home: { type: 'string' }, before: { type: 'string' } },
  run: async (values, _positionals, io) => {
    const before = stringOption(values, 'before');
    if (before !== undefined && !isIsoDate(before)) throw new CliError(`--before takes a date as YYYY-MM-DD, not “${before}”`);
    await withContext(values, io, async (ctx) => {
      const homeId = await homeOption(ctx, stringOption(values, 'home'), values);
      const overview = await call(ctx, 'reviews:overview', { ...(homeId ? { homeId } : {}), ...(before ? { before } : {}) });
      if (values.json) {
        return printJson(io, overview.items.map((i) => ({
          residentId: i.residentId, nhsNumber: i.nhsNumber, name: i.name, home: i.home, rule: i.rule, due: i.due, status: i.status, explanation: i.explanation,
        })));
      }
      if (overview.items.length === 0) return io.out(`No medication reviews are due${before ? ` before ${formatUkDate(before)}` : ''} on ${formatUkDate(overview.today)}.`);
      // grouped per resident: residents in the order of their most serious item (the service lists the most serious first)
      const byResident = new Map<number, typeof overview.items>();
      for (const i of overview.items) byResident.set(i.residentId, [...(byResident.get(i.residentId) ?? []), i]);
      const grouped = [...byResident.values()].flat();
      io.out(formatTable(['Status', 'Due', 'Resident', 'NHS number', 'Care home', 'Review', 'Round'], grouped.map((i) => [
        i.urgent ? 'Urgent' : STATUS_TEXT[i.status], formatUkDate(i.due), i.name, formatNhsNumber(i.nhsNumber), i.home, i.ruleLabel,
        i.scheduledFor ? formatUkDate(i.scheduledFor) : 'does not fit',
      ])));
      for (const items of byResident.values()) {
        const first = items[0];
        if (!first) continue;
        io.out(`\n${first.name} (${formatNhsNumber(first.nhsNumber)}, ${first.home})`);
        for (const i of items) {
          io.out(`- ${i.urgent ? 'Urgent: same-day call to the prescriber. ' : ''}${i.ruleLabel}: ${i.explanation}${i.notScheduledReason ? ` [not scheduled: ${i.notScheduledReason}]` : ''}`);
        }
      }
      io.out(`\n${overview.items.length} review${overview.items.length === 1 ? '' : 's'} on ${formatUkDate(overview.today)} · rules ${overview.rulesVersion}`);
    });
  },
};
