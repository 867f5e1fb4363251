/** acp gaps, acp show: advance care planning from the command line. */
import { formatUkDate } from '../../../shared/dates';
import { describeDetails, describeParticipants, ELEMENT_LABELS, sourceLabel, type CarePlanEntryView } from '../../../shared/domain/carePlan';
import { normaliseNhsNumber, formatNhsNumber } from '../../../shared/rules/nhsNumber';
import { describeDue } from '../../../shared/rules/carePlan';
import type { AppContext } from '../../services/context';
import { cliHint, call, CliError, printJson, stringOption, withContext, type Command, type Values } from '../common';
import { formatTable } from '../table';
import { homeOption } from './register';
import { ruleLabel } from '../../../shared/rules/ruleLabels';

export interface AcpGapRow {
  residentId: number;
  nhsNumber: string;
  name: string;
  home: string;
  rule: string;
  due: string;
  explanation: string;
}

export const acpGapsCommand: Command = {
  name: 'acp gaps',
  usage: ['acp gaps [--home NAME|ID]          advance care plan gaps, reviews and end-of-life items due (honours --today)'],
  options: { home: { type: 'string' } },
  run: (values, _positionals, io) => withContext(values, io, async (ctx) => {
    const homeId = await homeOption(ctx, stringOption(values, 'home'), values);
    const overview = await call(ctx, 'carePlans:overview', homeId === undefined ? {} : { homeId });
    const rows: AcpGapRow[] = overview.residents.flatMap((r) => [
      ...(r.cpr.kind === 'conflict' ? [{ residentId: r.residentId, nhsNumber: r.nhsNumber, name: r.name, home: r.homeName, rule: 'cpr-conflict',
        due: overview.today, explanation: r.cpr.label }] : []),
      ...r.due.map((d) => ({ residentId: r.residentId, nhsNumber: r.nhsNumber, name: r.name, home: r.homeName, rule: d.rule, due: d.due,
        explanation: d.explanation })),
    ]);
    if (values.json) return printJson(io, rows);
    if (rows.length === 0) return io.out('No advance care plan gaps or reviews are due.');
    for (const r of overview.residents) {
      io.out(`${r.name} (${formatNhsNumber(r.nhsNumber)}), ${r.homeName}`);
      if (r.cpr.kind === 'conflict') io.out(`  CONFLICT: ${r.cpr.label}`);
      for (const d of r.due) io.out(`  ${ruleLabel(d.rule)}, ${describeDue(d)}: ${d.explanation}`);
    }
    io.out(`\n${overview.residents.length} resident${overview.residents.length === 1 ? '' : 's'} with something to talk about`);
  }),
};

async function findResident(ctx: AppContext, ref: string, values?: Values): Promise<number> {
  if (/^\d{1,9}$/.test(ref.trim())) return Number(ref.trim());
  const nhs = normaliseNhsNumber(ref);
  const resident = /^\d{10}$/.test(nhs) ? await call(ctx, 'residents:find-by-nhs-number', { nhsNumber: nhs }) : null;
  if (!resident) throw new CliError(`No resident has the id or NHS number “${ref}”. See: ${cliHint(values, 'residents')}`);
  return resident.id;
}

export const acpShowCommand: Command = {
  name: 'acp show',
  usage: ['acp show RESIDENT                 a resident’s advance care plan: current entries, conflicts, history (RESIDENT = id or NHS number)'],
  options: {},
  run: (values, positionals, io) => withContext(values, io, async (ctx) => {
    const [ref] = positionals;
    if (ref === undefined) throw new CliError(`Say which resident: ${cliHint(values, 'acp show 9434765919')}`);
    const residentId = await findResident(ctx, ref, values);
    const resident = await call(ctx, 'residents:get', { id: residentId });
    const plan = await call(ctx, 'carePlans:get', { residentId });
    const conflicts = plan.cpr.kind === 'conflict' ? plan.cpr.decisions : [];
    if (values.json) {
      return printJson(io, { residentId, nhsNumber: resident.nhsNumber, name: `${resident.givenName} ${resident.familyName}`, home: resident.homeName,
        cpr: plan.cpr, conflicts, current: plan.current, history: plan.history, due: plan.due });
    }
    const reps = new Map(resident.representatives.map((r) => [r.id, `${r.name} (${r.relationship.toLowerCase()})`]));
    const table = (entries: CarePlanEntryView[]) => formatTable(['Element', 'Value', 'Recorded', 'Review', 'Who took part; details', 'Source'], entries.map((e) => [
      ELEMENT_LABELS[e.element], e.valueLabel, formatUkDate(e.recordedOn), formatUkDate(e.reviewDue), [describeParticipants(e.participants, reps), ...describeDetails(e.element, e.details, reps)].filter(Boolean).join('; '), sourceLabel(e),
    ]));
    io.out(`${resident.givenName} ${resident.familyName} (${formatNhsNumber(resident.nhsNumber)}), ${resident.homeName}`);
    io.out(`CPR: ${plan.cpr.kind === 'conflict' ? 'CONFLICT – ' : ''}${plan.cpr.label}\n`);
    io.out(plan.current.length ? `Current\n${table(plan.current)}` : 'No advance care plan entries are recorded.');
    if (plan.history.length) io.out(`\nHistory (superseded)\n${table(plan.history)}`);
    if (plan.due.length) io.out(`\nDue\n${plan.due.map((d) => `  ${ruleLabel(d.rule)}, ${describeDue(d)}: ${d.explanation}`).join('\n')}`);
  }),
};

export const carePlanCommands: Command[] = [acpGapsCommand, acpShowCommand];
