/** Channels of the register: the app itself, care homes, residents and representatives. */
import { z } from 'zod';
import {
  careHomeInput, representativeInput, residentInput, rowId,
  type CareHome, type Practice, type Representative, type Resident, type ResidentDetail, type StaffMember,
} from '../domain/register';
import { RESIDENT_STATUSES } from '../domain/enums';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, RESIDENT_SORTS, type Page, type ResidentListRow } from '../domain/lists';
import { channel } from './channel';

const none = z.object({}).strict();
export const id = rowId;

export interface AppInfo {
  appName: string;
  version: string;
  practice: Practice;
  databasePath: string;
  isDemo: boolean;
  staff: StaffMember[];
  today: string;
}

export const registerChannels = {
  'app:info': channel<AppInfo>()(none),

  'homes:list': channel<CareHome[]>()(none),
  'homes:get': channel<CareHome>()(z.object({ id }).strict()),
  'homes:create': channel<CareHome>()(z.object({ home: careHomeInput }).strict()),
  'homes:update': channel<CareHome>()(z.object({ id, home: careHomeInput }).strict()),
  /** A home as a person names it (the command line's --home): its id, its exact name in any case, or its CQC location id; null when none. */
  'homes:find': channel<CareHome | null>()(z.object({ nameOrId: z.string().max(1000) }).strict()),

  'residents:search': channel<Resident[]>()(z.object({
    query: z.string().trim().max(100).optional(),
    homeId: id.optional(),
    status: z.enum([...RESIDENT_STATUSES, 'all']).optional(),
  }).strict()),
  /** The Residents list, a page at a time, with the total that match and what needs attention. */
  'residents:page': channel<Page<ResidentListRow>>()(z.object({
    query: z.string().trim().max(100).optional(),
    homeId: id.optional(),
    status: z.enum([...RESIDENT_STATUSES, 'all']).optional(),
    withOpenFlag: z.boolean().optional(),
    /** Needs attention: medication reviews due or overdue now, or care-plan gaps due or overdue now. */
    due: z.enum(['reviews', 'care-plan']).optional(),
    /** One resident only (a picker showing its choice). */
    residentId: id.optional(),
    sort: z.enum(RESIDENT_SORTS).default('home'),
    descending: z.boolean().default(false),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  }).strict()),
  'residents:get': channel<ResidentDetail>()(z.object({ id }).strict()),
  /** The resident with this NHS number (ten digits, no spaces), or null when nobody on the register has it. */
  'residents:find-by-nhs-number': channel<Resident | null>()(z.object({
    nhsNumber: z.string().regex(/^\d{10}$/, 'An NHS number is ten digits'),
  }).strict()),
  'residents:create': channel<ResidentDetail>()(z.object({
    resident: residentInput,
    representatives: z.array(representativeInput).max(20).optional(),
  }).strict()),
  'residents:update': channel<ResidentDetail>()(z.object({ id, resident: residentInput }).strict()),

  'representatives:add': channel<Representative>()(z.object({ residentId: id, representative: representativeInput }).strict()),
  'representatives:update': channel<Representative>()(z.object({ id, representative: representativeInput }).strict()),
  'representatives:remove': channel<{ removed: true }>()(z.object({ id }).strict()),
} as const;
