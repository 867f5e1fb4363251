/** Channels of the shared outcome reports and the audit trail. */
import { z } from 'zod';
import { isIsoDate } from '../dates';
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
  staffName: string | null;
  action: string;
  entity: string;
  entityId: number | null;
  summary: string;
}

export const reportInput = z.object({
  homeId: id.optional(),
  from: isoDate('start date'),
  to: isoDate('end date'),
}).strict().refine((v) => v.from <= v.to, { message: 'The end date must be the same as or after the start date', path: ['to'] });

export const auditInput = z.object({
  residentId: id.optional(),
  person: z.string().trim().min(1).max(100).optional(),
  from: isoDate('first date').optional(),
  to: isoDate('last date').optional(),
  kind: z.string().trim().min(1).max(40).optional(),
  limit: z.number().int().min(1).max(100_000).optional(),
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
