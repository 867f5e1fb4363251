/** plan, agenda, rounds: the weekly round from the command line. */
import path from 'node:path';
import { formatUkDate, isIsoDate } from '../../../shared/dates';
import { ROUND_LABELS } from '../../../shared/domain/round';
import { formatNhsNumber } from '../../../shared/rules/nhsNumber';
import type { ChannelOutput } from '../../../shared/ipc';
import type { SessionItem } from '../../../shared/rules/planning';
import { ruleLabel } from '../../../shared/rules/ruleLabels';
import { cliHint, call, CliError, printJson, stringOption, withContext, type CliIo, type Command, type Values } from '../common';
import type { AppContext } from '../../services/context';
import { formatTable } from '../table';
import { homeOption } from './register';
import { runAgendaWeek } from './week';

function positiveInt(values: Record<string, unknown>, name: string): number | undefined {
  const raw = values[name];
  if (typeof raw !== 'string') return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) <= 0) throw new CliError(`--${name} takes a whole number, not “${raw}”`);
  return Number(raw);
}

type Planned = ChannelOutput<'rounds:create'>;

/** One plan in the `plan --json` shape (`plan --week --json` prints an array of these). */
function planJson({ round, proposal }: Planned) {
  const byResident = new Map(proposal.items.map((i) => [i.residentId, i]));
  return {
    roundId: round.id, home: round.homeName, date: round.date, capacityMinutes: round.capacityMinutes, usedMinutes: proposal.usedMinutes,
    overByMinutes: proposal.overByMinutes,
    items: round.items.map((item) => ({
      residentId: item.residentId, nhsNumber: byResident.get(item.residentId)?.nhsNumber ?? '', name: byResident.get(item.residentId)?.name ?? '',
      minutes: item.minutes, start: item.start, mustSee: byResident.get(item.residentId)?.mustSee ?? null,
      reasons: item.reasons.map((r) => ({ rule: r.rule, explanation: r.explanation })),
      invite: item.attendees.representatives.filter((r) => r.proposed).map((r) => ({ name: r.name, relationship: r.relationship, how: r.how })),
    })),
    notThisWeek: proposal.notThisWeek.map((n) => ({ residentId: n.residentId, name: n.name, why: n.why, nextInLine: n.nextInLine, comesUp: n.comesUp ?? null })),
    deferred: proposal.deferred,
    tasks: proposal.tasks.map(sessionJson),
    pharmacist: { minutes: proposal.pharmacist.minutes, items: proposal.pharmacist.items.map(sessionJson) },
    carePlanning: proposal.carePlanning.map(sessionJson),
  };
}

function sessionJson(item: SessionItem) {
  return { residentId: item.residentId, nhsNumber: item.nhsNumber, name: item.name, minutes: item.minutes, fits: item.fits,
    reasons: item.reasons.map((r) => ({ rule: r.rule, label: ruleLabel(r.rule), explanation: r.explanation })) };
}

function planText({ round, proposal }: Planned, values: Values): string {
  const lines = [
    `Round ${round.id}: ${round.homeName}, ${formatUkDate(round.date)} from ${round.startTime}, ${proposal.usedMinutes} of ${round.capacityMinutes} minutes planned`
      + ` (a ${proposal.huddleMinutes}-minute huddle first).`,
  ];
  if (proposal.overByMinutes > 0) {
    lines.push(`OVER BY ${proposal.overByMinutes} MINUTES — the residents who must be seen this week need more than the round’s ${round.capacityMinutes} minutes: `
      + 'none of them is put off; add time or a second clinician.');
  }
  for (const e of proposal.escalations) lines.push(`ACT TODAY — ${e.name}: ${e.explanation}`);
  for (const r of round.plan.toResolve ?? []) lines.push(`TO RESOLVE FIRST — ${r.name}: ${r.explanation} (flag ${r.flagId})`);
  lines.push('', proposal.items.length === 0 ? 'Nobody is due this week.' : formatTable(['Time', 'Min', 'Resident', 'NHS number', 'Why', 'Invite'], proposal.items.map((i) => {
    const saved = round.items.find((x) => x.residentId === i.residentId);
    return [i.start, i.minutes, `${i.mustSee ? '[must see] ' : ''}${i.name}`, formatNhsNumber(i.nhsNumber), [...new Set(i.reasons.map((r) => ruleLabel(r.rule)))].join(', '),
      saved?.attendees.representatives.filter((r) => r.proposed).map((r) => `${r.name} (${r.relationship}, ${ROUND_LABELS.inviteMethod[r.how].toLowerCase()})`).join('; ') ?? ''];
  })));
  for (const i of proposal.items) {
    lines.push('', `${i.start} ${i.name}${i.mustSee ? ` — must see: ${i.mustSee}` : ''}${i.waitingSince ? ` — first in line: waited since ${formatUkDate(i.waitingSince)}` : ''}`);
    for (const r of i.reasons) lines.push(`  - ${ruleLabel(r.rule)}: ${r.explanation}`);
  }
  if (proposal.notThisWeek.length > 0) {
    lines.push('', 'Not this week:', `  ${proposal.deferred.text}`);
    for (const n of proposal.notThisWeek) lines.push(`  - ${n.name}: ${n.why}`);
  }
  for (const [title, list] of [['Task list (practice nurse or phlebotomy visit)', proposal.tasks], ['Pharmacist’s session', proposal.pharmacist.items],
    ['Care-planning conversations to book', proposal.carePlanning]] as const) {
    if (list.length > 0) lines.push('', `${title}: ${list.map((t) => t.name).join('; ')}`);
  }
  lines.push('', `Invite the relatives proposed: ${cliHint(values, `invite --round ${round.id} --all-proposed`)}`,
    `Print it: ${cliHint(values, `agenda --round ${round.id} --out agenda.pdf --letters letters`)}`);
  return lines.join('\n');
}

