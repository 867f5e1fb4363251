/** Shared by the import tests: fixture paths and a fingerprint of the clinical tables. */
import path from 'node:path';
import { withRaw } from '../helpers/rawDb';

export const FIXTURES = path.resolve(__dirname, '../fixtures/records');
export const fixture = (name: string) => path.join(FIXTURES, name);

/** Every row of the register and clinical tables (not batches or audit), for "nothing changed" checks; a SQLite file or a PostgreSQL URL. */
export function fingerprint(file: string): Promise<string> {
  return withRaw(file, async (db) => {
    const tables = ['care_home', 'resident', 'representative', 'medication', 'condition', 'clinical_event', 'advance_care_plan', 'medication_review'];
    const rows: unknown[] = [];
    for (const t of tables) {
      rows.push((await db.all<Record<string, unknown>>(`SELECT * FROM ${t} ORDER BY id`))
        .map((r) => { delete r.updated_at; delete r.source_batch_id; return r; }));
    }
    return JSON.stringify(rows);
  }, { readonly: true });
}

export function batchCount(file: string): Promise<number> {
  return withRaw(file, async (db) => Number(await db.value('SELECT count(*) AS n FROM import_batch')), { readonly: true });
}
