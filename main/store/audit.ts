/** Audit events: written by every store write, inside the same transaction as the change. */
import type { Db } from './db';

export interface Actor {
  /** The operating-system account the app runs under. */
  osUser: string;
  /** The staff member chosen in the app, when one is. */
  staffId: number | null;
}

export interface AuditEvent {
  id: number;
  at: string;
  osUser: string;
  staffId: number | null;
  action: string;
  entity: string;
  entityId: number | null;
  summary: string;
}

export function writeAudit(db: Db, actor: Actor, action: string, entity: string, entityId: number | null, summary: string): void {
  db.prepare(`INSERT INTO audit_event (at, os_user, staff_id, action, entity, entity_id, summary)
              VALUES (?, ?, ?, ?, ?, ?, ?)`)
    .run(new Date().toISOString(), actor.osUser, actor.staffId, action, entity, entityId, summary);
}

interface AuditRow { id: number; at: string; os_user: string; staff_id: number | null; action: string; entity: string; entity_id: number | null; summary: string }

export function listAudit(db: Db, filter: { entity?: string; entityId?: number; limit?: number } = {}): AuditEvent[] {
  const rows = db.prepare(`SELECT * FROM audit_event
      WHERE (@entity IS NULL OR entity = @entity) AND (@entityId IS NULL OR entity_id = @entityId)
      ORDER BY id DESC LIMIT @limit`)
    .all({ entity: filter.entity ?? null, entityId: filter.entityId ?? null, limit: filter.limit ?? 500 }) as AuditRow[];
  return rows.map((r) => ({ id: r.id, at: r.at, osUser: r.os_user, staffId: r.staff_id, action: r.action, entity: r.entity, entityId: r.entity_id, summary: r.summary }));
}
