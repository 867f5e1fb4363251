/**
 * Medicines taken as required or kept just in case (issue 13): a column saying so, filled on import from
 * the dose text, a column of the export or FHIR `dosage.asNeeded`. Medicines already stored are marked from
 * their product and dose text with the wording of this release (frozen here, as a shipped migration is
 * never edited; the rules also read the text, so nothing is lost if the wording grows later).
 */
import type { Migration } from './types';

const JUST_IN_CASE = /\b(just[\s-]*in[\s-]*case|anticipatory|jic)\b/i;
const AS_REQUIRED = /\b(p\.?r\.?n|when required|as required|if required|when needed|as needed|if needed|when necessary|as necessary)\b/i;
const INJECTION = /\b(injections?|inj|subcut(aneous(ly)?)?|s\/c|syringe driver|csci|intramuscular(ly)?|intravenous(ly)?)\b/i;

export const medicationAsNeeded: Migration = {
  version: 60,
  name: 'medication: as required or just in case',
  async up(db) {
    await db.exec(`ALTER TABLE medication ADD COLUMN as_needed TEXT CHECK (as_needed IN ('as-required', 'just-in-case'));`);
    const rows = await db.all<{ id: number; name: string; dose: string | null }>('SELECT id, name, dose FROM medication');
    for (const r of rows) {
      const text = `${r.name} ${r.dose ?? ''}`;
      const value = JUST_IN_CASE.test(text) ? 'just-in-case' : AS_REQUIRED.test(text) ? (INJECTION.test(text) ? 'just-in-case' : 'as-required') : null;
      if (value !== null) await db.run('UPDATE medication SET as_needed = ? WHERE id = ?', [value, r.id]);
    }
  },
};
