/**
 * Practice-records import: rows per second end to end (a medications CSV streamed into the store, one
 * transaction), against a raw better-sqlite3 prepared-insert loop of the same rows in one transaction,
 * and the import's peak memory (RSS, measured in a child process). For 5,000 patients / 100,000
 * medication rows, and for a file ten times larger (50,000 patients / 1,000,000 rows).
 */
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../main/store';
import { testNhsNumber } from '../main/services/demoData';
import { writeNdjson, writeRecordFiles, importInChild } from './records-data';



/** The same rows inserted with one prepared statement in one transaction: the ceiling. */
function rawInsert(dbFile: string, patients: number, rows: number): number {
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const ids = new Map<string, number>((db.prepare('SELECT nhs_number, id FROM resident').all() as { nhs_number: string; id: number }[]).map((r) => [r.nhs_number, r.id]));
  const insert = db.prepare(`INSERT INTO medication (resident_id, name, dose, start_date, type, status, last_issued, updated_at)
      VALUES (?, ?, ?, ?, 'repeat', 'active', ?, ?)`);
  const perPatient = Math.ceil(rows / patients);
  const now = new Date().toISOString();
  const began = performance.now();
  db.transaction(() => {
    for (let j = 0; j < rows; j++) {
      const id = ids.get(testNhsNumber((Math.floor(j / perPatient) % patients) * 7 + 1)) ?? 1;
      insert.run(id, `Medicine ${j % perPatient}`, 'One to be taken each day, with food', '2025-02-01', '2026-11-01', now);
    }
  })();
  const ms = performance.now() - began;
  db.close();
  return ms;
}

/** A copy of the database holding just the register, for one timed run. */
function fresh(base: string, dir: string, name: string): string {
  const file = path.join(dir, name);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  copyFileSync(base, file);
  return file;
}

async function one(patients: number, rows: number, repeats: number): Promise<string[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'roundtable-bench-'));
  try {
    const files = writeRecordFiles(dir, patients, rows);
    const base = path.join(dir, 'base.sqlite');
    (await openStore(base)).close();
    const p1 = importInChild(files.patients, base);
    const checkpoint = new Database(base);
    checkpoint.pragma('wal_checkpoint(TRUNCATE)');
    checkpoint.close();
    // best of n for both, interleaved, so a busy machine penalises neither side
    let meds = { ms: Infinity, maxRssMb: 0, read: 0, accepted: 0, rejected: 0 };
    let rawMs = Infinity;
    for (let i = 0; i < repeats; i++) {
      const run = importInChild(files.medications, fresh(base, dir, 'import.sqlite'));
      if (run.ms < meds.ms) meds = { ...run, maxRssMb: Math.max(run.maxRssMb, meds.maxRssMb) };
      else meds.maxRssMb = Math.max(run.maxRssMb, meds.maxRssMb);
      rawMs = Math.min(rawMs, rawInsert(fresh(base, dir, 'raw.sqlite'), patients, rows));
    }
    const importRate = meds.read / (meds.ms / 1000);
    const rawRate = rows / (rawMs / 1000);
    const mb = (statSync(files.medications).size / 1048576).toFixed(1);
    return [
      `records import: ${patients.toLocaleString('en-GB')} patients, ${rows.toLocaleString('en-GB')} medication rows (${mb} MB CSV), best of ${repeats}`,
      `  patients file: ${Math.round(p1.read / (p1.ms / 1000)).toLocaleString('en-GB')} rows/s, peak RSS ${p1.maxRssMb} MB`,
      `  medications file: ${Math.round(importRate).toLocaleString('en-GB')} rows/s end to end (${(meds.ms / 1000).toFixed(1)} s, ${meds.accepted.toLocaleString('en-GB')} accepted)`,
      `  raw prepared-insert loop: ${Math.round(rawRate).toLocaleString('en-GB')} rows/s; ratio ${(importRate / rawRate).toFixed(2)} (target ≥ 0.3)`,
      `  peak RSS of the import process: ${meds.maxRssMb} MB (target < 300 MB)`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A FHIR NDJSON bulk export (read twice: once to index patients, once to import), for memory as it grows. */
async function ndjson(patients: number, statements: number): Promise<string[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'roundtable-bench-'));
  try {
    const files = writeRecordFiles(dir, patients, 1);
    const file = writeNdjson(dir, patients, statements);
    const db = path.join(dir, 'fhir.sqlite');
    (await openStore(db)).close();
    importInChild(files.patients, db);
    const run = importInChild(file, db);
    const mb = (statSync(file).size / 1048576).toFixed(1);
    return [
      `FHIR NDJSON import: ${patients.toLocaleString('en-GB')} patients, ${statements.toLocaleString('en-GB')} MedicationStatements (${mb} MB)`,
      `  ${Math.round(run.read / (run.ms / 1000)).toLocaleString('en-GB')} resources/s end to end (${(run.ms / 1000).toFixed(1)} s, ${run.accepted.toLocaleString('en-GB')} accepted); peak RSS ${run.maxRssMb} MB`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<string[]> {
  const small = await one(5_000, 100_000, 3);
  const large = process.env.BENCH_QUICK ? [] : await one(50_000, 1_000_000, 1);
  const fhirSmall = await ndjson(5_000, 100_000);
  const fhirLarge = process.env.BENCH_QUICK ? [] : await ndjson(50_000, 1_000_000);
  return [...small, ...large, ...fhirSmall, ...fhirLarge];
}
