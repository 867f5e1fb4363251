/** Register entities: practice, staff, care homes, residents and their representatives. */
import { z } from 'zod';
import { checkNhsNumber } from '../rules/nhsNumber';
import { isIsoDate } from '../dates';
import { CONTACT_PREFERENCES, HOME_TYPES, RESIDENT_STATUSES, SEXES, STAFF_ROLES, WEEKDAY_NAMES } from './enums';

const trimmed = (max: number) => z.string().trim().max(max);
const required = (label: string, max = 200) => z.string().trim().min(1, `Enter ${label}`).max(max, `${label} is too long`);
const optionalText = (max = 2000) => trimmed(max).optional().transform((v) => (v === '' || v === undefined ? null : v)).nullable()
  .transform((v) => v ?? null);

/** Row ids (and versions) are 32-bit integers in both engines' schemas: anything larger names no row. */
export const MAX_ROW_ID = 2_147_483_647;

/** A row's id as input: a positive whole number a row can have. */
export const rowId = z.number().int().positive().max(MAX_ROW_ID);

export const isoDate = z.string().refine(isIsoDate, 'Enter a real date');
const optionalIsoDate = z.union([isoDate, z.literal(''), z.null()]).optional().transform((v) => (v ? v : null));

export const nhsNumberSchema = z.string().transform((raw, ctx) => {
  const check = checkNhsNumber(raw);
  if (!check.valid) {
    ctx.addIssue({ code: 'custom', message: check.reason });
    return z.NEVER;
  }
  return check.nhsNumber;
});

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time as hh:mm, for example 10:00');

export const careHomeInput = z.object({
  name: required('the home’s name'),
  type: z.enum(HOME_TYPES),
  cqcLocationId: z.string().trim().regex(/^(1-\d{6,12})?$/, 'A CQC location ID looks like 1-123456789').optional()
    .transform((v) => (v ? v : null)),
  address: optionalText(500),
  phone: optionalText(40),
  manager: optionalText(200),
  roundDay: z.enum(WEEKDAY_NAMES).nullable().optional().transform((v) => v ?? null),
  roundStartTime: z.union([timeOfDay, z.literal(''), z.null()]).optional().transform((v) => (v ? v : null)),
  roundCapacityMinutes: z.number().int().min(15, 'A round needs at least 15 minutes').max(600, 'A round cannot be longer than 10 hours')
    .nullable().optional().transform((v) => v ?? null),
  /** Minutes a week of a practice pharmacist's session at this home; none: medication reviews come on the round. */
  pharmacistMinutes: z.number().int().min(0, 'Pharmacist minutes cannot be negative').max(2400, 'Pharmacist minutes cannot be more than 2,400 a week')
    .nullable().optional().transform((v) => v ?? null),
  /** Who usually leads the round (a GP, advanced clinical practitioner or pharmacist). */
  roundClinician: optionalText(200),
});
export type CareHomeInput = z.input<typeof careHomeInput>;
type ParsedHome = z.output<typeof careHomeInput>;
/** A home's fields as stored; the round-planning ones (issue 12) may be left out by older callers (stored as none). */
export type CareHomeFields = Omit<ParsedHome, 'pharmacistMinutes' | 'roundClinician'> & Partial<Pick<ParsedHome, 'pharmacistMinutes' | 'roundClinician'>>;

export interface CareHome extends ParsedHome {
  id: number;
  activeResidents: number;
  createdAt: string;
  updatedAt: string;
}

export const representativeInput = z.object({
  name: required('the representative’s name'),
  relationship: required('the relationship, for example daughter', 100),
  phone: optionalText(40),
  email: z.string().trim().max(200).refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'Enter an email address like name@example.com')
    .optional().transform((v) => (v ? v : null)),
  holdsLpaHealthWelfare: z.boolean().default(false),
  lpaRegisteredOn: optionalIsoDate,
  preferredContact: z.enum(CONTACT_PREFERENCES).default('phone'),
  notes: optionalText(),
});
export type RepresentativeInput = z.input<typeof representativeInput>;
export type RepresentativeFields = z.output<typeof representativeInput>;
export interface Representative extends RepresentativeFields {
  id: number;
  residentId: number;
}

export const residentInput = z.object({
  nhsNumber: nhsNumberSchema,
  familyName: required('the family name', 100),
  givenName: required('the given name', 100),
  preferredName: optionalText(100),
  dateOfBirth: isoDate,
  sex: z.enum(SEXES),
  homeId: z.number().int().positive('Choose a care home').max(MAX_ROW_ID, 'Choose a care home'),
  room: optionalText(40),
  admissionDate: optionalIsoDate,
  status: z.enum(RESIDENT_STATUSES).default('active'),
  statusDate: optionalIsoDate,
  frailty: z.number().int().min(1).max(9).nullable().optional().transform((v) => v ?? null),
  dementia: z.boolean().default(false),
  communicationNeeds: optionalText(),
  capacityNotes: optionalText(),
  whatMatters: optionalText(4000),
}).superRefine((r, ctx) => {
  if (r.status !== 'active' && !r.statusDate) {
    ctx.addIssue({ code: 'custom', path: ['statusDate'], message: r.status === 'died' ? 'Enter the date of death' : 'Enter the date they left' });
  }
  if (r.admissionDate && r.admissionDate < r.dateOfBirth) {
    ctx.addIssue({ code: 'custom', path: ['admissionDate'], message: 'The admission date is before the date of birth' });
  }
});
export type ResidentInput = z.input<typeof residentInput>;
export type ResidentFields = z.output<typeof residentInput>;

export interface Resident extends ResidentFields {
  id: number;
  homeName: string;
  createdAt: string;
  updatedAt: string;
}

export interface ResidentDetail extends Resident {
  representatives: Representative[];
}

export const staffInput = z.object({ name: required('the name'), role: z.enum(STAFF_ROLES) });
export interface StaffMember extends z.output<typeof staffInput> { id: number; active: boolean }

export interface Practice {
  name: string;
  odsCode: string | null;
}

/** What letters carry about the practice: how to reach it, and who signs. Empty strings are not stored. */
export const practiceDetailsInput = z.object({
  name: z.string().trim().min(1, 'Enter the practice’s name').max(200, 'The practice’s name is too long').optional(),
  address: z.string().trim().max(500, 'The address is too long').optional(),
  phone: z.string().trim().max(40, 'The phone number is too long')
    .refine((v) => v === '' || /^[0-9+() -]{6,40}$/.test(v), 'Enter a phone number using digits, spaces and + ( ) - only').optional(),
  email: z.string().trim().max(200, 'The email address is too long')
    .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'Enter an email address like reception@example.nhs.uk').optional(),
  sender: z.string().trim().max(200, 'The sender’s name is too long').optional(),
}).strict();

export interface PracticeDetails extends Practice {
  address: string | null;
  phone: string | null;
  email: string | null;
  /** The named person letters are signed by, e.g. "Sam Patel, care co-ordinator". */
  sender: string | null;
}
