/**
 * Laboratory results and measurements (issue 13, gap 13): creatinine clearance, eGFR, serum creatinine and
 * weight from the practice export's `results` kind, so the DOAC dose can be checked against kidney function.
 * One row per resident, test and day: a re-import of the same result leaves it as it was (a corrected value
 * for the same day replaces it). `IF NOT EXISTS`, so the same table can be registered again under a later
 * number if a database already past this number needs it.
 */
import type { Migration } from './types';

export const labResults: Migration = {
  version: 90,
  name: 'laboratory results: creatinine clearance, eGFR, creatinine, weight',
  async up(db) {
    await db.exec(`
CREATE TABLE IF NOT EXISTS lab_result (
  id INTEGER PRIMARY KEY,
  resident_id INTEGER NOT NULL REFERENCES resident (id),
  test TEXT NOT NULL CHECK (test IN ('crcl', 'egfr', 'creatinine', 'weight')),
  value REAL NOT NULL CHECK (value > 0),
  comparator TEXT CHECK (comparator IN ('<', '>')),
  unit TEXT NOT NULL,
  date TEXT NOT NULL,
  name_as_written TEXT NOT NULL,
  source TEXT NOT NULL,
  source_batch_id INTEGER REFERENCES import_batch (id),
  created_at TEXT NOT NULL,
  UNIQUE (resident_id, test, date)
) STRICT;
CREATE INDEX IF NOT EXISTS lab_result_resident ON lab_result (resident_id, test, date);
`);
  },
};
