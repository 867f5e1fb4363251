/** Rounds, agenda items and outcome actions: SQL only here, rows become domain types in one place. */
import type { AgendaItem, Attendees, OutcomeAction, Question, Round, RoundPlanNotes, RoundStatus, RoundSummary } from '../../shared/domain/round';
import type { RoundReason } from '../../shared/rules/planning';
import { AppError } from '../../shared/errors';
import type { SqlDb } from './sql/types';

interface RoundRow { id: number; home_id: number; home_name: string; date: string; start_time: string; clinicians: string; capacity_minutes: number;
  status: RoundStatus; plan: string; created_at: string; updated_at: string }
interface ItemRow { id: number; round_id: number; resident_id: number; position: number; start_time: string | null; minutes: number; reasons: string;
  attendees: string; questions: string; notes: string | null; removed_at: string | null; removed_reason: string | null; version: number }

const EMPTY_ATTENDEES: Attendees = { resident: { attending: true, note: null }, representatives: [], careStaff: null };

function toItem(row: ItemRow): AgendaItem {
  const attendees = JSON.parse(row.attendees) as Partial<Attendees>;
  return {
    id: row.id, roundId: row.round_id, residentId: row.resident_id, position: row.position, start: row.start_time ?? '', minutes: row.minutes,
    reasons: JSON.parse(row.reasons) as RoundReason[], attendees: { ...EMPTY_ATTENDEES, ...attendees },
    questions: JSON.parse(row.questions) as Question[], notes: row.notes, removedAt: row.removed_at, removedReason: row.removed_reason,
    version: row.version,
  };
}

export interface NewRound {
  homeId: number;
  date: string;
  startTime: string;
  clinicians: string[];
  capacityMinutes: number;
  plan: RoundPlanNotes;
}

/** An agenda item before it is stored. */
export type NewItem = Pick<AgendaItem, 'residentId' | 'position' | 'start' | 'minutes' | 'reasons' | 'attendees' | 'questions'>;

export async function insertRound(db: SqlDb, round: NewRound): Promise<number> {
  const now = new Date().toISOString();
  return inserted(await db.insert(`INSERT INTO round (home_id, date, start_time, clinicians, capacity_minutes, plan, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  [round.homeId, round.date, round.startTime, JSON.stringify(round.clinicians), round.capacityMinutes, JSON.stringify(round.plan), now, now]));
}

/** The id of a row just inserted (an insert without ON CONFLICT always inserts one). */
function inserted(id: number | null): number {
  if (id === null) throw new Error('The row was not inserted');
  return id;
}

export async function insertItem(db: SqlDb, roundId: number, item: NewItem): Promise<number> {
  const existing = await db.value<number>('SELECT id FROM agenda_item WHERE round_id = ? AND resident_id = ?', [roundId, item.residentId]);
  if (existing !== undefined) {
    await db.run(`UPDATE agenda_item SET position = ?, start_time = ?, minutes = ?, reasons = ?, attendees = ?, questions = ?, removed_at = NULL,
        removed_reason = NULL WHERE id = ?`,
    [item.position, item.start, item.minutes, JSON.stringify(item.reasons), JSON.stringify(item.attendees), JSON.stringify(item.questions), existing]);
    return existing;
  }
  return inserted(await db.insert(`INSERT INTO agenda_item (round_id, resident_id, position, start_time, minutes, reasons, attendees, questions)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  [roundId, item.residentId, item.position, item.start, item.minutes, JSON.stringify(item.reasons), JSON.stringify(item.attendees),
    JSON.stringify(item.questions)]));
}

