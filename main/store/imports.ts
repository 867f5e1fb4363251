/**
 * Import batches and their problems: generic helpers any importer uses (practice records, care-home
 * flags). Each batch row is written in the same transaction as the data it brought in.
 */
import type { ImportBatchInfo, ImportProblemInfo, ImportSummary } from '../../shared/domain/imports';
import { AppError } from '../../shared/errors';
import type { Db } from './db';

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

export function createBatch(db: Db, meta: BatchMeta): number {
  return Number(db.prepare(`INSERT INTO import_batch (kind, format, file_name, sha256, imported_at, imported_by)
      VALUES (?, ?, ?, ?, ?, ?)`).run(meta.kind, meta.format, meta.fileName, meta.sha256, new Date().toISOString(), meta.importedBy).lastInsertRowid);
}

/** Returns a function recording one problem of the batch (the statement prepared once). */
export function problemRecorder(db: Db, batchId: number): (p: ImportProblemInfo) => void {
  const insert = db.prepare('INSERT INTO import_problem (batch_id, line, field, reason, kind, nhs_number) VALUES (?, ?, ?, ?, ?, ?)');
  return (p) => {
    insert.run(batchId, p.line, p.field, p.reason, p.kind, p.nhsNumber);
  };
}

/** "Unmatched" rows are kept in the rows_queued column: they wait for the resident to be registered. */
export function finishBatch(db: Db, batchId: number, kind: string, counts: BatchCounts, summary: ImportSummary): void {
  db.prepare(`UPDATE import_batch SET kind = ?, rows_read = ?, rows_accepted = ?, rows_unchanged = ?, rows_rejected = ?, rows_queued = ?,
      summary = ? WHERE id = ?`)
    .run(kind, counts.read, counts.accepted, counts.unchanged, counts.rejected, counts.unmatched, JSON.stringify(summary), batchId);
}

/** The latest batch that brought in a file with this hash. */
export function findBatchBySha(db: Db, sha256: string): ImportBatchInfo | null {
  const row = db.prepare('SELECT * FROM import_batch WHERE sha256 = ? ORDER BY id DESC LIMIT 1').get(sha256) as BatchRow | undefined;
  return row ? toBatch(row) : null;
}

export function listBatches(db: Db, limit = 100): ImportBatchInfo[] {
  return (db.prepare('SELECT * FROM import_batch ORDER BY id DESC LIMIT ?').all(limit) as BatchRow[]).map(toBatch);
}

export function getBatch(db: Db, id: number): ImportBatchInfo {
  const row = db.prepare('SELECT * FROM import_batch WHERE id = ?').get(id) as BatchRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No import has the number ${id}`);
  return toBatch(row);
}

export function listProblems(db: Db, batchId: number, limit = 100_000): ImportProblemInfo[] {
  return (db.prepare('SELECT line, field, reason, kind, nhs_number FROM import_problem WHERE batch_id = ? ORDER BY id LIMIT ?').all(batchId, limit) as
    { line: string; field: string | null; reason: string; kind: ImportProblemInfo['kind']; nhs_number: string | null }[])
    .map((r) => ({ line: r.line, field: r.field, reason: r.reason, kind: r.kind, nhsNumber: r.nhs_number }));
}
