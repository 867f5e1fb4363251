/**
 * Flags from care homes: intake in one transaction with its import batch, the unmatched queue's
 * decisions, the lifecycle and the same-day escalation record. Who did what comes from the audit trail,
 * written in the same transaction as each change.
 */
import type { FlagCandidate, FlagView } from '../../shared/domain/flags';
import type { NewFlag } from '../../shared/domain/clinical';
import type { FlagSeverity, FlagStatus } from '../../shared/domain/enums';
import type { MatchableResident, UnmatchedReason } from '../../shared/rules/flagMatching';
import { AppError } from '../../shared/errors';
import type { SqlDb } from './sql/types';
import { flagNaturalKey } from './records';

/** A flag ready to store: matched (residentId) or queued (unmatched with candidates). */
export interface FlagToStore extends NewFlag {
  severityReason: string | null;
  unmatched: { reason: UnmatchedReason; explanation: string; candidateIds: number[] } | null;
}

export interface FlagQuery {
  homeId?: number | undefined;
  status?: FlagStatus | undefined;
  severity?: FlagSeverity | undefined;
  residentId?: number | undefined;
  /** true: only the unmatched queue (not dismissed); false: only flags on a resident; undefined: both (not dismissed). */
  unmatched?: boolean | undefined;
  /** Escalate-now flags with no same-day action recorded (in any state, dismissed or not). */
  needsEscalation?: boolean | undefined;
  ids?: number[] | undefined;
}

interface FlagRow {
  id: number; home_id: number; home_name: string; resident_id: number | null; resident_family: string | null; resident_given: string | null;
  resident_nhs: string | null; raw_identity: string; raised_on: string; raised_by: string | null; category: FlagView['category'];
  category_original: string | null; severity: FlagSeverity; severity_reason: string | null; home_severity: string | null; text: string; scores: string; source: string;
  source_batch_id: number | null; source_file: string | null; entered_by: string | null; status: FlagStatus; match_method: string | null;
  unmatched_reason: string | null; candidates: string; dismissed_at: string | null; dismissed_reason: string | null;
  escalation_action: string | null; escalation_action_at: string | null; escalation_by: string | null; outcome: string | null; created_at: string;
  version: number;
}

const SELECT = `SELECT f.*, h.name AS home_name, r.family_name AS resident_family, r.given_name AS resident_given, r.nhs_number AS resident_nhs,
    b.file_name AS source_file,
    (SELECT a.os_user FROM audit_event a WHERE a.entity = 'flag' AND a.entity_id = f.id AND a.action IN ('create', 'import') ORDER BY a.id LIMIT 1) AS entered_by,
    (SELECT a.os_user FROM audit_event a WHERE a.entity = 'flag' AND a.entity_id = f.id AND a.action = 'escalation-action' ORDER BY a.id DESC LIMIT 1) AS escalation_by
  FROM flag f JOIN care_home h ON h.id = f.home_id LEFT JOIN resident r ON r.id = f.resident_id LEFT JOIN import_batch b ON b.id = f.source_batch_id`;

/** unmatched_reason holds "code: explanation". */
function splitReason(value: string | null): { reason: UnmatchedReason | null; explanation: string | null } {
  if (value === null) return { reason: null, explanation: null };
  const at = value.indexOf(': ');
  return at < 0 ? { reason: value as UnmatchedReason, explanation: null } : { reason: value.slice(0, at) as UnmatchedReason, explanation: value.slice(at + 2) };
}

async function candidatesOf(db: SqlDb, ids: number[]): Promise<FlagCandidate[]> {
  if (ids.length === 0) return [];
  const found: FlagCandidate[] = [];
  for (const id of ids) {
    const row = await db.get<{ id: number; nhs_number: string; family_name: string; given_name: string; preferred_name: string | null;
      date_of_birth: string; room: string | null; home_name: string }>(`SELECT r.id, r.nhs_number, r.family_name, r.given_name, r.preferred_name,
        r.date_of_birth, r.room, h.name AS home_name
      FROM resident r JOIN care_home h ON h.id = r.home_id WHERE r.id = ?`, [id]);
    if (row) {
      found.push({ id: row.id, nhsNumber: row.nhs_number, familyName: row.family_name, givenName: row.given_name, preferredName: row.preferred_name,
        dateOfBirth: row.date_of_birth, room: row.room, homeName: row.home_name });
    }
  }
  return found;
}

