/**
 * The practice's contact details for letters (issue 15): address, phone, email and the name letters are
 * signed with. Empty until the practice enters them (Settings, or `practice` on the command line).
 */
import type { Migration } from './types';

export const practiceDetails: Migration = {
  version: 80,
  name: 'practice details: address, phone, email, sender',
  async up(db) {
    await db.exec(`
ALTER TABLE practice ADD COLUMN address TEXT;
ALTER TABLE practice ADD COLUMN phone TEXT;
ALTER TABLE practice ADD COLUMN email TEXT;
ALTER TABLE practice ADD COLUMN sender TEXT;
`);
  },
};
