/** The practice, its staff and settings. */
import type { Practice, PracticeDetails, StaffMember } from '../../shared/domain/register';
import type { StaffRole } from '../../shared/domain/enums';
import type { SqlDb } from './sql/types';

type PracticeRow = { name: string; ods_code: string | null; is_demo: number; address: string | null; phone: string | null; email: string | null; sender: string | null };

export async function getPractice(db: SqlDb): Promise<PracticeDetails & { isDemo: boolean }> {
  const row = await db.get<PracticeRow>('SELECT name, ods_code, is_demo, address, phone, email, sender FROM practice WHERE id = 1');
  return row
    ? { name: row.name, odsCode: row.ods_code, isDemo: row.is_demo === 1, address: row.address, phone: row.phone, email: row.email, sender: row.sender }
    : { name: 'Your practice', odsCode: null, isDemo: false, address: null, phone: null, email: null, sender: null };
}

/** The contact details letters carry; the practice row is created (named "Your practice") if there is none yet. */
export async function savePracticeDetails(db: SqlDb, details: Omit<PracticeDetails, 'odsCode'>): Promise<void> {
  await db.run(`INSERT INTO practice (id, name, address, phone, email, sender) VALUES (1, @name, @address, @phone, @email, @sender)
      ON CONFLICT (id) DO UPDATE SET name = excluded.name, address = excluded.address, phone = excluded.phone, email = excluded.email, sender = excluded.sender`,
  { name: details.name, address: details.address, phone: details.phone, email: details.email, sender: details.sender });
}

export async function savePractice(db: SqlDb, practice: Practice, isDemo: boolean): Promise<void> {
  await db.run(`INSERT INTO practice (id, name, ods_code, is_demo) VALUES (1, @name, @ods, @demo)
      ON CONFLICT (id) DO UPDATE SET name = excluded.name, ods_code = excluded.ods_code, is_demo = excluded.is_demo`,
  { name: practice.name, ods: practice.odsCode, demo: isDemo ? 1 : 0 });
}

export async function listStaff(db: SqlDb): Promise<StaffMember[]> {
  return (await db.all<{ id: number; name: string; role: string; active: number }>('SELECT id, name, role, active FROM staff ORDER BY name'))
    .map((s) => ({ id: s.id, name: s.name, role: s.role as StaffRole, active: s.active === 1 }));
}

export async function insertStaff(db: SqlDb, name: string, role: StaffRole): Promise<number> {
  const id = await db.insert('INSERT INTO staff (name, role) VALUES (?, ?)', [name, role]);
  return id!;
}

/** True when the database holds nothing a person entered: no homes, residents or imports. */
export async function isEmpty(db: SqlDb): Promise<boolean> {
  const n = await db.value<number>(`SELECT (SELECT count(*) FROM care_home) + (SELECT count(*) FROM resident) + (SELECT count(*) FROM import_batch) AS n`);
  return n === 0;
}
