/** import flags, flags, flags unmatched, flags match: care-home flags from the command line. */
import path from 'node:path';
import { formatUkDate } from '../../../shared/dates';
import { FLAG_SEVERITIES, FLAG_STATUSES } from '../../../shared/domain/enums';
import type { FlagView } from '../../../shared/domain/flags';
import { flagSubject, identityText, UNMATCHED_LABELS } from '../../../shared/rules/flagMatching';
import { FLAG_LABELS } from '../../../shared/rules/flags';
import { formatNhsNumber } from '../../../shared/rules/nhsNumber';
import { importFlags } from '../../services/flags';
import { cliHint, call, CliError, EXIT, printJson, stringOption, withContext, type Command } from '../common';
import { formatTable } from '../table';
import { homeOption } from './register';

function positiveId(value: string | undefined, what: string): number {
  if (value === undefined || !/^[1-9]\d{0,9}$/.test(value)) throw new CliError(`Give the ${what} as a number`);
  return Number(value);
}

export const importFlagsCommand: Command = {
  name: 'import flags',
  usage: [
    'import flags FILE --home NAME|ID [--sheet NAME]',
    '                                  import a care home’s flags (CSV or .xlsx)',
  ],
  options: { home: { type: 'string' }, sheet: { type: 'string' } },
  run: async (values, positionals, io) => {
    const [file] = positionals;
    if (file === undefined || positionals.length > 1) throw new CliError(`Give one file: ${cliHint(values, 'import flags FILE --home NAME|ID')}`);
    const homeName = stringOption(values, 'home');
    if (homeName === undefined) throw new CliError('Say which care home sent the flags: --home NAME|ID');
    return withContext(values, io, async (ctx) => {
      const homeId = await homeOption(ctx, homeName, values) as number;
      const summary = await importFlags(ctx, { file: path.resolve(io.cwd, file), homeId, sheet: stringOption(values, 'sheet') });
      if (values.json) printJson(io, summary);
      else {
        io.out(`Imported ${path.basename(file)} (batch ${summary.batchId}): ${summary.read} rows read`);
        io.out(`  ${summary.matched} matched to a resident (${summary.matchedOnNameAndDob} on name and date of birth)`);
        io.out(`  ${summary.unmatched} to the unmatched queue: see ${cliHint(values, 'flags unmatched')}`);
        const already = summary.read - summary.rejected.length - summary.matched - summary.unmatched;
        if (already > 0) io.out(`  ${already} already imported before (not added twice)`);
        if (summary.rejected.length > 0) {
          io.out(`  ${summary.rejected.length} rejected:`);
          for (const r of summary.rejected) io.out(`    line ${r.line}${r.field ? `, ${r.field}` : ''}: ${r.reason}`);
        }
      }
      return summary.rejected.length > 0 && summary.rejected.length === summary.read ? EXIT.inputRejected : EXIT.ok;
    });
  },
};

const STATUSES = [...FLAG_STATUSES, 'waiting', 'current'] as const;

export const flagsCommand: Command = {
  name: 'flags',
  usage: [
    'flags [--home NAME|ID] [--status open|on-agenda|addressed|closed|waiting|current] [--severity S]',
    '                                  list flags matched to residents, and urgent or escalate-now flags about someone not yet registered',
  ],
  options: { home: { type: 'string' }, status: { type: 'string' }, severity: { type: 'string' } },
  run: async (values, _positionals, io) => {
    const status = stringOption(values, 'status');
    if (status !== undefined && !(STATUSES as readonly string[]).includes(status)) throw new CliError(`--status takes one of ${STATUSES.join(', ')}`);
    const severity = stringOption(values, 'severity');
    if (severity !== undefined && !(FLAG_SEVERITIES as readonly string[]).includes(severity)) throw new CliError(`--severity takes one of ${FLAG_SEVERITIES.join(', ')}`);
    await withContext(values, io, async (ctx) => {
      const homeId = await homeOption(ctx, stringOption(values, 'home'), values);
      const list = await call(ctx, 'flags:list', {
        ...(homeId ? { homeId } : {}), ...(status ? { status: status as (typeof STATUSES)[number] } : {}),
        ...(severity ? { severity: severity as (typeof FLAG_SEVERITIES)[number] } : {}),
      });
      if (values.json) return printJson(io, list);
      if (list.length === 0) return io.out('No flags match.');
      io.out(formatTable(['Id', 'Raised', 'Resident', 'Care home', 'Category', 'Severity', 'Status', 'Details'], list.map((f: FlagView) => [
        f.id, formatUkDate(f.raisedOn), flagSubject(f), f.homeName, FLAG_LABELS.category[f.category], FLAG_LABELS.severity[f.severity],
        `${FLAG_LABELS.status[f.status]}${f.waiting ? ' (waiting)' : ''}${f.severity === 'escalate-now' && !f.escalationAction ? ' – ACT TODAY' : ''}`,
        f.text.length > 50 ? `${f.text.slice(0, 49)}…` : f.text,
      ])));
      io.out(`\n${list.length} flag${list.length === 1 ? '' : 's'}`);
    });
  },
};

