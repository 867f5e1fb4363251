/** Channels of the shared outcome reports and the audit trail. */
import { z } from 'zod';
import { addMonths, isIsoDate } from '../dates';
import type { OutcomeReport } from '../domain/reports';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page } from '../domain/lists';
import { channel } from './channel';
import { id } from './register';

const isoDate = (what: string) => z.string().refine(isIsoDate, `Enter the ${what} as a real date`);

export interface AuditEntryView {
  id: number;
  at: string;
  osUser: string;
  staffId: number | null;
  /** The computer it was done on (shared mode: several desktops write one database); null before it was recorded. */
  machine: string | null;
  staffName: string | null;
  action: string;
  entity: string;
  entityId: number | null;
  summary: string;
}

/** The longest period a report covers: the figures count month by month, so the period is bounded. */
export const MAX_REPORT_YEARS = 10;

/** True when `to` is no more than `years` after `from` (both ISO dates, from <= to). */
function withinYears(from: string, to: string, years: number): boolean {
  const limit = addMonths(from, 12 * years);
  return limit.length > 10 || to <= limit; // past year 9999 every 4-digit date is within
}

export const reportInput = z.object({
  homeId: id.optional(),
  from: isoDate('start date'),
  to: isoDate('end date'),
}).strict()
  .refine((v) => v.from <= v.to, { message: 'The end date must be the same as or after the start date', path: ['to'] })
  .refine((v) => v.from > v.to || withinYears(v.from, v.to, MAX_REPORT_YEARS),
    { message: `A report can cover at most ${MAX_REPORT_YEARS} years: choose a shorter period`, path: ['to'] });

/** The most audit events one list or CSV returns. */
export const MAX_AUDIT_ROWS = 100_000;

export const auditInput = z.object({
  residentId: id.optional(),
  person: z.string().trim().min(1).max(100).optional(),
  from: isoDate('first date').optional(),
  to: isoDate('last date').optional(),
  kind: z.string().trim().min(1).max(40).optional(),
  limit: z.number().int().min(1).max(MAX_AUDIT_ROWS, `At most ${MAX_AUDIT_ROWS.toLocaleString('en-GB')} audit events can be listed at once`).optional(),
}).strict();

export const reportChannels = {
  'reports:outcomes': channel<OutcomeReport>()(reportInput),
  'reports:csv': channel<{ fileName: string; csv: string }>()(reportInput),
  'audit:search': channel<AuditEntryView[]>()(auditInput),
  /** The audit trail a page at a time, newest first, with how many events match. */
  'audit:page': channel<Page<AuditEntryView>>()(auditInput.omit({ limit: true }).extend({
    offset: z.number().int().min(0).max(100_000_000).default(0),
    limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  }).strict()),
  'audit:choices': channel<{ people: string[]; actions: string[]; entities: string[] }>()(z.object({}).strict()),
  'audit:csv': channel<{ fileName: string; csv: string }>()(auditInput),
} as const;
