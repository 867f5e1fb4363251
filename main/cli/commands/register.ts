/** homes, residents: the register as tables or JSON. */
import { ageOn, formatUkDate } from '../../../shared/dates';
import { LABELS, RESIDENT_STATUSES } from '../../../shared/domain/enums';
import { formatNhsNumber } from '../../../shared/rules/nhsNumber';
import type { AppContext } from '../../services/context';
import { cliHint, call, CliError, printJson, stringOption, withContext, type Command, type Values } from '../common';
import { formatTable } from '../table';

/** Finds a home by name or id for --home; a miss is a user error that says how to list them. */
export async function homeOption(ctx: AppContext, nameOrId: string | undefined, values?: Values): Promise<number | undefined> {
  if (nameOrId === undefined) return undefined;
  // a name longer than the front door takes cannot be a home's: the same answer as any other miss
  const home = nameOrId.length <= 1000 ? await call(ctx, 'homes:find', { nameOrId }) : null;
  if (!home) throw new CliError(`No care home is called or numbered “${nameOrId}”. See: ${cliHint(values, 'homes')}`);
  return home.id;
}

export const homesCommand: Command = {
  name: 'homes',
  usage: ['homes                             list the care homes'],
  options: {},
  run: (values, _positionals, io) => withContext(values, io, async (ctx) => {
    const list = await call(ctx, 'homes:list', {});
    if (values.json) return printJson(io, list);
    if (list.length === 0) return io.out(`No care homes are registered yet. Add one in the app, or try the demo: ${cliHint(values, 'demo')}`);
    io.out(formatTable(['Id', 'Care home', 'Type', 'Residents', 'Round', 'Capacity'], list.map((h) => [
      h.id, h.name, LABELS.homeType[h.type], h.activeResidents,
      h.roundDay ? `${h.roundDay[0]?.toUpperCase()}${h.roundDay.slice(1)} ${h.roundStartTime ?? ''}`.trim() : 'not set',
      h.roundCapacityMinutes ? `${h.roundCapacityMinutes} min` : 'not set',
    ])));
  }),
};

const STATUSES = [...RESIDENT_STATUSES, 'all'] as const;

export const residentsCommand: Command = {
  name: 'residents',
  usage: [
    'residents [--home NAME|ID] [--status active|left|died|all] [--search TEXT]',
    '                                  list residents',
  ],
  options: { home: { type: 'string' }, status: { type: 'string' }, search: { type: 'string' } },
  run: async (values, _positionals, io) => {
    const status = stringOption(values, 'status') ?? 'active';
    if (!(STATUSES as readonly string[]).includes(status)) throw new CliError(`--status takes one of ${STATUSES.join(', ')}`);
    await withContext(values, io, async (ctx) => {
      const homeId = await homeOption(ctx, stringOption(values, 'home'), values);
      const search = stringOption(values, 'search');
      const list = await call(ctx, 'residents:search', {
        ...(search ? { query: search } : {}), ...(homeId ? { homeId } : {}), status: status as (typeof STATUSES)[number],
      });
      if (values.json) return printJson(io, list);
      if (list.length === 0) return io.out('No residents match.');
      const today = ctx.today();
      io.out(formatTable(['Id', 'Name', 'NHS number', 'Born', 'Age', 'Care home', 'Room', 'Status'], list.map((r) => [
        r.id, `${r.familyName.toUpperCase()}, ${r.givenName}${r.preferredName ? ` (${r.preferredName})` : ''}`, formatNhsNumber(r.nhsNumber),
        formatUkDate(r.dateOfBirth), ageOn(r.dateOfBirth, today), r.homeName, r.room, LABELS.residentStatus[r.status],
      ])));
      io.out(`\n${list.length} resident${list.length === 1 ? '' : 's'}`);
    });
  },
};
