/** Shared by the import tests: fixture paths and a fingerprint of the clinical tables. */
import path from 'node:path';
import Database from 'better-sqlite3';

export const FIXTURES = path.resolve(__dirname, '../fixtures/records');
export const fixture = (name: string) => path.join(FIXTURES, name);

/** Every row of the register and clinical tables (not batches or audit), for "nothing changed" checks. */
export function fingerprint(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const tables = ['care_home', 'resident', 'representative', 'medication', 'condition', 'clinical_event', 'advance_care_plan', 'medication_review'];
    return JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY id`).all()
      .map((row) => { const r = row as Record<string, unknown>; delete r.updated_at; delete r.source_batch_id; return r; })));
  } finally {
    db.close();
  }
}

export function batchCount(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM import_batch').get() as { n: number }).n;
  } finally {
    db.close();
  }
}
