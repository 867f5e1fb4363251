/**
 * Import batches and their problems: generic helpers any importer uses (practice records, care-home
 * flags). Each batch row is written in the same transaction as the data it brought in.
 */
import type { ImportBatchInfo, ImportProblemInfo, ImportSummary } from '../../shared/domain/imports';
import { AppError } from '../../shared/errors';
import type { SqlDb } from './sql/types';

export interface BatchMeta {
  kind: string;
  format: string;
  fileName: string;
  sha256: string;
  importedBy: string;
}

export interface BatchCounts {
  read: number;
  accepted: number;
  unchanged: number;
  rejected: number;
  unmatched: number;
}

interface BatchRow {
  id: number; kind: string; format: string; file_name: string; sha256: string; imported_at: string; imported_by: string;
  rows_read: number; rows_accepted: number; rows_unchanged: number; rows_rejected: number; rows_queued: number; summary: string;
}

function toBatch(row: BatchRow): ImportBatchInfo {
  let summary: ImportSummary = {};
  try {
    summary = JSON.parse(row.summary) as ImportSummary;
  } catch {
    // an unreadable summary shows as empty; the counts are in their own columns
  }
  return {
    id: row.id, kind: row.kind, format: row.format, fileName: row.file_name, sha256: row.sha256, importedAt: row.imported_at,
    importedBy: row.imported_by, read: row.rows_read, accepted: row.rows_accepted, unchanged: row.rows_unchanged,
    rejected: row.rows_rejected, unmatched: row.rows_queued, summary,
  };
}

export async function createBatch(db: SqlDb, meta: BatchMeta): Promise<number> {
  const id = await db.insert(`INSERT INTO import_batch (kind, format, file_name, sha256, imported_at, imported_by)
      VALUES (?, ?, ?, ?, ?, ?)`, [meta.kind, meta.format, meta.fileName, meta.sha256, new Date().toISOString(), meta.importedBy]);
  return id!;
}

/** Returns a function recording one problem of the batch (on SQLite the statement is prepared once, for its SQL text). */
export function problemRecorder(db: SqlDb, batchId: number): (p: ImportProblemInfo) => Promise<void> {
  return async (p) => {
    await db.run('INSERT INTO import_problem (batch_id, line, field, reason, kind, nhs_number) VALUES (?, ?, ?, ?, ?, ?)',
      [batchId, p.line, p.field, p.reason, p.kind, p.nhsNumber]);
  };
}

/** "Unmatched" rows are kept in the rows_queued column: they wait for the resident to be registered. */
export async function finishBatch(db: SqlDb, batchId: number, kind: string, counts: BatchCounts, summary: ImportSummary): Promise<void> {
  await db.run(`UPDATE import_batch SET kind = ?, rows_read = ?, rows_accepted = ?, rows_unchanged = ?, rows_rejected = ?, rows_queued = ?,
      summary = ? WHERE id = ?`,
  [kind, counts.read, counts.accepted, counts.unchanged, counts.rejected, counts.unmatched, JSON.stringify(summary), batchId]);
}

/** The latest batch that brought in a file with this hash. */
export async function findBatchBySha(db: SqlDb, sha256: string): Promise<ImportBatchInfo | null> {
  const row = await db.get<BatchRow>('SELECT * FROM import_batch WHERE sha256 = ? ORDER BY id DESC LIMIT 1', [sha256]);
  return row ? toBatch(row) : null;
}

export async function listBatches(db: SqlDb, limit = 100): Promise<ImportBatchInfo[]> {
  return (await db.all<BatchRow>('SELECT * FROM import_batch ORDER BY id DESC LIMIT ?', [limit])).map(toBatch);
}

export async function getBatch(db: SqlDb, id: number): Promise<ImportBatchInfo> {
  const row = await db.get<BatchRow>('SELECT * FROM import_batch WHERE id = ?', [id]);
  if (!row) throw new AppError('NOT_FOUND', `No import has the number ${id}`);
  return toBatch(row);
}

export async function listProblems(db: SqlDb, batchId: number, limit = 100_000): Promise<ImportProblemInfo[]> {
  return (await db.all<{ line: string; field: string | null; reason: string; kind: ImportProblemInfo['kind']; nhs_number: string | null }>(
    'SELECT line, field, reason, kind, nhs_number FROM import_problem WHERE batch_id = ? ORDER BY id LIMIT ?', [batchId, limit]))
    .map((r) => ({ line: r.line, field: r.field, reason: r.reason, kind: r.kind, nhsNumber: r.nhs_number }));
}