async function toView(db: SqlDb, row: FlagRow, isWaiting: (f: { status: FlagStatus; raisedOn: string }) => boolean): Promise<FlagView> {
  const { reason, explanation } = splitReason(row.unmatched_reason);
  const unmatched = row.resident_id === null;
  return {
    id: row.id, homeId: row.home_id, homeName: row.home_name, residentId: row.resident_id, unmatched,
    residentName: row.resident_family === null ? null : `${row.resident_given ?? ''} ${row.resident_family}`.trim(),
    residentNhsNumber: row.resident_nhs, rawIdentity: JSON.parse(row.raw_identity) as Record<string, string | null>,
    raisedOn: row.raised_on, raisedBy: row.raised_by, category: row.category, categoryOriginal: row.category_original, severity: row.severity,
    severityReason: row.severity_reason, homeSeverity: row.home_severity, text: row.text, scores: JSON.parse(row.scores) as FlagView['scores'], source: row.source,
    sourceBatchId: row.source_batch_id, sourceFile: row.source_file, enteredBy: row.entered_by, status: row.status, matchMethod: row.match_method,
    unmatchedReason: unmatched ? reason : null, unmatchedExplanation: unmatched ? explanation : null,
    candidates: unmatched ? await candidatesOf(db, JSON.parse(row.candidates) as number[]) : [],
    dismissedAt: row.dismissed_at, dismissedReason: row.dismissed_reason, escalationAction: row.escalation_action,
    escalationActionAt: row.escalation_action_at, escalationActionBy: row.escalation_action === null ? null : row.escalation_by,
    outcome: row.outcome, waiting: !unmatched && isWaiting({ status: row.status, raisedOn: row.raised_on }), createdAt: row.created_at, version: row.version,
  };
}

