/**
 * Moving a practice between engines (a desktop's SQLite file to a shared PostgreSQL database, or back):
 * every table, parents first, in one transaction on the target, then the rows of each table counted on
 * both sides; any difference and nothing is kept. The target must be empty: a copy never merges.
 */
import { AppError } from '../../shared/errors';
import { writeAudit, type Actor } from './audit';
import type { Store } from './contract';
import type { Connection } from './sql/connection';
import type { SqlDb } from './sql/types';
import { ALL_TABLES, SELF_REFERENCES, type TableName } from './tables';

/** Rows read and written at a time: bounded memory for a PCN's records, few round trips. */
const CHUNK = 500;

/** A page of a table in key order, after the given key (tables keyed by id; `setting` by key). */
export async function readTablePage(db: SqlDb, table: TableName, after: number | string | null, limit: number): Promise<Record<string, unknown>[]> {
  const key = table === 'setting' ? 'key' : 'id';
  if (after === null) return db.all(`SELECT * FROM ${table} ORDER BY ${key} LIMIT ?`, [limit]);
  return db.all(`SELECT * FROM ${table} WHERE ${key} > ? ORDER BY ${key} LIMIT ?`, [after, limit]);
}

async function insertRows(db: SqlDb, table: TableName, rows: Record<string, unknown>[], nulled: string[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  const values = rows.flatMap((row) => columns.map((c) => (nulled.includes(c) ? null : row[c])));
  await db.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${rows.map(() => placeholders).join(', ')}`, values);
}

export async function copyInto(target: Connection, source: Store, actor: Actor): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  return target.transaction(async (db) => {
    for (const table of ALL_TABLES) {
      const n = Number(await db.value(`SELECT count(*) FROM ${table}`));
      if (n > 0) {
        throw new AppError('CONFLICT', `${target.location} already holds Roundtable data (${n} rows in ${table}). ` +
          'A copy goes only into an empty database, so nothing is merged or overwritten; nothing was changed.');
      }
    }
    for (const table of ALL_TABLES) {
      const selfRefs = SELF_REFERENCES[table] ?? [];
      const key = table === 'setting' ? 'key' : 'id';
      const later: { id: unknown; values: Record<string, unknown> }[] = [];
      let after: number | string | null = null;
      let copied = 0;
      for (;;) {
        const rows = await source.maintenance.readTable(table, after, CHUNK);
        if (rows.length === 0) break;
        await insertRows(db, table, rows, selfRefs);
        for (const row of rows) {
          const refs = Object.fromEntries(selfRefs.filter((c) => row[c] !== null && row[c] !== undefined).map((c) => [c, row[c]]));
          if (Object.keys(refs).length > 0) later.push({ id: row.id, values: refs });
        }
        copied += rows.length;
        after = rows.at(-1)?.[key] as number | string;
      }
      for (const { id, values } of later) {
        for (const [column, value] of Object.entries(values)) await db.run(`UPDATE ${table} SET ${column} = ? WHERE id = ?`, [value, id]);
      }
      if (db.engine === 'postgres' && key === 'id') {
        // identity columns: the next id follows the copied ones
        await db.value(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), coalesce((SELECT max(id) FROM ${table}), 0) + 1, false)`);
      }
      counts[table] = copied;
    }
    const sourceCounts = await source.maintenance.tableCounts();
    for (const table of ALL_TABLES) {
      const written = Number(await db.value(`SELECT count(*) FROM ${table}`));
      if (written !== sourceCounts[table] || written !== counts[table]) {
        throw new AppError('DATABASE', `The copy of ${table} does not match: ${sourceCounts[table] ?? 0} rows in ${source.location}, ${written} written. ` +
          'Nothing was kept; the target is as it was.');
      }
    }
    await writeAudit(db, actor, 'copy', 'database', null, `Copied the whole database from ${source.location}: ` +
      `${counts.resident ?? 0} residents, ${counts.care_home ?? 0} care homes, ${Object.values(counts).reduce((a, b) => a + b, 0)} rows in all`);
    return counts;
  }, { exclusive: true });
}
