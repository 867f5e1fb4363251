/** Rounds, agenda items and outcome actions: SQL only here, rows become domain types in one place. */
import type { AgendaItem, Attendees, OutcomeAction, Question, Round, RoundPlanNotes, RoundStatus, RoundSummary } from '../../shared/domain/round';
import type { RoundReason } from '../../shared/rules/planning';
import { AppError } from '../../shared/errors';
import type { Db } from './db';

interface RoundRow { id: number; home_id: number; home_name: string; date: string; start_time: string; clinicians: string; capacity_minutes: number;
  status: RoundStatus; plan: string; created_at: string; updated_at: string }
interface ItemRow { id: number; round_id: number; resident_id: number; position: number; start_time: string | null; minutes: number; reasons: string;
  attendees: string; questions: string; notes: string | null; removed_at: string | null; removed_reason: string | null }

const EMPTY_ATTENDEES: Attendees = { resident: { attending: true, note: null }, representatives: [], careStaff: null };

function toItem(row: ItemRow): AgendaItem {
  const attendees = JSON.parse(row.attendees) as Partial<Attendees>;
  return {
    id: row.id, roundId: row.round_id, residentId: row.resident_id, position: row.position, start: row.start_time ?? '', minutes: row.minutes,
    reasons: JSON.parse(row.reasons) as RoundReason[], attendees: { ...EMPTY_ATTENDEES, ...attendees },
    questions: JSON.parse(row.questions) as Question[], notes: row.notes, removedAt: row.removed_at, removedReason: row.removed_reason,
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

export function insertRound(db: Db, round: NewRound): number {
  const now = new Date().toISOString();
  return Number(db.prepare(`INSERT INTO round (home_id, date, start_time, clinicians, capacity_minutes, plan, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(round.homeId, round.date, round.startTime, JSON.stringify(round.clinicians), round.capacityMinutes, JSON.stringify(round.plan), now, now)
    .lastInsertRowid);
}

export function insertItem(db: Db, roundId: number, item: NewItem): number {
  const existing = db.prepare('SELECT id FROM agenda_item WHERE round_id = ? AND resident_id = ?').get(roundId, item.residentId) as { id: number } | undefined;
  if (existing) {
    db.prepare(`UPDATE agenda_item SET position = ?, start_time = ?, minutes = ?, reasons = ?, attendees = ?, questions = ?, removed_at = NULL,
        removed_reason = NULL WHERE id = ?`)
      .run(item.position, item.start, item.minutes, JSON.stringify(item.reasons), JSON.stringify(item.attendees), JSON.stringify(item.questions), existing.id);
    return existing.id;
  }
  return Number(db.prepare(`INSERT INTO agenda_item (round_id, resident_id, position, start_time, minutes, reasons, attendees, questions)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(roundId, item.residentId, item.position, item.start, item.minutes, JSON.stringify(item.reasons), JSON.stringify(item.attendees),
      JSON.stringify(item.questions)).lastInsertRowid);
}

export function getRound(db: Db, id: number): Round {
  const row = db.prepare('SELECT r.*, h.name AS home_name FROM round r JOIN care_home h ON h.id = r.home_id WHERE r.id = ?').get(id) as RoundRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no round numbered ${id}.`);
  const items = (db.prepare('SELECT * FROM agenda_item WHERE round_id = ? ORDER BY position, id').all(id) as ItemRow[]).map(toItem);
  return {
    id: row.id, homeId: row.home_id, homeName: row.home_name, date: row.date, startTime: row.start_time, clinicians: JSON.parse(row.clinicians) as string[],
    capacityMinutes: row.capacity_minutes, status: row.status, plan: { notThisWeek: [], escalations: [], ...(JSON.parse(row.plan) as Partial<RoundPlanNotes>) },
    items: items.filter((i) => i.removedAt === null), removed: items.filter((i) => i.removedAt !== null), createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

export function getItem(db: Db, itemId: number): AgendaItem {
  const row = db.prepare('SELECT * FROM agenda_item WHERE id = ?').get(itemId) as ItemRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no agenda item numbered ${itemId}.`);
  return toItem(row);
}

export function listRounds(db: Db, homeId: number | null): RoundSummary[] {
  const rows = db.prepare(`SELECT r.id, r.home_id, h.name AS home_name, r.date, r.start_time, r.status, r.capacity_minutes,
        count(a.id) AS items,
        coalesce(sum(a.minutes), 0) + CASE WHEN count(a.id) > 0 THEN coalesce(json_extract(r.plan, '$.huddleMinutes'), 0) ELSE 0 END AS used
      FROM round r JOIN care_home h ON h.id = r.home_id LEFT JOIN agenda_item a ON a.round_id = r.id AND a.removed_at IS NULL
      WHERE (@homeId IS NULL OR r.home_id = @homeId) GROUP BY r.id ORDER BY r.date DESC, h.name, r.id DESC`)
    .all({ homeId }) as { id: number; home_id: number; home_name: string; date: string; start_time: string; status: RoundStatus; capacity_minutes: number;
      items: number; used: number }[];
  return rows.map((r) => ({ id: r.id, homeId: r.home_id, homeName: r.home_name, date: r.date, startTime: r.start_time, status: r.status,
    capacityMinutes: r.capacity_minutes, items: r.items, usedMinutes: r.used }));
}

/** Writes every current item's position, start and minutes (the slots follow from the round's start time). */
export function writeSlots(db: Db, slots: { id: number; position: number; start: string; minutes: number }[]): void {
  const update = db.prepare('UPDATE agenda_item SET position = ?, start_time = ?, minutes = ? WHERE id = ?');
  for (const s of slots) update.run(s.position, s.start, s.minutes, s.id);
}

export function markItemRemoved(db: Db, itemId: number, reason: string | null): void {
  db.prepare('UPDATE agenda_item SET removed_at = ?, removed_reason = ?, position = 0 WHERE id = ?').run(new Date().toISOString(), reason, itemId);
}

export function updateItemDetails(db: Db, itemId: number, details: { attendees?: Attendees; questions?: Question[]; notes?: string | null }): void {
  if (details.attendees) db.prepare('UPDATE agenda_item SET attendees = ? WHERE id = ?').run(JSON.stringify(details.attendees), itemId);
  if (details.questions) db.prepare('UPDATE agenda_item SET questions = ? WHERE id = ?').run(JSON.stringify(details.questions), itemId);
  if (details.notes !== undefined) db.prepare('UPDATE agenda_item SET notes = ? WHERE id = ?').run(details.notes, itemId);
}

export function updateRound(db: Db, id: number, fields: { status?: RoundStatus; startTime?: string; clinicians?: string[] }): void {
  const now = new Date().toISOString();
  if (fields.status) db.prepare('UPDATE round SET status = ?, updated_at = ? WHERE id = ?').run(fields.status, now, id);
  if (fields.startTime) db.prepare('UPDATE round SET start_time = ?, updated_at = ? WHERE id = ?').run(fields.startTime, now, id);
  if (fields.clinicians) db.prepare('UPDATE round SET clinicians = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(fields.clinicians), now, id);
}

/** Sets flags' status, only from the statuses given (so an addressed flag is never reopened by planning). */
/** Moves the round's flags from one of the given statuses to another; returns how many moved. */
export function moveFlagsOnRound(db: Db, flagIds: number[], status: 'open' | 'on-agenda' | 'addressed', from: string[]): number {
  const update = db.prepare(`UPDATE flag SET status = ?, updated_at = ? WHERE id = ? AND status IN (SELECT value FROM json_each(?))`);
  const now = new Date().toISOString();
  let n = 0;
  for (const id of flagIds) n += update.run(status, now, id, JSON.stringify(from)).changes;
  return n;
}

interface ActionRow { id: number; agenda_item_id: number | null; resident_id: number; decision: string | null; action: string | null;
  owner: OutcomeAction['owner']; due_date: string | null; status: OutcomeAction['status'] }

export function insertOutcome(db: Db, row: Omit<OutcomeAction, 'id'>): number {
  const now = new Date().toISOString();
  return Number(db.prepare(`INSERT INTO outcome_action (agenda_item_id, resident_id, decision, action, owner, due_date, status, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(row.agendaItemId, row.residentId, row.decision, row.action, row.owner, row.dueDate, row.status, now, now).lastInsertRowid);
}

export function setActionStatus(db: Db, ids: number[], residentId: number, status: 'done' | 'cancelled'): void {
  const update = db.prepare(`UPDATE outcome_action SET status = ?, updated_at = ? WHERE id = ? AND resident_id = ? AND status = 'open'`);
  const now = new Date().toISOString();
  for (const id of ids) update.run(status, now, id, residentId);
}

export function listOutcomes(db: Db, roundId: number): OutcomeAction[] {
  const rows = db.prepare(`SELECT o.* FROM outcome_action o JOIN agenda_item a ON a.id = o.agenda_item_id WHERE a.round_id = ? ORDER BY a.position, o.id`)
    .all(roundId) as ActionRow[];
  return rows.map((r) => ({ id: r.id, agendaItemId: r.agenda_item_id, residentId: r.resident_id, decision: r.decision, action: r.action, owner: r.owner,
    dueDate: r.due_date, status: r.status }));
}

/** A medication review done on a round (issue 5's schedule reads these rows). */
export function insertReviewDone(db: Db, review: { residentId: number; rule: string; roundId: number; doneOn: string; doneBy: string | null;
  outcome: string | null; reasons: RoundReason[] }): number {
  return Number(db.prepare(`INSERT INTO medication_review (resident_id, rule, reasons, status, round_id, done_on, done_by, outcome, source, created_at)
      VALUES (?, ?, ?, 'done', ?, ?, ?, ?, 'round', ?)`)
    .run(review.residentId, review.rule, JSON.stringify(review.reasons), review.roundId, review.doneOn, review.doneBy, review.outcome,
      new Date().toISOString()).lastInsertRowid);
}

/** Settings stored under a prefix ("round.") as raw strings, key without the prefix. */
export function readSettings(db: Db, prefix: string): Record<string, string> {
  const rows = db.prepare('SELECT key, value FROM setting WHERE substr(key, 1, length(?)) = ?').all(prefix, prefix) as { key: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.key.slice(prefix.length), r.value]));
}

export function writeSettings(db: Db, prefix: string, settings: Record<string, number>): void {
  const upsert = db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  for (const [key, value] of Object.entries(settings)) upsert.run(`${prefix}${key}`, String(value));
}
