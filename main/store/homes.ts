/** Care homes. */
import type { CareHome, CareHomeFields } from '../../shared/domain/register';
import type { WeekdayName, HomeType } from '../../shared/domain/enums';
import { AppError } from '../../shared/errors';
import { MAX_ROW_ID } from '../../shared/domain/register';
import type { SqlDb } from './sql/types';

interface HomeRow {
  id: number; name: string; type: string; cqc_location_id: string | null; address: string | null; phone: string | null;
  manager: string | null; round_day: string | null; round_start_time: string | null; round_capacity_minutes: number | null;
  pharmacist_minutes: number | null; round_clinician: string | null;
  created_at: string; updated_at: string; active_residents: number;
}

const SELECT = `SELECT h.*, (SELECT count(*) FROM resident r WHERE r.home_id = h.id AND r.status = 'active') AS active_residents
                FROM care_home h`;

function toHome(row: HomeRow): CareHome {
  return {
    id: row.id, name: row.name, type: row.type as HomeType, cqcLocationId: row.cqc_location_id, address: row.address,
    phone: row.phone, manager: row.manager, roundDay: row.round_day as WeekdayName | null, roundStartTime: row.round_start_time,
    roundCapacityMinutes: row.round_capacity_minutes, pharmacistMinutes: row.pharmacist_minutes ?? null,
    roundClinician: row.round_clinician ?? null, activeResidents: row.active_residents,
    createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

export async function listHomes(db: SqlDb): Promise<CareHome[]> {
  return (await db.all<HomeRow>(`${SELECT} ORDER BY h.name`)).map(toHome);
}

export async function getHome(db: SqlDb, id: number): Promise<CareHome> {
  const row = await db.get<HomeRow>(`${SELECT} WHERE h.id = ?`, [id]);
  if (!row) throw new AppError('NOT_FOUND', `No care home has the id ${id}`);
  return toHome(row);
}

/** Finds a home by id, exact name (any case) or CQC location id. */
export async function findHome(db: SqlDb, nameOrId: string): Promise<CareHome | null> {
  const trimmed = nameOrId.trim();
  const asId = /^\d{1,10}$/.test(trimmed) ? Number(trimmed) : null;
  const row = (asId !== null && asId <= MAX_ROW_ID ? await db.get<HomeRow>(`${SELECT} WHERE h.id = ?`, [asId]) : undefined)
    ?? await db.get<HomeRow>(`${SELECT} WHERE h.name = ? COLLATE NOCASE OR h.cqc_location_id = ?`, [trimmed, trimmed]);
  return row ? toHome(row) : null;
}

async function assertUnique(db: SqlDb, home: CareHomeFields, exceptId: number | null): Promise<void> {
  const clash = await db.get<{ id: number }>('SELECT id FROM care_home WHERE name = ? COLLATE NOCASE AND id IS DISTINCT FROM ?', [home.name, exceptId]);
  if (clash) throw new AppError('CONFLICT', `A care home called “${home.name}” is already registered`, [{ field: 'name', message: 'This name is already used by another home' }]);
  if (home.cqcLocationId) {
    const cqc = await db.get<{ name: string }>('SELECT name FROM care_home WHERE cqc_location_id = ? AND id IS DISTINCT FROM ?', [home.cqcLocationId, exceptId]);
    if (cqc) throw new AppError('CONFLICT', `The CQC location ID ${home.cqcLocationId} belongs to ${cqc.name}`, [{ field: 'cqcLocationId', message: 'This CQC location ID is already used' }]);
  }
}

const COLUMNS = (h: CareHomeFields) => ({
  name: h.name, type: h.type, cqc: h.cqcLocationId, address: h.address, phone: h.phone, manager: h.manager,
  roundDay: h.roundDay, roundStart: h.roundStartTime, capacity: h.roundCapacityMinutes,
  pharmacist: h.pharmacistMinutes ?? null, clinician: h.roundClinician ?? null,
});

export async function insertHome(db: SqlDb, home: CareHomeFields): Promise<number> {
  await assertUnique(db, home, null);
  const now = new Date().toISOString();
  const id = await db.insert(`INSERT INTO care_home (name, type, cqc_location_id, address, phone, manager, round_day, round_start_time,
      round_capacity_minutes, pharmacist_minutes, round_clinician, created_at, updated_at)
      VALUES (@name, @type, @cqc, @address, @phone, @manager, @roundDay, @roundStart, @capacity, @pharmacist, @clinician, @now, @now)`,
    { ...COLUMNS(home), now });
  return id!;
}

export async function updateHome(db: SqlDb, id: number, home: CareHomeFields): Promise<void> {
  await getHome(db, id);
  await assertUnique(db, home, id);
  await db.run(`UPDATE care_home SET name = @name, type = @type, cqc_location_id = @cqc, address = @address, phone = @phone,
      manager = @manager, round_day = @roundDay, round_start_time = @roundStart, round_capacity_minutes = @capacity,
      pharmacist_minutes = @pharmacist, round_clinician = @clinician, updated_at = @now
      WHERE id = @id`, { ...COLUMNS(home), now: new Date().toISOString(), id });
}