export async function getRound(db: SqlDb, id: number): Promise<Round> {
  const row = await db.get<RoundRow>('SELECT r.*, h.name AS home_name FROM round r JOIN care_home h ON h.id = r.home_id WHERE r.id = ?', [id]);
  if (!row) throw new AppError('NOT_FOUND', `There is no round numbered ${id}.`);
  const items = (await db.all<ItemRow>('SELECT * FROM agenda_item WHERE round_id = ? ORDER BY position, id', [id])).map(toItem);
  return {
    id: row.id, homeId: row.home_id, homeName: row.home_name, date: row.date, startTime: row.start_time, clinicians: JSON.parse(row.clinicians) as string[],
    capacityMinutes: row.capacity_minutes, status: row.status, plan: { notThisWeek: [], escalations: [], ...(JSON.parse(row.plan) as Partial<RoundPlanNotes>) },
    items: items.filter((i) => i.removedAt === null), removed: items.filter((i) => i.removedAt !== null), createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

export async function getItem(db: SqlDb, itemId: number): Promise<AgendaItem> {
  const row = await db.get<ItemRow>('SELECT * FROM agenda_item WHERE id = ?', [itemId]);
  if (!row) throw new AppError('NOT_FOUND', `There is no agenda item numbered ${itemId}.`);
  return toItem(row);
}

export async function listRounds(db: SqlDb, homeId: number | null): Promise<RoundSummary[]> {
  // grouped by the round's key and the home's (PostgreSQL then takes every column of both tables)
  const rows = await db.all<{ id: number; home_id: number; home_name: string; date: string; start_time: string; status: RoundStatus;
    capacity_minutes: number; items: number; used: number }>(`SELECT r.id, r.home_id, h.name AS home_name, r.date, r.start_time, r.status, r.capacity_minutes,
        count(a.id) AS items,
        coalesce(sum(a.minutes), 0) + CASE WHEN count(a.id) > 0 THEN coalesce(${db.dialect.jsonNumber('r.plan', 'huddleMinutes')}, 0) ELSE 0 END AS used
      FROM round r JOIN care_home h ON h.id = r.home_id LEFT JOIN agenda_item a ON a.round_id = r.id AND a.removed_at IS NULL
      WHERE (CAST(@homeId AS INTEGER) IS NULL OR r.home_id = @homeId) GROUP BY r.id, h.id ORDER BY r.date DESC, h.name, r.id DESC`, { homeId });
  return rows.map((r) => ({ id: r.id, homeId: r.home_id, homeName: r.home_name, date: r.date, startTime: r.start_time, status: r.status,
    capacityMinutes: r.capacity_minutes, items: r.items, usedMinutes: r.used }));
}

/** Writes every current item's position, start and minutes (the slots follow from the round's start time). */
export async function writeSlots(db: SqlDb, slots: { id: number; position: number; start: string; minutes: number }[]): Promise<void> {
  for (const s of slots) await db.run('UPDATE agenda_item SET position = ?, start_time = ?, minutes = ? WHERE id = ?', [s.position, s.start, s.minutes, s.id]);
}

export async function markItemRemoved(db: SqlDb, itemId: number, reason: string | null): Promise<void> {
  await db.run('UPDATE agenda_item SET removed_at = ?, removed_reason = ?, position = 0 WHERE id = ?', [new Date().toISOString(), reason, itemId]);
}

/**
 * Sets an item's attendees, questions or notes if it is still at `version`, raising its version; false when
 * it has moved on since (someone else saved first).
 */
export async function updateItemDetails(db: SqlDb, itemId: number, version: number,
  details: { attendees?: Attendees; questions?: Question[]; notes?: string | null }): Promise<boolean> {
  const sets: string[] = [];
  const values: unknown[] = [];
  if (details.attendees) { sets.push('attendees = ?'); values.push(JSON.stringify(details.attendees)); }
  if (details.questions) { sets.push('questions = ?'); values.push(JSON.stringify(details.questions)); }
  if (details.notes !== undefined) { sets.push('notes = ?'); values.push(details.notes); }
  const result = await db.run(`UPDATE agenda_item SET ${[...sets, 'version = version + 1'].join(', ')} WHERE id = ? AND version = ?`, [...values, itemId, version]);
  return result.changes === 1;
}

export async function updateRound(db: SqlDb, id: number, fields: { status?: RoundStatus; startTime?: string; clinicians?: string[] }): Promise<void> {
  const now = new Date().toISOString();
  if (fields.status) await db.run('UPDATE round SET status = ?, updated_at = ? WHERE id = ?', [fields.status, now, id]);
  if (fields.startTime) await db.run('UPDATE round SET start_time = ?, updated_at = ? WHERE id = ?', [fields.startTime, now, id]);
  if (fields.clinicians) await db.run('UPDATE round SET clinicians = ?, updated_at = ? WHERE id = ?', [JSON.stringify(fields.clinicians), now, id]);
}

/** Moves the round's flags from one of the given statuses to another (so an addressed flag is never reopened by planning); returns how many moved. */
export async function moveFlagsOnRound(db: SqlDb, flagIds: number[], status: 'open' | 'on-agenda' | 'addressed', from: string[]): Promise<number> {
  const now = new Date().toISOString();
  const sql = `UPDATE flag SET status = ?, updated_at = ? WHERE id = ? AND status IN (${db.dialect.textsFromJson('?')})`;
  const statuses = JSON.stringify(from);
  let n = 0;
  for (const id of flagIds) n += (await db.run(sql, [status, now, id, statuses])).changes;
  return n;
}

interface ActionRow { id: number; agenda_item_id: number | null; resident_id: number; decision: string | null; action: string | null;
  owner: OutcomeAction['owner']; due_date: string | null; status: OutcomeAction['status'] }

export async function insertOutcome(db: SqlDb, row: Omit<OutcomeAction, 'id'>): Promise<number> {
  const now = new Date().toISOString();
  return inserted(await db.insert(`INSERT INTO outcome_action (agenda_item_id, resident_id, decision, action, owner, due_date, status, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  [row.agendaItemId, row.residentId, row.decision, row.action, row.owner, row.dueDate, row.status, now, now]));
}

export async function setActionStatus(db: SqlDb, ids: number[], residentId: number, status: 'done' | 'cancelled'): Promise<void> {
  const now = new Date().toISOString();
  for (const id of ids) {
    await db.run(`UPDATE outcome_action SET status = ?, updated_at = ? WHERE id = ? AND resident_id = ? AND status = 'open'`, [status, now, id, residentId]);
  }
}

export async function listOutcomes(db: SqlDb, roundId: number): Promise<OutcomeAction[]> {
  const rows = await db.all<ActionRow>(`SELECT o.* FROM outcome_action o JOIN agenda_item a ON a.id = o.agenda_item_id WHERE a.round_id = ?
      ORDER BY a.position, o.id`, [roundId]);
  return rows.map((r) => ({ id: r.id, agendaItemId: r.agenda_item_id, residentId: r.resident_id, decision: r.decision, action: r.action, owner: r.owner,
    dueDate: r.due_date, status: r.status }));
}

/** A medication review done on a round (issue 5's schedule reads these rows). */
export async function insertReviewDone(db: SqlDb, review: { residentId: number; rule: string; roundId: number; doneOn: string; doneBy: string | null;
  outcome: string | null; reasons: RoundReason[] }): Promise<number> {
  return inserted(await db.insert(`INSERT INTO medication_review (resident_id, rule, reasons, status, round_id, done_on, done_by, outcome, source, created_at)
      VALUES (?, ?, ?, 'done', ?, ?, ?, ?, 'round', ?)`,
  [review.residentId, review.rule, JSON.stringify(review.reasons), review.roundId, review.doneOn, review.doneBy, review.outcome, new Date().toISOString()]));
}

/** Settings stored under a prefix ("round.") as raw strings, key without the prefix. */
export async function readSettings(db: SqlDb, prefix: string): Promise<Record<string, string>> {
  const rows = await db.all<{ key: string; value: string }>('SELECT key, value FROM setting WHERE substr(key, 1, length(CAST(? AS TEXT))) = ?', [prefix, prefix]);
  return Object.fromEntries(rows.map((r) => [r.key.slice(prefix.length), r.value]));
}

export async function writeSettings(db: SqlDb, prefix: string, settings: Record<string, number>): Promise<void> {
  for (const [key, value] of Object.entries(settings)) {
    await db.run('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [`${prefix}${key}`, String(value)]);
  }
}