export async function listFlags(db: SqlDb, q: FlagQuery, isWaiting: (f: { status: FlagStatus; raisedOn: string }) => boolean): Promise<FlagView[]> {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.homeId !== undefined) { where.push('f.home_id = @homeId'); params.homeId = q.homeId; }
  if (q.status !== undefined) { where.push('f.status = @status'); params.status = q.status; }
  if (q.severity !== undefined) { where.push('f.severity = @severity'); params.severity = q.severity; }
  if (q.residentId !== undefined) { where.push('f.resident_id = @residentId'); params.residentId = q.residentId; }
  if (q.needsEscalation) {
    // Whatever else happened to it (dismissed, addressed), the banner stays until the same-day action is recorded.
    where.push("f.severity = 'escalate-now' AND f.escalation_action IS NULL");
  } else if (q.unmatched === true) where.push('f.resident_id IS NULL AND f.dismissed_at IS NULL');
  else if (q.unmatched === false) where.push('f.resident_id IS NOT NULL');
  else where.push('f.dismissed_at IS NULL');
  if (q.ids !== undefined) where.push(`f.id IN (${q.ids.map((id) => Number(id)).join(',') || 'NULL'})`);
  const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY CASE f.severity WHEN 'escalate-now' THEN 0 WHEN 'urgent' THEN 1 WHEN 'high' THEN 2 WHEN 'medium' THEN 3 ELSE 4 END, f.raised_on DESC, f.id DESC`;
  const views: FlagView[] = [];
  for (const row of await db.all<FlagRow>(sql, params)) views.push(await toView(db, row, isWaiting));
  return views;
}

export async function getFlag(db: SqlDb, id: number, isWaiting: (f: { status: FlagStatus; raisedOn: string }) => boolean): Promise<FlagView> {
  const row = await db.get<FlagRow>(`${SELECT} WHERE f.id = ?`, [id]);
  if (!row) throw new AppError('NOT_FOUND', `No flag has the id ${id}`);
  return toView(db, row, isWaiting);
}

/** Everyone on the register, for matching (the matcher decides who counts). */
export async function matchableResidents(db: SqlDb): Promise<MatchableResident[]> {
  return (await db.all<{ id: number; nhs_number: string; family_name: string; given_name: string; preferred_name: string | null; date_of_birth: string;
    home_id: number; status: MatchableResident['status'] }>(
    'SELECT id, nhs_number, family_name, given_name, preferred_name, date_of_birth, home_id, status FROM resident ORDER BY id'))
    .map((r) => ({ id: r.id, nhsNumber: r.nhs_number, familyName: r.family_name, givenName: r.given_name, preferredName: r.preferred_name,
      dateOfBirth: r.date_of_birth, homeId: r.home_id, status: r.status }));
}

/** Stores one flag; null when the same flag (natural key) is already stored. */
export async function storeFlag(db: SqlDb, flag: FlagToStore, source: 'import' | 'entered', batchId: number | null): Promise<number | null> {
  const now = new Date().toISOString();
  return db.insert(`INSERT INTO flag (home_id, resident_id, raw_identity, raised_on, raised_by, category, category_original, severity,
      severity_reason, text, scores, source, source_batch_id, match_method, unmatched_reason, candidates, natural_key, created_at, updated_at, home_severity)
      VALUES (@homeId, @residentId, @raw, @raisedOn, @raisedBy, @category, @categoryOriginal, @severity, @severityReason, @text, @scores, @source,
      @batchId, @matchMethod, @unmatchedReason, @candidates, @key, @now, @now, @homeSeverity) ON CONFLICT (natural_key) DO NOTHING`, {
      homeId: flag.homeId, residentId: flag.residentId, raw: JSON.stringify(flag.rawIdentity), raisedOn: flag.raisedOn, raisedBy: flag.raisedBy,
      category: flag.category, categoryOriginal: flag.categoryOriginal ?? null, severity: flag.severity, severityReason: flag.severityReason,
      text: flag.text, scores: JSON.stringify(flag.scores ?? {}), source, batchId, matchMethod: flag.matchMethod ?? null,
      unmatchedReason: flag.unmatched ? `${flag.unmatched.reason}: ${flag.unmatched.explanation}` : null,
      candidates: JSON.stringify(flag.unmatched?.candidateIds ?? []), key: flagNaturalKey(flag), now, homeSeverity: flag.homeSeverity ?? null,
    });
}

/** What a person may change on a flag: its resident (matching), lifecycle, severity, same-day action, dismissal. */
export interface FlagChange {
  residentId?: number;
  matchMethod?: string;
  status?: FlagStatus;
  outcome?: string;
  severity?: FlagSeverity;
  severityReason?: string;
  escalationAction?: string;
  escalationActionAt?: string;
  dismissedReason?: string;
}

const CHANGE_COLUMNS: Record<keyof FlagChange, string> = {
  residentId: 'resident_id', matchMethod: 'match_method', status: 'status', outcome: 'outcome', severity: 'severity', severityReason: 'severity_reason',
  escalationAction: 'escalation_action', escalationActionAt: 'escalation_action_at', dismissedReason: 'dismissed_reason',
};

/**
 * Applies a change to the flag if it is still at `version`, raising its version. Returns false when the flag
 * has moved on since (another desktop saved first): the caller refuses rather than overwrite that.
 */
export async function updateFlag(db: SqlDb, id: number, version: number, change: FlagChange): Promise<boolean> {
  const now = new Date().toISOString();
  const keys = (Object.keys(change) as (keyof FlagChange)[]).filter((k) => change[k] !== undefined);
  const sets = keys.map((k) => `${CHANGE_COLUMNS[k]} = ?`);
  const values: unknown[] = keys.map((k) => change[k]);
  if (change.dismissedReason !== undefined) { sets.push('dismissed_at = ?'); values.push(now); }
  const result = await db.run(`UPDATE flag SET ${[...sets, 'updated_at = ?', 'version = version + 1'].join(', ')} WHERE id = ? AND version = ?`,
    [...values, now, id, version]);
  return result.changes === 1;
}

export async function batchNames(db: SqlDb, ids: number[]): Promise<Map<number, { fileName: string; importedAt: string; importedBy: string }>> {
  const map = new Map<number, { fileName: string; importedAt: string; importedBy: string }>();
  for (const id of new Set(ids)) {
    const row = await db.get<{ id: number; file_name: string; imported_at: string; imported_by: string }>(
      'SELECT id, file_name, imported_at, imported_by FROM import_batch WHERE id = ?', [id]);
    if (row) map.set(row.id, { fileName: row.file_name, importedAt: row.imported_at, importedBy: row.imported_by });
  }
  return map;
}
