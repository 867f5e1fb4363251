/**
 * The round a practice can run (issue 12): each home's pharmacist minutes a week and usual clinician, and a
 * `visit` kind of clinical event (a GP or care-home visit from the practice record), so continuity counts
 * from the last time a resident was seen. SQLite cannot change a CHECK constraint in place, so the event
 * table is rebuilt with its rows, ids and index kept.
 */
import type { Migration } from './types';

export const roundPlanning: Migration = {
  version: 50,
  name: 'round planning: pharmacist minutes, usual clinician, visit events',
  async up(db) {
    await db.exec(`
ALTER TABLE care_home ADD COLUMN pharmacist_minutes INTEGER CHECK (pharmacist_minutes IS NULL OR pharmacist_minutes BETWEEN 0 AND 2400);
ALTER TABLE care_home ADD COLUMN round_clinician TEXT;

CREATE TABLE clinical_event_new (
  id INTEGER PRIMARY KEY,
  resident_id INTEGER NOT NULL REFERENCES resident (id),
  type TEXT NOT NULL CHECK (type IN ('admission', 'discharge', 'a-and-e', 'fall', 'death', 'visit', 'other')),
  date TEXT NOT NULL,
  details TEXT,
  source TEXT NOT NULL,
  source_batch_id INTEGER REFERENCES import_batch (id)
) STRICT;
INSERT INTO clinical_event_new (id, resident_id, type, date, details, source, source_batch_id)
  SELECT id, resident_id, type, date, details, source, source_batch_id FROM clinical_event;
DROP TABLE clinical_event;
ALTER TABLE clinical_event_new RENAME TO clinical_event;
CREATE INDEX clinical_event_resident ON clinical_event (resident_id, date);
`);
    if (db.engine === 'postgres') {
      // PostgreSQL only (SQLite is as shipped): the identity does not move past ids copied in explicitly, so
      // it starts after the highest one (a new database has no events; this keeps any other case safe).
      await db.exec(`SELECT setval(pg_get_serial_sequence('clinical_event', 'id'), coalesce((SELECT max(id) FROM clinical_event), 0) + 1, false)`);
    }
  },
};
