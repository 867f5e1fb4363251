/** plan, agenda, rounds: the weekly round from the command line. */
import path from 'node:path';
import { formatUkDate, isIsoDate } from '../../../shared/dates';
import { ROUND_LABELS } from '../../../shared/domain/round';
import { formatNhsNumber } from '../../../shared/rules/nhsNumber';
import { ruleLabel } from '../../../shared/rules/ruleLabels';
import { writeRoundFiles } from '../../services/print';
import { call, CliError, printJson, stringOption, withContext, type Command } from '../common';
import { formatTable } from '../table';
import { homeOption } from './register';
import { runAgendaWeek } from './week';

function positiveInt(values: Record<string, unknown>, name: string): number | undefined {
  const raw = values[name];
  if (typeof raw !== 'string') return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) <= 0) throw new CliError(`--${name} takes a whole number, not “${raw}”`);
  return Number(raw);
}

export const planCommand: Command = {
  name: 'plan',
  usage: [
    'plan --home NAME|ID --date YYYY-MM-DD [--capacity N] [--start HH:MM] [--clinician NAME]...',
    '                                  plan a round: saves the proposal and prints it',
  ],
  options: { home: { type: 'string' }, date: { type: 'string' }, capacity: { type: 'string' }, start: { type: 'string' }, clinician: { type: 'string', multiple: true } },
  run: (values, _positionals, io) => withContext(values, io, async (ctx) => {
    const date = stringOption(values, 'date');
    if (!date || !isIsoDate(date)) throw new CliError('--date takes the round’s date as YYYY-MM-DD, for example --date 2026-12-01');
    const homeName = stringOption(values, 'home');
    if (!homeName) throw new CliError('--home names the care home (its name or id). See: npm run cli -- homes');
    const homeId = await homeOption(ctx, homeName);
    const capacity = positiveInt(values, 'capacity');
    const start = stringOption(values, 'start');
    const clinicians = (values as Record<string, unknown>).clinician;
    const { round, proposal } = await call(ctx, 'rounds:create', {
      homeId: homeId ?? 0, date, ...(capacity ? { capacityMinutes: capacity } : {}), ...(start ? { startTime: start } : {}),
      clinicians: Array.isArray(clinicians) ? clinicians.map(String) : [],
    });
    const nhs = new Map(proposal.items.map((i) => [i.residentId, i.nhsNumber]));
    if (values.json) {
      return printJson(io, {
        roundId: round.id, home: round.homeName, date: round.date, capacityMinutes: round.capacityMinutes,
        items: round.items.map((item) => ({
          residentId: item.residentId, nhsNumber: nhs.get(item.residentId) ?? '', name: proposal.items.find((p) => p.residentId === item.residentId)?.name ?? '',
          minutes: item.minutes, start: item.start, reasons: item.reasons.map((r) => ({ rule: r.rule, explanation: r.explanation })),
          invite: item.attendees.representatives.filter((r) => r.proposed).map((r) => ({ name: r.name, relationship: r.relationship, how: r.how })),
        })),
        notThisWeek: proposal.notThisWeek.map((n) => ({ residentId: n.residentId, name: n.name, why: n.why })),
      });
    }
    const lines = [
      `Round ${round.id}: ${round.homeName}, ${formatUkDate(round.date)} from ${round.startTime}, ${proposal.usedMinutes} of ${round.capacityMinutes} minutes planned.`,
    ];
    for (const e of proposal.escalations) lines.push(`ACT TODAY — ${e.name}: ${e.explanation}`);
    lines.push('', proposal.items.length === 0 ? 'Nobody is due this week.' : formatTable(['Time', 'Min', 'Resident', 'NHS number', 'Why', 'Invite'], proposal.items.map((i) => {
      const saved = round.items.find((x) => x.residentId === i.residentId);
      return [i.start, i.minutes, i.name, formatNhsNumber(i.nhsNumber), [...new Set(i.reasons.map((r) => ruleLabel(r.rule)))].join('; '),
        saved?.attendees.representatives.filter((r) => r.proposed).map((r) => `${r.name} (${r.relationship}, ${ROUND_LABELS.inviteMethod[r.how].toLowerCase()})`).join('; ') ?? ''];
    })));
    for (const i of proposal.items) {
      lines.push('', `${i.start} ${i.name}`);
      for (const r of i.reasons) lines.push(`  - ${ruleLabel(r.rule)}: ${r.explanation}`);
    }
    if (proposal.notThisWeek.length > 0) {
      lines.push('', 'Not this week:');
      for (const n of proposal.notThisWeek) lines.push(`  - ${n.name}: ${n.why}`);
    }
    lines.push('', `Invite the relatives proposed: npm run cli -- invite --round ${round.id} --all-proposed`,
      `Print it: npm run cli -- agenda --round ${round.id} --out agenda.pdf --letters letters`);
    io.out(lines.join('\n'));
  }),
};

