/**
 * Shared mode (issue 17): several desktops on one database.
 * - One round per home per day is the schema's own rule (a UNIQUE index), so two desktops planning the same
 *   home and day get one round between them. Rounds already doubled up before this release are kept, the
 *   later ones marked as duplicates of the first, so nothing is lost and the index can hold.
 * - Agenda items and flags carry a version, raised by every edit, so a save made from an older copy is told
 *   the row changed instead of silently overwriting it.
 * - The audit names the machine as well as the person.
 */
import type { Migration } from './types';

export const sharedMode: Migration = {
  version: 100,
  name: 'shared mode: one round per home and day, versions on agenda items and flags, machine in the audit',
  async up(db) {
    await db.exec(`
ALTER TABLE round ADD COLUMN duplicate_of INTEGER REFERENCES round (id);
UPDATE round SET duplicate_of = (SELECT min(o.id) FROM round o WHERE o.home_id = round.home_id AND o.date = round.date)
  WHERE id > (SELECT min(o.id) FROM round o WHERE o.home_id = round.home_id AND o.date = round.date);
CREATE UNIQUE INDEX round_one_per_home_day ON round (home_id, date) WHERE duplicate_of IS NULL;
ALTER TABLE agenda_item ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE flag ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE audit_event ADD COLUMN machine TEXT;
`);
  },
};