export const unmatchedCommand: Command = {
  name: 'flags unmatched',
  usage: ['flags unmatched [--home NAME|ID]   flags waiting for a person to say who they are about'],
  options: { home: { type: 'string' } },
  run: (values, _positionals, io) => withContext(values, io, async (ctx) => {
    const homeId = await homeOption(ctx, stringOption(values, 'home'), values);
    const list = await call(ctx, 'flags:unmatched', homeId ? { homeId } : {});
    if (values.json) {
      return printJson(io, list.map((f) => ({
        id: f.id, homeId: f.homeId, homeName: f.homeName, rawIdentity: f.rawIdentity, raisedOn: f.raisedOn, category: f.category, severity: f.severity,
        text: f.text, reason: f.unmatchedReason, explanation: f.unmatchedExplanation,
        candidates: f.candidates.map((c) => ({ id: c.id, nhsNumber: c.nhsNumber, familyName: c.familyName, givenName: c.givenName, dateOfBirth: c.dateOfBirth, room: c.room })),
      })));
    }
    if (list.length === 0) return io.out('The unmatched queue is empty.');
    for (const f of list) {
      io.out(`Flag ${f.id} (${f.homeName}, raised ${formatUkDate(f.raisedOn)}, ${FLAG_LABELS.category[f.category]}, ${FLAG_LABELS.severity[f.severity]})`);
      io.out(`  As written: ${identityText(f.rawIdentity)}`);
      io.out(`  Why: ${f.unmatchedReason ? UNMATCHED_LABELS[f.unmatchedReason] : ''}${f.unmatchedExplanation ? ` – ${f.unmatchedExplanation}` : ''}`);
      if (f.candidates.length === 0) io.out('  Candidates: none found');
      for (const c of f.candidates) {
        io.out(`  Candidate ${c.id}: ${c.givenName} ${c.familyName}, born ${formatUkDate(c.dateOfBirth)}, NHS ${formatNhsNumber(c.nhsNumber)}${c.room ? `, room ${c.room}` : ''}`);
      }
    }
    io.out(`\n${list.length} unmatched flag${list.length === 1 ? '' : 's'}. Match one with: ${cliHint(values, 'flags match FLAG_ID RESIDENT_ID')}`);
  }),
};

export const matchCommand: Command = {
  name: 'flags match',
  usage: ['flags match FLAG_ID RESIDENT_ID   confirm which resident an unmatched flag is about'],
  options: {},
  run: async (values, positionals, io) => {
    if (positionals.length !== 2) throw new CliError(`Give the flag and the resident: ${cliHint(values, 'flags match FLAG_ID RESIDENT_ID')}`);
    const id = positiveId(positionals[0], 'flag id');
    const residentId = positiveId(positionals[1], 'resident id');
    await withContext(values, io, async (ctx) => {
      const flag = await call(ctx, 'flags:match', { id, residentId });
      if (values.json) return printJson(io, flag);
      io.out(`Flag ${flag.id} is now on ${flag.residentName}'s record.`);
    });
  },
};

export const FLAG_COMMANDS: Command[] = [importFlagsCommand, flagsCommand, unmatchedCommand, matchCommand];