const SESSIONS = ['pharmacist', 'care-planning', 'tasks'] as const;
type SessionName = (typeof SESSIONS)[number];

function sessionText(sessions: ChannelOutput<'rounds:sessions'>, which: SessionName): string {
  const list = which === 'tasks' ? sessions.tasks : which === 'pharmacist' ? sessions.pharmacist.items : sessions.carePlanning;
  const title = which === 'tasks' ? `Task list for the practice nurse or phlebotomy visit: ${sessions.home}, week of ${formatUkDate(sessions.date)}`
    : which === 'pharmacist' ? `Pharmacist’s session: ${sessions.home}, week of ${formatUkDate(sessions.date)} (${sessions.pharmacist.usedMinutes} of ${sessions.pharmacist.minutes} minutes)`
      : `Care-planning conversations to book (30–45 minutes each, with the resident and family): ${sessions.home}`;
  if (which === 'pharmacist' && sessions.pharmacist.minutes === 0) {
    return `${sessions.home} has no pharmacist session (set pharmacist minutes on the home’s page): structured medication reviews come on the GP round.`;
  }
  if (list.length === 0) return `${title}\n\nNobody this week.`;
  const lines = [title, ''];
  for (const item of list) {
    lines.push(`${item.name} (${formatNhsNumber(item.nhsNumber)})${which === 'pharmacist' ? `, ${item.minutes} minutes${item.fits ? '' : ' — next session: no time left this week'}` : ''}`);
    for (const r of item.reasons) lines.push(`  - ${ruleLabel(r.rule)}: ${r.explanation}`);
  }
  return lines.join('\n');
}

export const planCommand: Command = {
  name: 'plan',
  usage: [
    'plan --home NAME|ID --date YYYY-MM-DD [--capacity N] [--start HH:MM] [--clinician NAME]...',
    '                                  plan a round: saves the proposal and prints it',
    'plan --week [--from YYYY-MM-DD]   plan next week: a round for every home on its usual day in the 7 days from --from (default tomorrow)',
    'plan --session pharmacist|care-planning|tasks --home NAME|ID [--date YYYY-MM-DD] [--out FILE.pdf|FILE.html]',
    '                                  a home’s list beside the round (worked out, not saved); --out prints it on A4',
    '                                  (care planning: with a letter to each representative to arrange the conversation)',
  ],
  options: { home: { type: 'string' }, date: { type: 'string' }, capacity: { type: 'string' }, start: { type: 'string' }, clinician: { type: 'string', multiple: true },
    week: { type: 'boolean' }, from: { type: 'string' }, session: { type: 'string' }, out: { type: 'string' } },
  run: (values, _positionals, io) => withContext(values, io, async (ctx) => {
    if (values.week) {
      const from = stringOption(values, 'from');
      if (from !== undefined && !isIsoDate(from)) throw new CliError('--from takes the first day of the week as YYYY-MM-DD, for example --from 2026-12-01');
      const week = await call(ctx, 'rounds:plan-week', from ? { from } : {});
      for (const s of week.skipped) io.err(`Skipped: ${s.why}`);
      if (values.json) return printJson(io, week.planned.map(planJson));
      io.out([`Planned ${week.planned.length} round${week.planned.length === 1 ? '' : 's'} for ${formatUkDate(week.from)} to ${formatUkDate(week.to)}.`,
        ...week.planned.map((p) => `\n${planText(p, values)}`)].join('\n'));
      return;
    }
    const session = stringOption(values, 'session');
    if (session !== undefined) {
      if (!(SESSIONS as readonly string[]).includes(session)) throw new CliError(`--session takes ${SESSIONS.join(', ')}, not “${session}”`);
      return printSession(ctx, values, io, session as SessionName);
    }
    const date = stringOption(values, 'date');
    if (!date || !isIsoDate(date)) throw new CliError('--date takes the round’s date as YYYY-MM-DD, for example --date 2026-12-01 (or plan the whole week: --week)');
    const homeName = stringOption(values, 'home');
    if (!homeName) throw new CliError(`--home names the care home (its name or id). See: ${cliHint(values, 'homes')}`);
    const homeId = await homeOption(ctx, homeName, values);
    const capacity = positiveInt(values, 'capacity');
    const start = stringOption(values, 'start');
    const clinicians = (values as Record<string, unknown>).clinician;
    const planned = await call(ctx, 'rounds:create', {
      homeId: homeId ?? 0, date, ...(capacity ? { capacityMinutes: capacity } : {}), ...(start ? { startTime: start } : {}),
      clinicians: Array.isArray(clinicians) ? clinicians.map(String) : [],
    });
    if (values.json) return printJson(io, planJson(planned));
    io.out(planText(planned, values));
  }),
};