export const agendaCommand: Command = {
  name: 'agenda',
  usage: [
    'agenda --round ID --out FILE.pdf|FILE.html [--letters DIR]',
    '                                  print a round’s agenda (PDF where Chromium is found, HTML always) and letters',
    'agenda --week [--from YYYY-MM-DD] --out DIR',
    '                                  print the week: every agenda and letter of the rounds planned for 7 days, one PDF per home',
  ],
  options: { round: { type: 'string' }, out: { type: 'string' }, letters: { type: 'string' }, week: { type: 'boolean', default: false }, from: { type: 'string' } },
  run: (values, _positionals, io) => (values.week ? runAgendaWeek(values, io) : withContext(values, io, async (ctx) => {
    const roundId = positiveInt(values, 'round');
    if (!roundId) throw new CliError('--round takes the round’s number (shown by: npm run cli -- rounds)');
    const out = stringOption(values, 'out');
    if (!out || !/\.(pdf|html?)$/i.test(out)) throw new CliError('--out takes a file ending .pdf or .html, for example --out agenda.pdf');
    const letters = stringOption(values, 'letters');
    await call(ctx, 'rounds:get', { id: roundId });
    const files = await writeRoundFiles(ctx, roundId, path.resolve(io.cwd, out), { lettersDir: letters ? path.resolve(io.cwd, letters) : undefined, env: io.env });
    if (values.json) return printJson(io, files);
    const lines = [`Agenda: ${files.agenda.pdf ?? files.agenda.html}${files.agenda.pdf ? ` (and ${files.agenda.html})` : ''}`];
    for (const l of files.letters) lines.push(`Letter to ${l.to}: ${l.pdf ?? l.html}`);
    if (letters && files.letters.length === 0) lines.push(`No letters: nobody has been invited yet. Invite the relatives the planner proposes: npm run cli -- invite --round ${roundId} --all-proposed`);
    if (files.summary) lines.push(`Summary for the care home: ${files.summary.pdf ?? files.summary.html}`);
    io.out(lines.join('\n'));
    if (files.pdfProblem) io.err(files.pdfProblem);
  })),
};

export const roundsCommand: Command = {
  name: 'rounds',
  usage: ['rounds [--home NAME|ID]           list planned and past rounds'],
  options: { home: { type: 'string' } },
  run: (values, _positionals, io) => withContext(values, io, async (ctx) => {
    const homeId = await homeOption(ctx, stringOption(values, 'home'));
    const list = await call(ctx, 'rounds:list', homeId ? { homeId } : {});
    if (values.json) return printJson(io, list);
    if (list.length === 0) return io.out('No rounds yet. Plan one: npm run cli -- plan --home NAME --date YYYY-MM-DD');
    io.out(formatTable(['Id', 'Date', 'Care home', 'Start', 'Residents', 'Minutes', 'Status'], list.map((r) => [
      r.id, formatUkDate(r.date), r.homeName, r.startTime, r.items, `${r.usedMinutes}/${r.capacityMinutes}`, ROUND_LABELS.status[r.status],
    ])));
  }),
};
