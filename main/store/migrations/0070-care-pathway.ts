/**
 * The care pathway (issue 14): the personalised care and support plan (PCSP) as a record of its own —
 * written, reviewed, by whom, next review — and the steps of the end-of-life pathway once a GSF C/D or a
 * surprise question "no" has opened it (anticipatory medicines prescribed or declined, the conversation with
 * the resident and family, the care home holding the plan). Both are added to, never edited. A flag keeps the
 * severity the care home wrote, word for word.
 */
import type { Migration } from './types';

export const carePathway: Migration = {
  version: 70,
  name: 'care pathway: care and support plans, end-of-life steps',
  async up(db) {
    await db.exec(`
CREATE TABLE support_plan (
  id INTEGER PRIMARY KEY,
  resident_id INTEGER NOT NULL REFERENCES resident (id),
  kind TEXT NOT NULL CHECK (kind IN ('created', 'reviewed')),
  date TEXT NOT NULL,
  done_by TEXT,
  next_review TEXT,
  source TEXT NOT NULL,
  source_batch_id INTEGER REFERENCES import_batch (id),
  created_at TEXT NOT NULL,
  UNIQUE (resident_id, kind, date)
) STRICT;
CREATE INDEX support_plan_resident ON support_plan (resident_id, date);

CREATE TABLE end_of_life_step (
  id INTEGER PRIMARY KEY,
  resident_id INTEGER NOT NULL REFERENCES resident (id),
  step TEXT NOT NULL CHECK (step IN ('anticipatory-medicines', 'conversation', 'plan-with-home')),
  outcome TEXT NOT NULL CHECK (outcome IN ('done', 'declined')),
  recorded_on TEXT NOT NULL,
  done_by TEXT,
  notes TEXT,
  source TEXT NOT NULL,
  source_batch_id INTEGER REFERENCES import_batch (id),
  created_at TEXT NOT NULL,
  UNIQUE (resident_id, step, outcome, recorded_on)
) STRICT;
CREATE INDEX end_of_life_step_resident ON end_of_life_step (resident_id, recorded_on);

-- The severity exactly as the care home wrote it ("Amber", "Red"); the derived severity is never lower.
ALTER TABLE flag ADD COLUMN home_severity TEXT;
`);
  },
};
