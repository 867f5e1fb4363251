/**
 * The IPC contract: the only place channels are declared. Each domain declares its channels in its own
 * file (input zod schema, output type); this map joins them. The renderer's API and main's handler
 * table are both derived from it, so a misspelt or missing channel is a compile error on both sides.
 */
import type { z } from 'zod';
import type { Result } from '../errors';
import { carePlanChannels } from './carePlans';
import { registerChannels } from './register';
import { importChannels } from './imports';
import { flagChannels } from './flags';
import { reviewsChannels } from './reviews';
import { roundChannels } from './rounds';
import { backupChannels } from './backups';
import { reportChannels } from './reports';
import { weekChannels } from './week';
import { connectionChannels } from './connection';

export type { AppInfo } from './register';
export type { ImportProgress, ImportView } from './imports';
export type { ChosenFile } from './files';
export type { FlagFilePreview, FlagPreviewRow, InviteResult, SavedFile, WeekPrint } from './week';
export type { ConnectionSaved, ConnectionTestResult, ConnectionView, DatabaseDescription, DatabaseEngine } from './connection';
export type { CarePlanOverview, CarePlanResidentRow, ResidentCarePlan } from './carePlans';

export const contract = {
  ...registerChannels,
  ...importChannels,
  ...flagChannels,
  ...reviewsChannels,
  ...carePlanChannels,
  ...roundChannels,
  ...reportChannels,
  ...backupChannels,
  ...weekChannels,
  ...connectionChannels,
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
