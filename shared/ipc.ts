/**
 * The IPC contract: the only place a channel is declared. Each channel names the zod schema of its
 * input (validated in main; the renderer is untrusted) and the type of its output. The renderer's API
 * and main's handler table are both derived from this map, so a misspelt or missing channel is a
 * compile error on both sides.
 */
import { z } from 'zod';
import type { Result } from './errors';
import {
  careHomeInput, representativeInput, residentInput,
  type CareHome, type Practice, type Representative, type Resident, type ResidentDetail, type StaffMember,
} from './domain/register';
import { RESIDENT_STATUSES } from './domain/enums';

/** Declares a channel: its input schema, and its output type as a type parameter. */
function channel<O>() {
  return <I extends z.ZodType>(input: I) => ({ input, output: undefined as unknown as O });
}

const none = z.object({}).strict();
const id = z.number().int().positive();

export interface AppInfo {
  appName: string;
  version: string;
  practice: Practice;
  databasePath: string;
  isDemo: boolean;
  staff: StaffMember[];
  today: string;
}

export const contract = {
  'app:info': channel<AppInfo>()(none),

  'homes:list': channel<CareHome[]>()(none),
  'homes:get': channel<CareHome>()(z.object({ id }).strict()),
  'homes:create': channel<CareHome>()(z.object({ home: careHomeInput }).strict()),
  'homes:update': channel<CareHome>()(z.object({ id, home: careHomeInput }).strict()),

  'residents:search': channel<Resident[]>()(z.object({
    query: z.string().trim().max(100).optional(),
    homeId: id.optional(),
    status: z.enum([...RESIDENT_STATUSES, 'all']).optional(),
  }).strict()),
  'residents:get': channel<ResidentDetail>()(z.object({ id }).strict()),
  'residents:create': channel<ResidentDetail>()(z.object({
    resident: residentInput,
    representatives: z.array(representativeInput).max(20).optional(),
  }).strict()),
  'residents:update': channel<ResidentDetail>()(z.object({ id, resident: residentInput }).strict()),

  'representatives:add': channel<Representative>()(z.object({ residentId: id, representative: representativeInput }).strict()),
  'representatives:update': channel<Representative>()(z.object({ id, representative: representativeInput }).strict()),
  'representatives:remove': channel<{ removed: true }>()(z.object({ id }).strict()),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What the renderer sends (before defaults and transforms). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives after validation. */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

/** The API the preload exposes as `window.roundtable`. */
export interface RoundtableApi {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
}

/** The one Electron IPC channel name the preload and main share. */
export const IPC_INVOKE = 'roundtable:invoke';
