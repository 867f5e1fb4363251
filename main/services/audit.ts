/** The audit trail: who did what and when, filtered, and as CSV. */
import { toCsv } from '../../shared/csv';
import type { ParsedInput } from '../../shared/ipc';
import { MAX_AUDIT_ROWS } from '../../shared/ipc/reports';
import type { AuditEntry } from '../store';
import type { Page } from '../../shared/domain/lists';
import type { AppContext } from './context';

const filterOf = (input: ParsedInput<'audit:search'>) => ({
  residentId: input.residentId, person: input.person, from: input.from, to: input.to, kind: input.kind, limit: input.limit,
});

export const searchAudit = (ctx: AppContext, input: ParsedInput<'audit:search'>): Promise<AuditEntry[]> => ctx.store.audit.search(filterOf(input));

/** One page of the audit trail with the real count, so every event is reachable. */
export async function pageAudit(ctx: AppContext, input: ParsedInput<'audit:page'>): Promise<Page<AuditEntry>> {
  const { total, entries } = await ctx.store.audit.page({
    residentId: input.residentId, person: input.person, from: input.from, to: input.to, kind: input.kind, limit: input.limit, offset: input.offset,
  });
  return { rows: entries, total, offset: input.offset, limit: input.limit };
}

export const auditChoices = (ctx: AppContext) => ctx.store.audit.choices();

export async function auditCsv(ctx: AppContext, input: ParsedInput<'audit:search'>): Promise<{ fileName: string; csv: string }> {
  const events = await ctx.store.audit.search({ ...filterOf(input), limit: input.limit ?? MAX_AUDIT_ROWS });
  const rows = [['When (UTC)', 'User', 'Computer', 'Staff member', 'Action', 'Record', 'Record id', 'What happened'],
    ...events.map((e) => [e.at, e.osUser, e.machine ?? '', e.staffName ?? '', e.action, e.entity, e.entityId ?? '', e.summary])];
  await ctx.store.audit.record(ctx.actor, 'export', 'audit', null, `Exported ${events.length} audit events as CSV`);
  return { fileName: `roundtable-audit-${ctx.today()}.csv`, csv: toCsv(rows) };
}
