/** Residents and their representatives. */
import type { Representative, RepresentativeFields, Resident, ResidentFields } from '../../shared/domain/register';
import type { ContactPreference, FlagCategory, FlagSeverity, ResidentStatus, Sex } from '../../shared/domain/enums';
import { AppError } from '../../shared/errors';
import { formatNhsNumber } from '../../shared/rules/nhsNumber';
import { searchKey } from '../../shared/text';
import type { ResidentSort } from '../../shared/domain/lists';
import type { SqlDb } from './sql/types';

interface ResidentRow {
  id: number; nhs_number: string; family_name: string; given_name: string; preferred_name: string | null; date_of_birth: string;
  sex: string; home_id: number; home_name: string; room: string | null; admission_date: string | null; status: string;
  status_date: string | null; frailty: number | null; dementia: number; communication_needs: string | null;
  capacity_notes: string | null; what_matters: string | null; created_at: string; updated_at: string;
}

const SELECT = `SELECT r.*, h.name AS home_name FROM resident r JOIN care_home h ON h.id = r.home_id`;

function toResident(row: ResidentRow): Resident {
  return {
    id: row.id, nhsNumber: row.nhs_number, familyName: row.family_name, givenName: row.given_name,
    preferredName: row.preferred_name, dateOfBirth: row.date_of_birth, sex: row.sex as Sex, homeId: row.home_id,
    homeName: row.home_name, room: row.room, admissionDate: row.admission_date, status: row.status as ResidentStatus,
    statusDate: row.status_date, frailty: row.frailty, dementia: row.dementia === 1,
    communicationNeeds: row.communication_needs, capacityNotes: row.capacity_notes, whatMatters: row.what_matters,
    createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

function buildSearchText(r: ResidentFields): string {
  return [searchKey(`${r.familyName} ${r.givenName} ${r.preferredName ?? ''}`), r.nhsNumber, searchKey(r.room ?? '')].join(' | ');
}

export interface ResidentQuery {
  query?: string | undefined;
  homeId?: number | undefined;
  status?: ResidentStatus | 'all' | undefined;
}

/** The register's order: home, then name (the id last, so ties come out alike on both engines). */
const REGISTER_ORDER = 'h.name, r.family_name COLLATE NOCASE, r.given_name COLLATE NOCASE, r.id';

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Lists residents; the UI's search is capped at 1,000 rows, the rules read all (limit: null). search_text
 * is stored lower-cased and folded (searchKey), as is the key, so LIKE matches alike on both engines.
 */
export async function searchResidents(db: SqlDb, q: ResidentQuery, options: { limit?: number | null } = {}): Promise<Resident[]> {
  const key = q.query ? searchKey(q.query) : '';
  const status = q.status ?? 'active';
  const limit = options.limit === null ? null : (options.limit ?? 1000);
  const rows = await db.all<ResidentRow>(`${SELECT}
      WHERE (CAST(@homeId AS INTEGER) IS NULL OR r.home_id = @homeId)
        AND (@status = 'all' OR r.status = @status)
        AND (@key = '' OR r.search_text LIKE '%' || @key || '%' ESCAPE '\\')
      ORDER BY ${REGISTER_ORDER}${limit === null ? '' : `
      LIMIT @limit`}`,
  { homeId: q.homeId ?? null, status, key: escapeLike(key), ...(limit === null ? {} : { limit }) });
  return rows.map(toResident);
}

/** Residents by id, in the register's order (home, then name). */
export async function residentsByIds(db: SqlDb, ids: readonly number[]): Promise<Resident[]> {
  if (ids.length === 0) return [];
  const rows = await db.all<ResidentRow>(`${SELECT} WHERE r.id IN (${db.dialect.intsFromJson('?')})
      ORDER BY ${REGISTER_ORDER}`, [JSON.stringify(ids)]);
  return rows.map(toResident);
}

export async function getResident(db: SqlDb, id: number): Promise<Resident> {
  const row = await db.get<ResidentRow>(`${SELECT} WHERE r.id = ?`, [id]);
  if (!row) throw new AppError('NOT_FOUND', `No resident has the id ${id}`);
  return toResident(row);
}

export async function findResidentByNhsNumber(db: SqlDb, nhsNumber: string): Promise<Resident | null> {
  const row = await db.get<ResidentRow>(`${SELECT} WHERE r.nhs_number = ?`, [nhsNumber]);
  return row ? toResident(row) : null;
}

async function assertCanSave(db: SqlDb, r: ResidentFields, exceptId: number | null): Promise<void> {
  const clash = await db.get<{ id: number; family_name: string; given_name: string }>(
    'SELECT id, family_name, given_name FROM resident WHERE nhs_number = ? AND id IS DISTINCT FROM ?', [r.nhsNumber, exceptId]);
  if (clash) {
    throw new AppError('CONFLICT', `NHS number ${formatNhsNumber(r.nhsNumber)} is already registered to ${clash.given_name} ${clash.family_name}`,
      [{ field: 'nhsNumber', message: 'This NHS number is already on the register' }]);
  }
  if (!await db.get('SELECT 1 AS found FROM care_home WHERE id = ?', [r.homeId])) {
    throw new AppError('INVALID_INPUT', 'Choose a care home that is on the register', [{ field: 'homeId', message: 'Choose a care home' }]);
  }
}

const COLUMNS = (r: ResidentFields) => ({
  nhs: r.nhsNumber, family: r.familyName, given: r.givenName, preferred: r.preferredName, dob: r.dateOfBirth, sex: r.sex,
  home: r.homeId, room: r.room, admission: r.admissionDate, status: r.status, statusDate: r.statusDate, frailty: r.frailty,
  dementia: r.dementia ? 1 : 0, communication: r.communicationNeeds, capacity: r.capacityNotes, whatMatters: r.whatMatters,
  search: buildSearchText(r),
});

export async function insertResident(db: SqlDb, r: ResidentFields): Promise<number> {
  await assertCanSave(db, r, null);
  const now = new Date().toISOString();
  const id = await db.insert(`INSERT INTO resident (nhs_number, family_name, given_name, preferred_name, date_of_birth, sex, home_id, room,
      admission_date, status, status_date, frailty, dementia, communication_needs, capacity_notes, what_matters, search_text, created_at, updated_at)
      VALUES (@nhs, @family, @given, @preferred, @dob, @sex, @home, @room, @admission, @status, @statusDate, @frailty, @dementia,
      @communication, @capacity, @whatMatters, @search, @now, @now)`, { ...COLUMNS(r), now });
  return id!;
}

export async function updateResident(db: SqlDb, id: number, r: ResidentFields): Promise<void> {
  await getResident(db, id);
  await assertCanSave(db, r, id);
  await db.run(`UPDATE resident SET nhs_number = @nhs, family_name = @family, given_name = @given, preferred_name = @preferred,
      date_of_birth = @dob, sex = @sex, home_id = @home, room = @room, admission_date = @admission, status = @status,
      status_date = @statusDate, frailty = @frailty, dementia = @dementia, communication_needs = @communication,
      capacity_notes = @capacity, what_matters = @whatMatters, search_text = @search, updated_at = @now WHERE id = @id`,
  { ...COLUMNS(r), now: new Date().toISOString(), id });
}

interface RepresentativeRow {
  id: number; resident_id: number; name: string; relationship: string; phone: string | null; email: string | null;
  holds_lpa_health_welfare: number; lpa_registered_on: string | null; preferred_contact: string; notes: string | null;
}

function toRepresentative(row: RepresentativeRow): Representative {
  return {
    id: row.id, residentId: row.resident_id, name: row.name, relationship: row.relationship, phone: row.phone, email: row.email,
    holdsLpaHealthWelfare: row.holds_lpa_health_welfare === 1, lpaRegisteredOn: row.lpa_registered_on,
    preferredContact: row.preferred_contact as ContactPreference, notes: row.notes,
  };
}

/**
 * Current representatives of every resident of a snapshot (see snapshots.ts), grouped by resident, in one
 * query: `idsJson` is the JSON array of the residents' ids.
 */
export async function listRepresentativesOfSnapshot(db: SqlDb, idsJson: string): Promise<Map<number, Representative[]>> {
  const byResident = new Map<number, Representative[]>();
  const rows = await db.all<RepresentativeRow>(
    `SELECT * FROM representative WHERE resident_id IN (${db.dialect.intsFromJson('?')}) AND retired_at IS NULL ORDER BY id`, [idsJson]);
  for (const row of rows) {
    const rep = toRepresentative(row);
    byResident.set(rep.residentId, [...(byResident.get(rep.residentId) ?? []), rep]);
  }
  return byResident;
}

export async function listRepresentatives(db: SqlDb, residentId: number): Promise<Representative[]> {
  return (await db.all<RepresentativeRow>('SELECT * FROM representative WHERE resident_id = ? AND retired_at IS NULL ORDER BY id', [residentId]))
    .map(toRepresentative);
}

export async function getRepresentative(db: SqlDb, id: number): Promise<Representative> {
  const row = await db.get<RepresentativeRow>('SELECT * FROM representative WHERE id = ? AND retired_at IS NULL', [id]);
  if (!row) throw new AppError('NOT_FOUND', `No representative has the id ${id}`);
  return toRepresentative(row);
}

const REP_COLUMNS = (p: RepresentativeFields) => ({
  name: p.name, relationship: p.relationship, phone: p.phone, email: p.email, lpa: p.holdsLpaHealthWelfare ? 1 : 0,
  lpaOn: p.lpaRegisteredOn, contact: p.preferredContact, notes: p.notes,
});

export async function insertRepresentative(db: SqlDb, residentId: number, p: RepresentativeFields): Promise<number> {
  await getResident(db, residentId);
  const id = await db.insert(`INSERT INTO representative (resident_id, name, relationship, phone, email, holds_lpa_health_welfare,
      lpa_registered_on, preferred_contact, notes) VALUES (@residentId, @name, @relationship, @phone, @email, @lpa, @lpaOn, @contact, @notes)`,
  { ...REP_COLUMNS(p), residentId });
  return id!;
}

export async function updateRepresentative(db: SqlDb, id: number, p: RepresentativeFields): Promise<void> {
  await getRepresentative(db, id);
  await db.run(`UPDATE representative SET name = @name, relationship = @relationship, phone = @phone, email = @email,
      holds_lpa_health_welfare = @lpa, lpa_registered_on = @lpaOn, preferred_contact = @contact, notes = @notes WHERE id = @id`,
  { ...REP_COLUMNS(p), id });
}

/** Representatives are retired, not deleted: earlier agendas still name who was invited. */
export async function retireRepresentative(db: SqlDb, id: number): Promise<void> {
  await getRepresentative(db, id);
  await db.run('UPDATE representative SET retired_at = ? WHERE id = ?', [new Date().toISOString(), id]);
}

export interface ResidentPageQuery extends ResidentQuery {
  /** Only residents with at least one open (or on-agenda) flag. */
  withOpenFlag?: boolean | undefined;
  /** Only these residents (one resident for a picker's choice; those a rule finds something due for). */
  onlyIds?: readonly number[] | undefined;
  sort: ResidentSort;
  descending: boolean;
  offset: number;
  limit: number;
}

export interface OpenFlagRow { id: number; residentId: number; severity: FlagSeverity; category: FlagCategory; raisedOn: string; escalationAction: string | null }

const OPEN_FLAG = `f.resident_id IS NOT NULL AND f.dismissed_at IS NULL AND f.status IN ('open', 'on-agenda')`;
const SEVERITY_RANK = `CASE f.severity WHEN 'escalate-now' THEN 0 WHEN 'urgent' THEN 1 WHEN 'high' THEN 2 WHEN 'medium' THEN 3 ELSE 4 END`;
const NAME_ORDER = 'r.family_name COLLATE NOCASE, r.given_name COLLATE NOCASE, r.id';

/**
 * One page of the register in a fixed order, with the total that match, and every open flag of the
 * residents on the page: three queries whatever the size of the register.
 */
export async function pageResidents(db: SqlDb, q: ResidentPageQuery): Promise<{ total: number; residents: Resident[]; openFlags: OpenFlagRow[] }> {
  const key = q.query ? searchKey(q.query) : '';
  const dir = q.descending ? 'DESC' : 'ASC';
  const order: Record<ResidentSort, string> = {
    name: `r.family_name COLLATE NOCASE ${dir}, r.given_name COLLATE NOCASE ${dir}, r.id ${dir}`,
    home: `h.name ${dir}, ${NAME_ORDER}`,
    // Rooms without a room last; a room not starting with a number counts as 0, as SQLite's CAST always made it.
    room: `r.room IS NULL, coalesce(${db.dialect.leadingInteger('r.room')}, 0) ${dir}, r.room COLLATE NOCASE ${dir}, ${NAME_ORDER}`,
    dateOfBirth: `r.date_of_birth ${dir}, ${NAME_ORDER}`,
    flag: `coalesce(o.rank, 9) ${dir}, ${NAME_ORDER}`,
  };
  const where = `WHERE (CAST(@homeId AS INTEGER) IS NULL OR r.home_id = @homeId)
        AND (@status = 'all' OR r.status = @status)
        AND (@key = '' OR r.search_text LIKE '%' || @key || '%' ESCAPE '\\')
        AND (@withOpenFlag = 0 OR o.rank IS NOT NULL)
        AND (CAST(@onlyIds AS TEXT) IS NULL OR r.id IN (${db.dialect.intsFromJson('@onlyIds')}))`;
  const open = `(SELECT f.resident_id, min(${SEVERITY_RANK}) AS rank FROM flag f WHERE ${OPEN_FLAG} GROUP BY f.resident_id) o ON o.resident_id = r.id`;
  const params = { homeId: q.homeId ?? null, status: q.status ?? 'active', key: escapeLike(key), withOpenFlag: q.withOpenFlag ? 1 : 0,
    onlyIds: q.onlyIds === undefined ? null : JSON.stringify(q.onlyIds) };
  const total = await db.value<number>(`SELECT count(*) AS n FROM resident r LEFT JOIN ${open} ${where}`, params) ?? 0;
  const rows = await db.all<ResidentRow>(`${SELECT} LEFT JOIN ${open} ${where} ORDER BY ${order[q.sort]} LIMIT @limit OFFSET @offset`,
    { ...params, limit: q.limit, offset: q.offset });
  const ids = JSON.stringify(rows.map((r) => r.id));
  const openFlags = rows.length === 0 ? [] : await db.all<OpenFlagRow>(`SELECT f.id, f.resident_id AS "residentId", f.severity, f.category, f.raised_on AS "raisedOn", f.escalation_action AS "escalationAction" FROM flag f
      WHERE ${OPEN_FLAG} AND f.resident_id IN (${db.dialect.intsFromJson('?')}) ORDER BY ${SEVERITY_RANK}, f.raised_on DESC, f.id DESC`, [ids]);
  return { total, residents: rows.map(toResident), openFlags };
}
