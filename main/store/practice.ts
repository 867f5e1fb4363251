/** The practice, its staff and settings. */
import type { Practice, PracticeDetails, StaffMember } from '../../shared/domain/register';
import type { StaffRole } from '../../shared/domain/enums';
import type { Db } from './db';

type PracticeRow = { name: string; ods_code: string | null; is_demo: number; address: string | null; phone: string | null; email: string | null; sender: string | null };

export function getPractice(db: Db): PracticeDetails & { isDemo: boolean } {
  const row = db.prepare('SELECT name, ods_code, is_demo, address, phone, email, sender FROM practice WHERE id = 1').get() as PracticeRow | undefined;
  return row
    ? { name: row.name, odsCode: row.ods_code, isDemo: row.is_demo === 1, address: row.address, phone: row.phone, email: row.email, sender: row.sender }
    : { name: 'Your practice', odsCode: null, isDemo: false, address: null, phone: null, email: null, sender: null };
}

/** The contact details letters carry; the practice row is created (named "Your practice") if there is none yet. */
export function savePracticeDetails(db: Db, details: Omit<PracticeDetails, 'odsCode'>): void {
  db.prepare(`INSERT INTO practice (id, name, address, phone, email, sender) VALUES (1, @name, @address, @phone, @email, @sender)
      ON CONFLICT (id) DO UPDATE SET name = excluded.name, address = excluded.address, phone = excluded.phone, email = excluded.email, sender = excluded.sender`)
    .run(details);
}

export function savePractice(db: Db, practice: Practice, isDemo: boolean): void {
  db.prepare(`INSERT INTO practice (id, name, ods_code, is_demo) VALUES (1, @name, @ods, @demo)
      ON CONFLICT (id) DO UPDATE SET name = excluded.name, ods_code = excluded.ods_code, is_demo = excluded.is_demo`)
    .run({ name: practice.name, ods: practice.odsCode, demo: isDemo ? 1 : 0 });
}

export function listStaff(db: Db): StaffMember[] {
  return (db.prepare('SELECT id, name, role, active FROM staff ORDER BY name').all() as { id: number; name: string; role: string; active: number }[])
    .map((s) => ({ id: s.id, name: s.name, role: s.role as StaffRole, active: s.active === 1 }));
}

export function insertStaff(db: Db, name: string, role: StaffRole): number {
  return Number(db.prepare('INSERT INTO staff (name, role) VALUES (?, ?)').run(name, role).lastInsertRowid);
}

/** True when the database holds nothing a person entered: no homes, residents or imports. */
export function isEmpty(db: Db): boolean {
  const row = db.prepare(`SELECT (SELECT count(*) FROM care_home) + (SELECT count(*) FROM resident) + (SELECT count(*) FROM import_batch) AS n`).get() as { n: number };
  return row.n === 0;
}
