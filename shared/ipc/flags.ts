/** Channels of care-home flags and the merged resident view. */
import { z } from 'zod';
import type { FlagView } from '../domain/flags';
import type { ResidentView } from '../domain/residentView';
import { isoDate, MAX_ROW_ID, residentInput } from '../domain/register';
import { FLAG_CATEGORIES, FLAG_SEVERITIES, FLAG_STATUSES } from '../domain/enums';
import { channel } from './channel';
import { id } from './register';

const reason = (what: string) => z.string().trim().min(1, `Enter ${what}`).max(2000, `${what} is too long`);
const optionalScore = (max: number, label: string) => z.number().int(`${label} is a whole number`).min(0, `${label} cannot be below 0`)
  .max(max, `${label} cannot be above ${max}`).nullable().optional().transform((v) => v ?? null);

export const flagEntryInput = z.object({
  homeId: id,
  residentId: z.number().int().positive('Choose the resident').max(MAX_ROW_ID, 'Choose the resident'),
  category: z.enum(FLAG_CATEGORIES, 'Choose what the concern is about'),
  /** Leave out to work it out from the category and scores; a person can raise it, never lower it. */
  severity: z.enum(FLAG_SEVERITIES).nullable().optional().transform((v) => v ?? null),
  details: z.string().trim().min(1, 'Enter what the care home told you').max(4000, 'The details are too long'),
  raisedBy: z.string().trim().min(1, 'Enter who raised the concern').max(200),
  raisedOn: isoDate,
  news2: optionalScore(20, 'NEWS2'),
  must: optionalScore(6, 'MUST'),
  fourAt: optionalScore(12, '4AT'),
}).strict();

/** The flag's version as the screen showed it: a save from an older copy is refused (someone else saved first). Optional: the CLI edits what it just read. */
const flagVersion = id.optional();

export const flagChannels = {
  'flags:list': channel<FlagView[]>()(z.object({
    homeId: id.optional(),
    status: z.enum([...FLAG_STATUSES, 'waiting', 'current']).optional(),
    severity: z.enum(FLAG_SEVERITIES).optional(),
  }).strict()),
  'flags:unmatched': channel<FlagView[]>()(z.object({ homeId: id.optional() }).strict()),
  'flags:get': channel<FlagView>()(z.object({ id }).strict()),
  'flags:escalations': channel<FlagView[]>()(z.object({}).strict()),
  'flags:enter': channel<FlagView>()(z.object({ flag: flagEntryInput }).strict()),
  'flags:match': channel<FlagView>()(z.object({ id, residentId: id, version: flagVersion }).strict()),
  'flags:add-resident': channel<FlagView>()(z.object({ id, resident: residentInput, version: flagVersion }).strict()),
  'flags:dismiss': channel<FlagView>()(z.object({ id, reason: reason('why this flag is being dismissed'), version: flagVersion }).strict()),
  'flags:set-status': channel<FlagView>()(z.object({
    id, status: z.enum(FLAG_STATUSES), outcome: z.string().trim().max(4000).optional().transform((v) => (v ? v : undefined)), version: flagVersion,
  }).strict()),
  'flags:set-severity': channel<FlagView>()(z.object({
    id, severity: z.enum(FLAG_SEVERITIES), reason: z.string().trim().max(2000).optional().transform((v) => (v ? v : undefined)), version: flagVersion,
  }).strict()),
  'flags:record-escalation': channel<FlagView>()(z.object({ id, action: reason('the action taken today'), version: flagVersion }).strict()),

  'residents:view': channel<ResidentView>()(z.object({ id }).strict()),
} as const;
