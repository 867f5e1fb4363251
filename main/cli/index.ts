/**
 * Roundtable's command line: the same services as the desktop app, without a window.
 *   npm run cli -- <command> [options]
 * Exit codes: 0 success; 1 usage or user error (message on stderr); 2 input rejected.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { ageOn, formatUkDate, isIsoDate, todayInLondon } from '../../shared/dates';
import { formatNhsNumber } from '../../shared/rules/nhsNumber';
import { LABELS } from '../../shared/domain/enums';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc';
import { dispatch } from '../handlers';
import { createContext, osActor, type AppContext } from '../services/context';
import { createDemoDatabase } from '../services/demo';
import { openStore } from '../store';
import { resolveDatabasePath } from '../paths';
import { formatTable } from './table';

export const USAGE = `Roundtable command line

Usage: npm run cli -- <command> [options]

Commands:
  demo [--db FILE] [--out DIR]      create a synthetic demo practice (3 homes, about 60 residents)
  homes                             list the care homes
  residents [--home NAME|ID] [--status active|left|died|all] [--search TEXT]
                                    list residents

Options for every command:
  --db FILE          the database (default: ROUNDTABLE_DB, else the desktop app's own file)
  --today YYYY-MM-DD fix today's date, for reproducible output
  --json             print JSON instead of a table
  --help             show this help

Exit codes: 0 success; 1 usage or user error; 2 input rejected.`;

export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const OPTIONS = {
  db: { type: 'string' },
  out: { type: 'string' },
  home: { type: 'string' },
  status: { type: 'string' },
  search: { type: 'string' },
  today: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

type Options = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

async function call<C extends Channel>(ctx: AppContext, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await dispatch(ctx, channel, input);
  if (!result.ok) {
    const details = result.error.details?.map((d) => `  ${d.field ? `${d.field}: ` : ''}${d.message}`).join('\n');
    throw new CliError([result.error.message, details].filter(Boolean).join('\n'), result.error.code === 'IMPORT_REJECTED' ? 2 : 1);
  }
  return result.value as ChannelOutput<C>;
}

function todayOption(options: Options): string | undefined {
  if (options.today === undefined) return undefined;
  if (!isIsoDate(options.today)) throw new CliError(`--today takes a date as YYYY-MM-DD, not “${options.today}”`);
  return options.today;
}

async function withContext<T>(options: Options, io: CliIo, fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const file = resolveDatabasePath(options.db === undefined ? undefined : path.resolve(io.cwd, options.db), io.env);
  const today = todayOption(options);
  const store = await openStore(file);
  try {
    return await fn(createContext(store, today === undefined ? {} : { today }));
  } finally {
    store.close();
  }
}

async function demo(options: Options, io: CliIo): Promise<void> {
  const outDir = path.resolve(io.cwd, options.out ?? 'out');
  const file = options.db ? path.resolve(io.cwd, options.db) : path.join(outDir, 'demo.sqlite');
  const today = todayOption(options) ?? todayInLondon();
  const { store, summary } = await createDemoDatabase(file, today, osActor());
  store.close();
  if (options.json) {
    io.out(JSON.stringify({ ...summary, outDir }, null, 2));
    return;
  }
  io.out([
    `Created the demo practice “${summary.practice}” (synthetic data only)${summary.replacedEarlierDemo ? ', replacing the earlier demo' : ''}.`,
    '',
    formatTable(['Care home', 'Residents'], summary.homes.map((h) => [h.name, h.residents])),
    '',
    `${summary.residents} residents, ${summary.representatives} representatives, ${summary.records.activeMedications} current medicines ` +
      `(${summary.records.medications} in all), ${summary.records.conditions} conditions, ${summary.records.events} clinical events, ` +
      `${summary.records.flags} care-home flags, ${summary.records.carePlans} care-plan entries, ${summary.records.reviews} past reviews.`,
    '',
    `Database: ${summary.databasePath}`,
    `Output folder: ${outDir}`,
    `Look at it: npm run cli -- residents --db ${path.relative(io.cwd, summary.databasePath) || summary.databasePath}`,
  ].join('\n'));
}

async function homes(options: Options, io: CliIo): Promise<void> {
  await withContext(options, io, async (ctx) => {
    const list = await call(ctx, 'homes:list', {});
    if (options.json) return io.out(JSON.stringify(list, null, 2));
    if (list.length === 0) return io.out('No care homes are registered yet. Add one in the app, or run: npm run cli -- demo');
    io.out(formatTable(['Id', 'Care home', 'Type', 'Residents', 'Round', 'Capacity'], list.map((h) => [
      h.id, h.name, LABELS.homeType[h.type], h.activeResidents,
      h.roundDay ? `${h.roundDay[0]?.toUpperCase()}${h.roundDay.slice(1)} ${h.roundStartTime ?? ''}`.trim() : 'not set',
      h.roundCapacityMinutes ? `${h.roundCapacityMinutes} min` : 'not set',
    ])));
  });
}

async function residents(options: Options, io: CliIo): Promise<void> {
  const statuses = ['active', 'left', 'died', 'all'] as const;
  const status = options.status ?? 'active';
  if (!(statuses as readonly string[]).includes(status)) throw new CliError(`--status takes one of ${statuses.join(', ')}`);
  await withContext(options, io, async (ctx) => {
    let homeId: number | undefined;
    if (options.home !== undefined) {
      const home = await ctx.store.homes.find(options.home);
      if (!home) throw new CliError(`No care home is called or numbered “${options.home}”. See: npm run cli -- homes`);
      homeId = home.id;
    }
    const list = await call(ctx, 'residents:search', {
      ...(options.search ? { query: options.search } : {}), ...(homeId ? { homeId } : {}), status: status as (typeof statuses)[number],
    });
    if (options.json) return io.out(JSON.stringify(list, null, 2));
    if (list.length === 0) return io.out('No residents match.');
    const today = ctx.today();
    io.out(formatTable(['Id', 'Name', 'NHS number', 'Born', 'Age', 'Care home', 'Room', 'Status'], list.map((r) => [
      r.id, `${r.familyName.toUpperCase()}, ${r.givenName}${r.preferredName ? ` (${r.preferredName})` : ''}`, formatNhsNumber(r.nhsNumber),
      formatUkDate(r.dateOfBirth), ageOn(r.dateOfBirth, today), r.homeName, r.room, LABELS.residentStatus[r.status],
    ])));
    io.out(`\n${list.length} resident${list.length === 1 ? '' : 's'}`);
  });
}

const COMMANDS: Record<string, (options: Options, io: CliIo, positionals: string[]) => Promise<void>> = { demo, homes, residents };

/** Runs one command; returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 1;
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help || command === undefined || command === 'help') {
    (command === undefined && !parsed.values.help ? io.err : io.out)(USAGE);
    return command === undefined && !parsed.values.help ? 1 : 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.err(`Unknown command “${command}”.\n\n${USAGE}`);
    return 1;
  }
  try {
    await run(parsed.values, io, rest);
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      io.err(error.message);
      return error.exitCode;
    }
    if (error instanceof AppError) {
      io.err(error.message);
      return error.code === 'IMPORT_REJECTED' ? 2 : 1;
    }
    io.err(`Roundtable failed: ${(error as Error).message}`);
    return 1;
  }
}

const isMain = process.argv[1] !== undefined && /main[\\/]cli[\\/]index\.ts$/.test(process.argv[1]);
if (isMain) {
  const code = await runCli(process.argv.slice(2), {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
    env: process.env,
    cwd: process.env.INIT_CWD ?? process.cwd(),
  });
  process.exitCode = code;
}
