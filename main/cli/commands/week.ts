/** practice, invite, flags sheet, agenda --week: the practice's week from the command line (issue 15). */
import path from 'node:path';
import { formatUkDate, isIsoDate } from '../../../shared/dates';
import { INVITE_METHODS, ROUND_LABELS, type InviteMethod } from '../../../shared/domain/round';
import { writeFlagSheet } from '../../services/flagSheet';
import { printWeek } from '../../services/print';
import { call, cliHint, CliError, printJson, shellWord, stringOption, withContext, type Command } from '../common';
import { homeOption } from './register';

export const practiceCommand: Command = {
  name: 'practice',
  usage: [
    'practice [--name N] [--address A] [--phone P] [--email E] [--sender S]',
    '                                  the practice’s details for letters: changes those given, prints them all',
  ],
  options: { name: { type: 'string' }, address: { type: 'string' }, phone: { type: 'string' }, email: { type: 'string' }, sender: { type: 'string' } },
  run: (values, _positionals, io) => withContext(values, io, async (ctx) => {
    const details: Record<string, string> = {};
    for (const key of ['name', 'address', 'phone', 'email', 'sender'] as const) {
      const value = stringOption(values, key);
      if (value !== undefined) details[key] = value;
    }
    const practice = Object.keys(details).length > 0 ? await call(ctx, 'practice:save', { details }) : await call(ctx, 'practice:get', {});
    if (values.json) return printJson(io, practice);
    const show = (v: string | null) => v ?? 'not set';
    io.out([
      `Practice: ${practice.name}`,
      `Address:  ${show(practice.address)}`,
      `Phone:    ${show(practice.phone)}`,
      `Email:    ${show(practice.email)}`,
      `Sender:   ${show(practice.sender)}`,
    ].join('\n'));
  }),
};

export const inviteCommand: Command = {
  name: 'invite',
  usage: [
    'invite --round ID (--all-proposed | --representative ID --how phone|video|in-person)',
    '                                  invite the relatives the planner proposes (never one who prefers not to join), or one relative',
  ],
  options: { round: { type: 'string' }, 'all-proposed': { type: 'boolean', default: false }, representative: { type: 'string' }, how: { type: 'string' } },
  run: (values, _positionals, io) => withContext(values, io, async (ctx) => {
    const round = Number(stringOption(values, 'round'));
    if (!Number.isInteger(round) || round <= 0) throw new CliError(`--round takes the round’s number (shown by: ${cliHint(values, 'rounds')})`);
    const rep = stringOption(values, 'representative');
    const how = stringOption(values, 'how');
    let result;
    if (values['all-proposed']) {
      if (rep !== undefined) throw new CliError('Give either --all-proposed or --representative ID --how …, not both');
      result = await call(ctx, 'rounds:invite', { roundId: round, allProposed: true });
    } else {
      if (rep === undefined || !/^[1-9]\d*$/.test(rep)) throw new CliError('Say whom to invite: --all-proposed, or --representative ID --how phone|video|in-person');
      if (!how || !INVITE_METHODS.includes(how as InviteMethod)) throw new CliError('--how takes phone, video or in-person');
      result = await call(ctx, 'rounds:invite', { roundId: round, representativeId: Number(rep), how: how as InviteMethod });
    }
    if (values.json) return printJson(io, { roundId: round, invited: result.invited, skipped: result.skipped });
    const lines = [result.invited.length === 0 ? 'Nobody new to invite.' : `Invited ${result.invited.length}:`];
    for (const i of result.invited) lines.push(`  ${i.name} (${i.relationship}), ${ROUND_LABELS.inviteMethod[i.how as InviteMethod].toLowerCase()}`);
    for (const s of result.skipped) lines.push(`  Not invited: ${s.why}.`);
    lines.push(`Letters: ${cliHint(values, `agenda --round ${round} --out agenda.pdf --letters letters`)}`);
    io.out(lines.join('\n'));
  }),
};

export const flagSheetCommand: Command = {
  name: 'flags sheet',
  usage: [
    'flags sheet --home NAME|ID --out FILE.xlsx|FILE.csv|FILE.pdf',
    '                                  this week’s flag sheet for a home, its residents filled in; it comes back with: import flags',
  ],
  options: { home: { type: 'string' }, out: { type: 'string' } },
  run: (values, _positionals, io) => withContext(values, io, async (ctx) => {
    const homeName = stringOption(values, 'home');
    if (!homeName) throw new CliError(`--home names the care home (its name or id). See: ${cliHint(values, 'homes')}`);
    const out = stringOption(values, 'out');
    if (!out || !/\.(xlsx|csv|pdf)$/i.test(out)) throw new CliError('--out takes a file ending .xlsx, .csv or .pdf, for example --out flags.xlsx');
    const homeId = await homeOption(ctx, homeName, values) as number;
    const written = await writeFlagSheet(ctx, { homeId, file: path.resolve(io.cwd, out), env: io.env });
    if (values.json) return printJson(io, written);
    io.out(`Flag sheet for ${written.residents} residents: ${written.path}`);
    if (!/\.pdf$/i.test(out)) io.out(`When it comes back filled in: ${cliHint(values, `import flags ${shellWord(out)} --home ${shellWord(homeName)}`)}`);
  }),
};

/** `agenda --week`: handled by agendaCommand when --week is given. */
export async function runAgendaWeek(values: Record<string, string | boolean | undefined>, io: Parameters<Command['run']>[2]): Promise<void> {
  const from = stringOption(values, 'from');
  if (from !== undefined && !isIsoDate(from)) throw new CliError('--from takes a date as YYYY-MM-DD');
  const out = stringOption(values, 'out');
  if (!out || /\.(pdf|html?)$/i.test(out)) throw new CliError('With --week, --out names a folder: one PDF per home is written into it');
  await withContext(values, io, async (ctx) => {
    const week = await printWeek(ctx, { from, outDir: path.resolve(io.cwd, out), env: io.env });
    if (values.json) return printJson(io, week);
    if (week.homes.length === 0) {
      io.out(`No rounds are planned from ${formatUkDate(week.from)} to ${formatUkDate(week.to)}. Plan them: ${cliHint(values, 'plan --week')}`);
      return;
    }
    io.out([`The week’s rounds, ${formatUkDate(week.from)} to ${formatUkDate(week.to)}:`,
      ...week.homes.map((h) => `  ${h.homeName}: ${h.rounds} round${h.rounds === 1 ? '' : 's'}, ${h.residents} residents, ${h.letters} letter${h.letters === 1 ? '' : 's'}: ${h.path}`)].join('\n'));
    if (week.pdfProblem) io.err(week.pdfProblem);
  });
}
