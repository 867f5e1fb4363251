/** Audit events: written by every store write, inside the same transaction as the change. */
import type { SqlDb } from './sql/types';

export interface Actor {
  /** Who is at the keyboard: the name set on this desktop for the audit, else the operating-system account. */
  osUser: string;
  /** The staff member chosen in the app, when one is. */
  staffId: number | null;
  /** The computer the change was made on (its host name); several desktops share one database in shared mode. */
  machine?: string | null;
}

export interface AuditEvent {
  id: number;
  at: string;
  osUser: string;
  staffId: number | null;
  machine: string | null;
  action: string;
  entity: string;
  entityId: number | null;
  summary: string;
}

export async function writeAudit(db: SqlDb, actor: Actor, action: string, entity: string, entityId: number | null, summary: string,
  at = new Date().toISOString()): Promise<void> {
  await db.run(`INSERT INTO audit_event (at, os_user, staff_id, action, entity, entity_id, summary, machine)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  [at, actor.osUser, actor.staffId, action, entity, entityId, summary, actor.machine ?? null]);
}

interface AuditRow { id: number; at: string; os_user: string; staff_id: number | null; machine: string | null; action: string; entity: string; entity_id: number | null; summary: string }

export async function listAudit(db: SqlDb, filter: { entity?: string; entityId?: number; limit?: number } = {}): Promise<AuditEvent[]> {
  const rows = await db.all<AuditRow>(`SELECT * FROM audit_event
      WHERE (CAST(@entity AS TEXT) IS NULL OR entity = @entity) AND (CAST(@entityId AS INTEGER) IS NULL OR entity_id = @entityId)
      ORDER BY id DESC LIMIT @limit`,
  { entity: filter.entity ?? null, entityId: filter.entityId ?? null, limit: filter.limit ?? 500 });
  return rows.map((r) => ({ id: r.id, at: r.at, osUser: r.os_user, staffId: r.staff_id, machine: r.machine ?? null, action: r.action, entity: r.entity, entityId: r.entity_id, summary: r.summary }));
}

export interface AuditFilter {
  /** Events about this resident: the resident, their records, representatives and flags. */
  residentId?: number;
  /** An operating-system account or a staff member's name (exact, case-insensitive). */
  person?: string;
  /** Calendar days (YYYY-MM-DD, UTC timestamps compared by their date). */
  from?: string;
  to?: string;
  /** An action ("create", "view", "restore"…) or an entity ("resident", "backup"…). */
  kind?: string;
  limit?: number;
  offset?: number;
}

export interface AuditEntry extends AuditEvent {
  staffName: string | null;
}

const AUDIT_WHERE = `WHERE (CAST(@residentId AS INTEGER) IS NULL
             OR (a.entity IN ('resident', 'resident_records') AND a.entity_id = @residentId)
             OR (a.entity = 'representative' AND a.entity_id IN (SELECT id FROM representative WHERE resident_id = @residentId))
             OR (a.entity = 'flag' AND a.entity_id IN (SELECT id FROM flag WHERE resident_id = @residentId)))
        AND (CAST(@person AS TEXT) IS NULL OR a.os_user = @person COLLATE NOCASE OR s.name = @person COLLATE NOCASE)
        AND (CAST(@from AS TEXT) IS NULL OR substr(a.at, 1, 10) >= @from)
        AND (CAST(@to AS TEXT) IS NULL OR substr(a.at, 1, 10) <= @to)
        AND (CAST(@kind AS TEXT) IS NULL OR a.action = @kind OR a.entity = @kind)`;

const auditParams = (filter: AuditFilter) => ({
  residentId: filter.residentId ?? null, person: filter.person ?? null, from: filter.from ?? null, to: filter.to ?? null, kind: filter.kind ?? null,
});

/** How many audit events match the filters (for the count shown above a page of them). */
export async function countAudit(db: SqlDb, filter: AuditFilter): Promise<number> {
  return await db.value<number>(`SELECT count(*) AS n FROM audit_event a LEFT JOIN staff s ON s.id = a.staff_id ${AUDIT_WHERE}`, auditParams(filter)) ?? 0;
}

/** Audit events matching every given filter, newest first (from `offset`, at most `limit`). */
export async function searchAudit(db: SqlDb, filter: AuditFilter): Promise<AuditEntry[]> {
  const rows = await db.all<AuditRow & { staff_name: string | null }>(`SELECT a.*, s.name AS staff_name FROM audit_event a LEFT JOIN staff s ON s.id = a.staff_id
      ${AUDIT_WHERE}
      ORDER BY a.id DESC LIMIT @limit OFFSET @offset`,
  { ...auditParams(filter), limit: filter.limit ?? 1000, offset: filter.offset ?? 0 });
  return rows.map((r) => ({
    id: r.id, at: r.at, osUser: r.os_user, staffId: r.staff_id, machine: r.machine ?? null, staffName: r.staff_name, action: r.action, entity: r.entity, entityId: r.entity_id, summary: r.summary,
  }));
}

/** The people and kinds that appear in the audit, for the filter's choices. */
export async function auditChoices(db: SqlDb): Promise<{ people: string[]; actions: string[]; entities: string[] }> {
  const people = await db.column<string>(`SELECT DISTINCT os_user AS v FROM audit_event
      UNION SELECT DISTINCT s.name FROM audit_event a JOIN staff s ON s.id = a.staff_id ORDER BY 1`);
  const actions = await db.column<string>('SELECT DISTINCT action AS v FROM audit_event ORDER BY 1');
  const entities = await db.column<string>('SELECT DISTINCT entity AS v FROM audit_event ORDER BY 1');
  return { people, actions, entities };
}
