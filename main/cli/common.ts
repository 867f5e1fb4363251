/** What every CLI command shares: errors with exit codes, the database, the date, IPC calls. */
import type { ParseArgsConfig } from 'node:util';
import { isIsoDate } from '../../shared/dates';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc';
import { AppError } from '../../shared/errors';
import { createContext, type AppContext } from '../services/context';
import { openStore } from '../store';
import { resolveDatabasePath } from '../paths';

/** Exit codes: 0 success; 1 usage or user error; 2 input rejected. */
export const EXIT = { ok: 0, userError: 1, inputRejected: 2 } as const;

export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number = EXIT.userError) {
    super(message);
    this.exitCode = exitCode;
  }
}

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The command being run (set by runCli), shown to others who find the database open. */
  command?: string;
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Options every command takes. */
export const COMMON_OPTIONS = {
  db: { type: 'string' },
  today: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const satisfies OptionSpec;

export type Values = Record<string, string | boolean | undefined>;

export interface Command {
  name: string;
  /** One line per usage form, shown in the help. */
  usage: string[];
  options: OptionSpec;
  run(values: Values, positionals: string[], io: CliIo): Promise<number | void>;
}

export function stringOption(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export function todayOption(values: Values): string | undefined {
  const today = stringOption(values, 'today');
  if (today === undefined) return undefined;
  if (!isIsoDate(today)) throw new CliError(`--today takes a date as YYYY-MM-DD, not “${today}”`);
  return today;
}

/**
 * The database the options name (--db, else ROUNDTABLE_DB, else the desktop app's file): an absolute file
 * path, or a postgres:// URL as given; any other URL is refused.
 */
export function databaseFile(values: Values, io: CliIo): string {
  return resolveDatabasePath(stringOption(values, 'db'), io.env, io.cwd);
}

/**
 * A follow-up command to print for a person to run next, carrying the --db this command was given, so
 * running it as printed reaches the same database (and never creates one elsewhere).
 */
export function cliHint(values: Values | undefined, command: string): string {
  const db = values === undefined ? undefined : stringOption(values, 'db');
  return `npm run cli -- ${command}${db === undefined ? '' : ` --db ${shellWord(db)}`}`;
}

/** A word as a shell needs it: quoted when it holds anything but safe characters. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export interface ContextOptions {
  /** Create the database when the file does not exist (commands that write a practice's data in). Others refuse a missing file. */
  create?: boolean;
}

/** Opens the database the options name, runs fn with a context, and closes it. */
export async function withContext<T>(values: Values, io: CliIo, fn: (ctx: AppContext) => Promise<T>, options: ContextOptions = {}): Promise<T> {
  const file = databaseFile(values, io);
  const today = todayOption(values);
  const ctx = createContext(await openStore(file, { mustExist: options.create !== true, program: io.command ? `the command line (${io.command})` : 'the command line' }), today === undefined ? {} : { today });
  try {
    return await fn(ctx);
  } finally {
    await ctx.store.close(); // a restore swaps ctx.store for the restored database
  }
}

/** Calls a channel through the app's front door (ctx.call: the same validation as IPC); a refusal becomes a CliError. */
export async function call<C extends Channel>(ctx: AppContext, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  try {
    return await ctx.call(channel, input);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const details = error.details?.map((d) => `  ${d.field ? `${d.field}: ` : ''}${d.message}`).join('\n');
    throw new CliError([error.message, details].filter(Boolean).join('\n'), error.code === 'IMPORT_REJECTED' ? EXIT.inputRejected : EXIT.userError);
  }
}

export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}
