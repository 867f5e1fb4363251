/**
 * The one table from IPC channel to service call. Electron registers it (main/electron) and the e2e
 * test bridge calls it directly, so both run exactly the same validation and code.
 */
import { AppError, type AppErrorShape, type Result } from '../../shared/errors';
import { contract, isChannel, type Channel, type ChannelInput, type ChannelOutput } from '../../shared/ipc';
import type { AppContext } from '../services/context';
import { carePlanHandlers } from './carePlans';
import { registerHandlers } from './register';
import { importHandlers } from './imports';
import { flagHandlers } from './flags';
import { reviewsHandlers } from './reviews';
import { roundHandlers } from './rounds';
import { backupHandlers, reportHandlers } from './reports';
import { weekHandlers } from './week';
import { connectionHandlers } from './connection';
import type { HandlerMap } from './types';
import { checkInput } from '../services/validate';

export { zodDetails } from '../services/validate';

export type { Handler, HandlerMap } from './types';
export type Handlers = HandlerMap<Channel>;

/** Every domain's handlers; the type makes a missing or misspelt channel a compile error. */
export const handlers: Handlers = {
  ...registerHandlers,
  ...importHandlers,
  ...flagHandlers,
  ...reviewsHandlers,
  ...carePlanHandlers,
  ...roundHandlers,
  ...reportHandlers,
  ...backupHandlers,
  ...weekHandlers,
  ...connectionHandlers,
};

/** Turns anything thrown into an envelope error; unexpected errors keep no stack or patient data. */
export function toErrorShape(error: unknown): AppErrorShape {
  if (error instanceof AppError) return error.toShape();
  const message = error instanceof Error ? error.message : String(error);
  if (/SQLITE_|database/i.test(message)) return { code: 'DATABASE', message: 'The database could not be read or written. Try again; if it keeps happening, restore the latest backup.' };
  return { code: 'INTERNAL', message: 'Something went wrong inside Roundtable. Try again, and tell your system supplier if it keeps happening.' };
}

/** Validates an untrusted call and runs it; never throws. */
export async function dispatch(ctx: AppContext, channel: unknown, input: unknown): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    const named = typeof channel === 'string' ? `“${channel.slice(0, 60)}”` : `(${channel === null ? 'null' : typeof channel})`;
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Unknown request ${named}` } };
  }
  try {
    const parsed: unknown = checkInput(contract[channel].input, input ?? {});
    const handler = handlers[channel] as (ctx: AppContext, input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(ctx, parsed) };
  } catch (error) {
    if (!(error instanceof AppError)) console.error(`[handlers] ${channel} failed:`, error instanceof Error ? error.message : error);
    return { ok: false, error: toErrorShape(error) };
  }
}

/**
 * The validated front door for the main process's own callers (the CLI, the demo), as `ctx.call`: the same
 * schema and handler as IPC; a refusal or failure throws as an AppError with the envelope's plain message.
 */
export async function callChannel<C extends Channel>(ctx: AppContext, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await dispatch(ctx, channel, input);
  if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
  return result.value as ChannelOutput<C>;
}
