/**
 * Medication reviews (issue 5): the medicines changed at a review, and a record of each computed review
 * schedule with the rules version and the settings in force when it was worked out.
 */
import type { Migration } from './types';

export const medicationReviews: Migration = {
  version: 40,
  name: 'medication reviews: medicines changed, schedule runs',
  async up(db) {
    await db.exec(`
ALTER TABLE medication_review ADD COLUMN medicines_changed TEXT;

CREATE TABLE review_schedule_run (
  id INTEGER PRIMARY KEY,
  computed_at TEXT NOT NULL,
  today TEXT NOT NULL,
  home_id INTEGER REFERENCES care_home (id),
  rules_version TEXT NOT NULL,
  settings TEXT NOT NULL,
  items INTEGER NOT NULL,
  placed INTEGER NOT NULL,
  unplaced INTEGER NOT NULL
) STRICT;
CREATE INDEX review_schedule_run_at ON review_schedule_run (computed_at);
`);
  },
};