async function printSession(ctx: AppContext, values: Values, io: CliIo, which: SessionName) {
  const homeName = stringOption(values, 'home');
  if (!homeName) throw new CliError(`--home names the care home (its name or id). See: ${cliHint(values, 'homes')}`);
  const date = stringOption(values, 'date');
  if (date !== undefined && !isIsoDate(date)) throw new CliError('--date takes a date as YYYY-MM-DD');
  const out = stringOption(values, 'out');
  if (out !== undefined && !/\.(pdf|html?)$/i.test(out)) throw new CliError('--out takes a file ending .pdf or .html, for example --out tasks.pdf');
  const homeId = (await homeOption(ctx, homeName, values)) ?? 0;
  const sessions = await call(ctx, 'rounds:sessions', { homeId, ...(date ? { date } : {}) });
  if (out !== undefined) {
    const { sessionDocument, writeSessionFiles } = await import('../../services/print'); // React and Chromium only for printing
    const doc = await sessionDocument(ctx, { session: which, homeId, date: sessions.date });
    const files = await writeSessionFiles(ctx, doc, path.resolve(io.cwd, out), io.env);
    if (values.json) return printJson(io, { ...files, session: which, residents: doc.entries.length, letters: doc.letters.length });
    io.out([`${doc.title}: ${files.pdf ?? files.html}${files.pdf ? ` (and ${files.html})` : ''}, ${doc.entries.length} resident${doc.entries.length === 1 ? '' : 's'}`
      + `${which === 'care-planning' ? `, ${doc.letters.length} letter${doc.letters.length === 1 ? '' : 's'} to arrange the conversation` : ''}.`].join('\n'));
    if (files.pdfProblem) io.err(files.pdfProblem);
    return;
  }
  if (values.json) {
    const list = which === 'tasks' ? sessions.tasks : which === 'pharmacist' ? sessions.pharmacist.items : sessions.carePlanning;
    return printJson(io, { home: sessions.home, date: sessions.date, session: which, ...(which === 'pharmacist' ? { minutes: sessions.pharmacist.minutes } : {}),
      items: list.map(sessionJson) });
  }
  io.out(sessionText(sessions, which));
}

export const tasksCommand: Command = {
  name: 'tasks',
  usage: ['tasks --home NAME|ID [--date YYYY-MM-DD] [--out FILE.pdf|FILE.html]   bloods and monitoring due: the practice nurse’s or phlebotomy visit’s list'],
  options: { home: { type: 'string' }, date: { type: 'string' }, out: { type: 'string' } },
  run: (values, _positionals, io) => withContext(values, io, (ctx) => printSession(ctx, values, io, 'tasks')),
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
    if (!roundId) throw new CliError(`--round takes the round’s number (shown by: ${cliHint(values, 'rounds')})`);
    const out = stringOption(values, 'out');
    if (!out || !/\.(pdf|html?)$/i.test(out)) throw new CliError('--out takes a file ending .pdf or .html, for example --out agenda.pdf');
    const letters = stringOption(values, 'letters');
    await call(ctx, 'rounds:get', { id: roundId });
    const { writeRoundFiles } = await import('../../services/print'); // React and Chromium only for printing
    const files = await writeRoundFiles(ctx, roundId, path.resolve(io.cwd, out), { lettersDir: letters ? path.resolve(io.cwd, letters) : undefined, env: io.env });
    if (values.json) return printJson(io, files);
    const lines = [`Agenda: ${files.agenda.pdf ?? files.agenda.html}${files.agenda.pdf ? ` (and ${files.agenda.html})` : ''}`];
    for (const l of files.letters) lines.push(`Letter to ${l.to}: ${l.pdf ?? l.html}`);
    if (letters && files.letters.length === 0) lines.push(`No letters: nobody has been invited yet. Invite the relatives the planner proposes: ${cliHint(values, `invite --round ${roundId} --all-proposed`)}`);
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
    const homeId = await homeOption(ctx, stringOption(values, 'home'), values);
    const list = await call(ctx, 'rounds:list', homeId ? { homeId } : {});
    if (values.json) return printJson(io, list);
    if (list.length === 0) return io.out(`No rounds yet. Plan one: ${cliHint(values, 'plan --home NAME --date YYYY-MM-DD')}`);
    io.out(formatTable(['Id', 'Date', 'Care home', 'Start', 'Residents', 'Minutes', 'Status'], list.map((r) => [
      r.id, formatUkDate(r.date), r.homeName, r.startTime, r.items, `${r.usedMinutes}/${r.capacityMinutes}`, ROUND_LABELS.status[r.status],
    ])));
  }),
};
