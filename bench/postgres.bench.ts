/**
 * Shared mode on PostgreSQL, on a throwaway local cluster (tests/setup/postgres.ts; or ROUNDTABLE_TEST_PG):
 * - a records import of 100,000 medication rows for 5,000 patients, end to end (CSV streamed, validated,
 *   matched and written in one transaction), as a ratio to a raw COPY of the same rows into the same table
 *   (goal ≥ 0.3); best of 3, interleaved, each into a fresh copy of the same database;
 * - planning a PCN's week (50 homes, 2,000 residents) against PostgreSQL, end to end through the service.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createContext } from '../main/services/context';
import { planWeek } from '../main/services/rounds';
import { openStore } from '../main/store';
import { testNhsNumber } from '../main/services/demoData';
import { adminQuery, databaseUrl, startThrowawayPostgres } from '../tests/setup/postgres';
import { generatePcn } from './pcn';
import { writeRecordFiles, importInChild } from './records-data';

const TODAY = '2026-11-23';

/** A fresh database of that name (dropped first when a given server kept one from an earlier run). */
async function recreate(base: string, name: string, template?: string): Promise<string> {
  await adminQuery(base, `DROP DATABASE IF EXISTS ${name}`, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  return databaseUrl(base, name);
}


/** The same rows as the medications file, streamed with COPY into the same table: the ceiling. */
async function rawCopy(url: string, patients: number, rows: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ids = new Map<string, number>((await client.query<{ nhs_number: string; id: number }>('SELECT nhs_number, id FROM resident')).rows
      .map((r) => [r.nhs_number, Number(r.id)]));
    const perPatient = Math.ceil(rows / patients);
    const now = new Date().toISOString();
    const began = performance.now();
    await client.query('BEGIN');
    // the same rows as the import stores: each names its import batch (a foreign key checked per row, as the import's are)
    const batch = (await client.query<{ id: number }>(`INSERT INTO import_batch (kind, format, file_name, sha256, imported_at, imported_by)
      VALUES ('medications', 'csv', 'medications.csv', 'bench', $1, 'bench') RETURNING id`, [now])).rows[0]?.id;
    const lines = function* () {
      let chunk = '';
      for (let j = 0; j < rows; j++) {
        const id = ids.get(testNhsNumber((Math.floor(j / perPatient) % patients) * 7 + 1)) ?? 1;
        chunk += `${id}\tMedicine ${j % perPatient}\tOne to be taken each day, with food\t2025-02-01\trepeat\tactive\t\\N\t2026-11-01\t\\N\t${batch}\t${now}\n`;
        if (chunk.length > 1 << 16) { yield chunk; chunk = ''; }
      }
      if (chunk) yield chunk;
    };
    await pipeline(Readable.from(lines()), client.query(copyFrom(
      'COPY medication (resident_id, name, dose, start_date, type, status, stopped_on, last_issued, as_needed, source_batch_id, updated_at) FROM STDIN')));
    await client.query('COMMIT');
    return performance.now() - began;
  } finally {
    await client.end();
  }
}

async function importBench(base: string): Promise<string[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'roundtable-bench-'));
  const patients = 5_000;
  const rows = 100_000;
  try {
    const files = writeRecordFiles(dir, patients, rows);
    const baseUrl = await recreate(base, 'bench_base');
    await (await openStore(baseUrl)).close();
    importInChild(files.patients, baseUrl);
    let best = { ms: Infinity, read: 0, accepted: 0, maxRssMb: 0, rejected: 0 };
    let copyMs = Infinity;
    for (let i = 0; i < 3; i++) {
      const run = importInChild(files.medications, await recreate(base, `bench_import_${i}`, 'bench_base'));
      if (run.ms < best.ms) best = run;
      copyMs = Math.min(copyMs, await rawCopy(await recreate(base, `bench_copy_${i}`, 'bench_base'), patients, rows));
    }
    const importRate = best.read / (best.ms / 1000);
    const copyRate = rows / (copyMs / 1000);
    return [
      `records import into PostgreSQL: ${patients.toLocaleString('en-GB')} patients, ${rows.toLocaleString('en-GB')} medication rows, best of 3`,
      `  import end to end: ${Math.round(importRate).toLocaleString('en-GB')} rows/s (${(best.ms / 1000).toFixed(1)} s, ${best.accepted.toLocaleString('en-GB')} accepted, peak RSS ${best.maxRssMb} MB)`,
      `  raw COPY of the same rows: ${Math.round(copyRate).toLocaleString('en-GB')} rows/s (${(copyMs / 1000).toFixed(2)} s)`,
      `  ratio ${(importRate / copyRate).toFixed(2)} (goal ≥ 0.3)`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function weekBench(base: string): Promise<string[]> {
  const store = await openStore(await recreate(base, 'bench_pcn'));
  try {
    const ctx = createContext(store, { today: TODAY, actor: { osUser: 'bench', staffId: null } });
    let t = performance.now();
    await generatePcn(store, { homes: 50, perHome: 40, seed: 7, today: TODAY });
    const generated = performance.now() - t;
    t = performance.now();
    const snapshots = await store.snapshots.load();
    const loaded = performance.now() - t;
    t = performance.now();
    const planned = await planWeek(ctx, { from: '2026-11-24' });
    const week = performance.now() - t;
    return [
      `a PCN on PostgreSQL: 50 homes, ${snapshots.length.toLocaleString('en-GB')} residents (generated in ${(generated / 1000).toFixed(1)} s)`,
      `  loading every resident's record for the rules: ${loaded.toFixed(0)} ms`,
      `  plan --week as a service (snapshots, rules, planner, ${planned.planned.length} rounds saved with ` +
        `${planned.planned.reduce((n, p) => n + p.round.items.length, 0)} items): ${week.toFixed(0)} ms`,
    ];
  } finally {
    await store.close();
  }
}

export async function run(): Promise<string[]> {
  const given = process.env.ROUNDTABLE_TEST_PG;
  const cluster = given ? null : await startThrowawayPostgres();
  const base = given ?? cluster?.url ?? '';
  try {
    return [...(await importBench(base)), ...(await weekBench(base))];
  } finally {
    cluster?.stop();
  }
}
