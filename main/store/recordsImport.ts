/**
 * Writing imported practice records: upserts and de-duplication on natural keys, so importing the same
 * data twice leaves the database as it was after the first import. Every call runs inside the import's
 * one transaction (opened by the store's imports.run); nothing here commits. The same SQL runs on SQLite
 * (statements prepared once per text) and PostgreSQL.
 */
import type { CareHomeFields, ResidentFields } from '../../shared/domain/register';
import type { Actor } from './audit';
import { writeAudit } from './audit';
import { findHome, insertHome } from './homes';
import { addCarePlanEntryOnce, insertPathwayRecords } from './records';
import type { ResidentRecords } from '../../shared/domain/clinical';
import { getResident, insertResident, updateResident } from './residents';
import type { SqlDb } from './sql/types';
import type {
  AcpRow, ConditionRow, EventRow, MedicationRow, PatientRow, RepresentativeRow, ResultRow, ReviewRow,
} from '../../shared/domain/importRows';

export type Outcome = 'accepted' | 'unchanged';
export type PatientOutcome = { ok: true; outcome: Outcome; residentAdded: boolean; homeCreated: string | null } | { ok: false; field: string; reason: string };

interface MedRow { id: number; dose: string | null; start_date: string | null; type: string; status: string; last_issued: string | null; as_needed: string | null }

/** A medicine this import adds, not yet written: its id is 0 until written. */
interface PendingMedicine { residentId: number; med: MedRow & { name: string }; stoppedOn: string | null }

/**
 * New medicines are written this many at a time: a multi-row INSERT on SQLite (its parameters are bounded);
 * on PostgreSQL one INSERT … SELECT FROM unnest(arrays), eleven array parameters for the whole batch, so a
 * batch is one round trip and one plan however many rows it carries.
 */
const MEDICINES_PER_INSERT = { sqlite: 500, postgres: 5000 } as const;

const INSERT_MEDICINES_FROM_ARRAYS = `INSERT INTO medication (resident_id, name, dose, start_date, type, status, stopped_on, last_issued, as_needed, source_batch_id, updated_at)
  SELECT * FROM unnest(?::integer[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::integer[], ?::text[])
  RETURNING id`;

/** The writer's statements, one text each (so SQLite prepares each once). */
const SQL = {
  maxMedicationId: 'SELECT coalesce(max(id), 0) FROM medication',
  resident: 'SELECT id FROM resident WHERE nhs_number = ?',
  residentCount: 'SELECT count(*) FROM resident',
  allResidents: 'SELECT nhs_number, id FROM resident',
  withActiveMeds: `SELECT DISTINCT resident_id FROM medication WHERE status = 'active'`,
  activeMeds: `SELECT id, name, dose, start_date, type, status, last_issued, as_needed FROM medication
      WHERE resident_id = ? AND status = 'active' ORDER BY id`,
  anyMed: `SELECT id, dose, start_date, type, status, last_issued, as_needed FROM medication
      WHERE resident_id = ? AND name = ? COLLATE NOCASE ORDER BY id DESC LIMIT 1`,
  insertMeds: 'INSERT INTO medication (resident_id, name, dose, start_date, type, status, stopped_on, last_issued, as_needed, source_batch_id, updated_at) VALUES',
  updateMed: 'UPDATE medication SET dose = ?, start_date = ?, type = ?, last_issued = ?, as_needed = ?, source_batch_id = ?, updated_at = ? WHERE id = ?',
  stopMed: `UPDATE medication SET status = 'stopped', stopped_on = ?, source_batch_id = ?, updated_at = ? WHERE id = ?`,
  condition: 'SELECT id, code FROM condition WHERE resident_id = ? AND name = ? COLLATE NOCASE AND onset IS NOT DISTINCT FROM ? LIMIT 1',
  insertCondition: 'INSERT INTO condition (resident_id, name, code, onset, source_batch_id) VALUES (?, ?, ?, ?, ?)',
  setConditionCode: 'UPDATE condition SET code = ?, source_batch_id = ? WHERE id = ?',
  event: `SELECT 1 FROM clinical_event WHERE resident_id = ? AND type = ? AND date = ? AND coalesce(details, '') = ? LIMIT 1`,
  insertEvent: 'INSERT INTO clinical_event (resident_id, type, date, details, source, source_batch_id) VALUES (?, ?, ?, ?, ?, ?)',
  review: `SELECT 1 FROM medication_review WHERE resident_id = ? AND rule = ? AND status = 'done' AND done_on = ? LIMIT 1`,
  insertReview: `INSERT INTO medication_review (resident_id, rule, status, done_on, done_by, source, source_batch_id, created_at)
      VALUES (?, ?, 'done', ?, ?, ?, ?, ?)`,
  representative: `SELECT id, relationship, phone, email, holds_lpa_health_welfare AS lpa, preferred_contact AS contact
      FROM representative WHERE resident_id = ? AND name = ? COLLATE NOCASE AND retired_at IS NULL ORDER BY id LIMIT 1`,
  insertRepresentative: `INSERT INTO representative (resident_id, name, relationship, phone, email, holds_lpa_health_welfare, preferred_contact)
      VALUES (?, ?, ?, ?, ?, ?, ?)`,
  updateRepresentative: `UPDATE representative SET relationship = ?, phone = ?, email = ?, holds_lpa_health_welfare = ?, preferred_contact = ?
      WHERE id = ?`,
  labResult: 'SELECT id, value, comparator FROM lab_result WHERE resident_id = ? AND test = ? AND date = ?',
  insertLabResult: `INSERT INTO lab_result (resident_id, test, value, comparator, unit, date, name_as_written, source, source_batch_id, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  updateLabResult: 'UPDATE lab_result SET value = ?, comparator = ?, unit = ?, name_as_written = ?, source = ?, source_batch_id = ? WHERE id = ?',
} as const;

/** The most NHS numbers the writer keeps (the register is loaded whole up to this size). */
const RESIDENT_CACHE = 200_000;

/** How many ids one JSON list parameter carries (the lists of stopMissingMedicines). */
const CHUNK = 5000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** The id of a row just inserted (an insert without ON CONFLICT always inserts one). */
function inserted(id: number | null): number {
  if (id === null) throw new Error('The row was not inserted');
  return id;
}

/**
 * One import's writer: a cache of NHS number -> resident id, the medicines seen. Open it with
 * `RecordsWriter.open` (it reads where this import's medicines begin). New medicines are written in
 * batches: call `flush()` before the import's transaction commits (the import service does, before it
 * finishes the batch); after a rollback to a savepoint, `reset()` forgets them with everything else.
 */
export class RecordsWriter {
  private readonly residents = new Map<string, number | null>();
  /** The whole register's NHS numbers are in `residents` (until a rollback to a savepoint clears them). */
  private registerLoaded = false;
  private readonly homes = new Map<string, number | null>();
  /** Residents whose medication list this file gives (a medications file is the current list). */
  private readonly listed = new Set<number>();
  /** Medicines stored before this import that the file holds (ids up to maxMedicationId): these stay. */
  private readonly seen = new Set<number>();
  /** The active medicines of the resident last written, by lower-case name (files usually come grouped by patient). */
  private medCache: { residentId: number; byName: Map<string, MedRow & { name: string }> } | null = null;
  /** New medicines waiting to be written (a read of a resident's medicines writes them first when some are that resident's). */
  private pending: PendingMedicine[] = [];
  /**
   * Residents who may have active medicines stored: those with some when the import began, and any this import
   * gives one. Anyone else's list is known to be empty without asking the database (a round trip per
   * resident on PostgreSQL).
   */
  private readonly mayHaveMedicines = new Set<number>();
  /** The import's timestamp for updated_at: one instant for the whole batch. */
  private readonly now = new Date().toISOString();

  /**
   * @param maxMedicationId medicines stored before this import began have ids up to this; only those can be
   *   "no longer present".
   */
  private constructor(private readonly db: SqlDb, private readonly batchId: number, private readonly actor: Actor, private readonly today: string,
    private readonly source: string, private readonly maxMedicationId: number) {}

  /** A writer for one import batch, inside the import's transaction. */
  static async open(db: SqlDb, batchId: number, actor: Actor, today: string, source: string): Promise<RecordsWriter> {
    const maxMedicationId = Number((await db.value<number>(SQL.maxMedicationId)) ?? 0);
    const writer = new RecordsWriter(db, batchId, actor, today, source, maxMedicationId);
    // the register's NHS numbers in one query rather than one per patient (up to the cache's size)
    if (Number(await db.value<number>(SQL.residentCount)) <= RESIDENT_CACHE) {
      for (const r of await db.all<{ nhs_number: string; id: number }>(SQL.allResidents)) writer.residents.set(r.nhs_number, Number(r.id));
      writer.registerLoaded = true;
    }
    for (const id of await db.column<number>(SQL.withActiveMeds)) writer.mayHaveMedicines.add(Number(id));
    return writer;
  }

  /** The care home a patients row names (by id, name or CQC location id, as findHome), or null. */
  private async homeId(nameOrId: string): Promise<number | null> {
    const key = nameOrId.toLowerCase();
    let id = this.homes.get(key);
    if (id === undefined) {
      id = (await findHome(this.db, nameOrId))?.id ?? null;
      this.homes.set(key, id);
    }
    return id;
  }

  /** Forgets what it cached and the medicines seen, after a rollback to a savepoint. */
  reset(): void {
    this.homes.clear();
    this.residents.clear();
    this.registerLoaded = false;
    this.listed.clear();
    this.seen.clear();
    this.medCache = null;
    this.pending = [];
  }

  /** Writes the waiting medicines before a read of this resident's medicines (the others' can wait). */
  private async flushFor(residentId: number): Promise<void> {
    if (this.pending.some((p) => p.residentId === residentId)) await this.flush();
  }

  /** Writes the new medicines still waiting, in one INSERT per batch, and gives each its id. */
  async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, MEDICINES_PER_INSERT[this.db.engine]);
      const columns = (p: PendingMedicine) => [p.residentId, p.med.name, p.med.dose, p.med.start_date, p.med.type, p.med.status, p.stoppedOn,
        p.med.last_issued, p.med.as_needed, this.batchId, this.now];
      let sql: string;
      let params: unknown[];
      if (this.db.engine === 'postgres') {
        const arrays: unknown[][] = Array.from({ length: 11 }, () => []);
        for (const p of batch) columns(p).forEach((value, i) => arrays[i]?.push(value));
        sql = INSERT_MEDICINES_FROM_ARRAYS;
        params = arrays;
      } else {
        sql = `${SQL.insertMeds} ${batch.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')} RETURNING id`;
        params = batch.flatMap(columns);
      }
      // rows are inserted in the order given, so ids ascend in that order (whatever order RETURNING lists them)
      const ids = (await this.db.column<number>(sql, params)).map(Number).sort((a, b) => a - b);
      if (ids.length !== batch.length) throw new Error(`Expected ${batch.length} medicines written, not ${ids.length}`);
      batch.forEach((p, i) => { p.med.id = ids[i] as number; });
    }
  }

  /** The register's resident with this NHS number, or null. */
  async residentId(nhsNumber: string): Promise<number | null> {
    let id = this.residents.get(nhsNumber);
    if (id === undefined) {
      // with the whole register loaded, a number not in it is not on the register (residents added here are set as they are added)
      id = this.registerLoaded ? null : (await this.db.value<number>(SQL.resident, [nhsNumber])) ?? null;
      if (this.residents.size < RESIDENT_CACHE) this.residents.set(nhsNumber, id);
    }
    return id;
  }

  async patient(row: PatientRow): Promise<PatientOutcome> {
    let homeCreated: string | null = null;
    let homeId = await this.homeId(row.careHome);
    if (homeId === null) {
      if (/^1-\d{6,12}$/.test(row.careHome) || /^\d+$/.test(row.careHome)) {
        return { ok: false, field: 'care_home', reason: `no registered care home has the CQC location ID or number “${row.careHome}”` };
      }
      const fields: CareHomeFields = {
        name: row.careHome, type: /nursing/i.test(row.careHome) ? 'nursing' : 'residential', cqcLocationId: null, address: null, phone: null,
        manager: null, roundDay: null, roundStartTime: null, roundCapacityMinutes: null,
      };
      homeId = await insertHome(this.db, fields);
      await writeAudit(this.db, this.actor, 'create', 'care_home', homeId, `Added care home ${row.careHome} from import ${this.batchId}`);
      this.homes.set(row.careHome.toLowerCase(), homeId);
      homeCreated = row.careHome;
    }
    const home = { id: homeId };
    const existingId = await this.residentId(row.nhsNumber);
    if (existingId === null) {
      const fields: ResidentFields = {
        nhsNumber: row.nhsNumber, familyName: row.familyName, givenName: row.givenName, preferredName: null, dateOfBirth: row.dateOfBirth,
        sex: row.sex, homeId: home.id, room: row.room, admissionDate: row.admissionDate, status: row.status, statusDate: row.statusDate,
        frailty: null, dementia: false, communicationNeeds: null, capacityNotes: null, whatMatters: null,
      };
      const id = await insertResident(this.db, fields);
      this.residents.set(row.nhsNumber, id);
      await writeAudit(this.db, this.actor, 'create', 'resident', id, `Added resident ${row.givenName} ${row.familyName} from import ${this.batchId}`);
      return { ok: true, outcome: 'accepted', residentAdded: true, homeCreated };
    }
    const current = await getResident(this.db, existingId);
    const currentFields: ResidentFields = {
      nhsNumber: current.nhsNumber, familyName: current.familyName, givenName: current.givenName, preferredName: current.preferredName,
      dateOfBirth: current.dateOfBirth, sex: current.sex, homeId: current.homeId, room: current.room, admissionDate: current.admissionDate,
      status: current.status, statusDate: current.statusDate, frailty: current.frailty, dementia: current.dementia,
      communicationNeeds: current.communicationNeeds, capacityNotes: current.capacityNotes, whatMatters: current.whatMatters,
    };
    const keepStatus = row.status === 'active' && current.status !== 'active';
    const next: ResidentFields = {
      ...currentFields,
      familyName: row.familyName, givenName: row.givenName, dateOfBirth: row.dateOfBirth,
      sex: row.sex === 'unknown' ? current.sex : row.sex, homeId: home.id, room: row.room ?? current.room,
      admissionDate: row.admissionDate ?? current.admissionDate,
      status: keepStatus ? current.status : row.status, statusDate: keepStatus ? current.statusDate : row.statusDate,
    };
    const changed = (Object.keys(next) as (keyof ResidentFields)[]).filter((k) => next[k] !== currentFields[k]);
    if (changed.length === 0) return { ok: true, outcome: 'unchanged', residentAdded: false, homeCreated };
    await updateResident(this.db, existingId, next);
    await writeAudit(this.db, this.actor, 'update', 'resident', existingId,
      `Updated resident ${row.givenName} ${row.familyName} from import ${this.batchId} (${changed.join(', ')})`);
    return { ok: true, outcome: 'accepted', residentAdded: false, homeCreated };
  }

  private async activeMedicines(residentId: number): Promise<Map<string, MedRow & { name: string }>> {
    if (this.medCache?.residentId !== residentId) {
      await this.flushFor(residentId);
      const rows = this.mayHaveMedicines.has(residentId) ? await this.db.all<MedRow & { name: string }>(SQL.activeMeds, [residentId]) : [];
      this.mayHaveMedicines.add(residentId); // anything this import adds for them is found next time
      this.medCache = { residentId, byName: new Map(rows.map((r) => [r.name.toLowerCase(), r])) };
    }
    return this.medCache.byName;
  }

  /** Upserts a medicine; with asCurrentList the resident's list is completed by stopMissingMedicines. */
  async medication(residentId: number, row: MedicationRow, asCurrentList: boolean): Promise<Outcome> {
    const now = this.now;
    if (asCurrentList) this.listed.add(residentId);
    const meds = await this.activeMedicines(residentId);
    const key = row.name.toLowerCase();
    const active = meds.get(key);
    let outcome: Outcome = 'unchanged';
    let id: number;
    if (active) {
      id = active.id;
      const pending = id === 0 ? this.pending.find((p) => p.med === active) : undefined;
      if (row.status === 'stopped') {
        if (pending) {
          pending.stoppedOn = row.stoppedOn ?? this.today;
          active.status = 'stopped';
        } else await this.db.run(SQL.stopMed, [row.stoppedOn ?? this.today, this.batchId, now, id]);
        meds.delete(key);
        outcome = 'accepted';
      } else {
        const startDate = row.startDate ?? active.start_date;
        const lastIssued = row.lastIssued ?? active.last_issued;
        if (active.dose !== row.dose || active.start_date !== startDate || active.type !== row.type || active.last_issued !== lastIssued
          || active.as_needed !== row.asNeeded) {
          if (!pending) await this.db.run(SQL.updateMed, [row.dose, startDate, row.type, lastIssued, row.asNeeded, this.batchId, now, id]);
          Object.assign(active, { dose: row.dose, start_date: startDate, type: row.type, last_issued: lastIssued, as_needed: row.asNeeded });
          outcome = 'accepted';
        }
      }
    } else {
      if (row.status === 'stopped') await this.flushFor(residentId);
      const stopped = row.status === 'stopped' ? await this.db.get<MedRow>(SQL.anyMed, [residentId, row.name]) : undefined;
      if (stopped) {
        id = stopped.id;
      } else {
        // written with the next batch (its id is 0 until then): a later row for it changes the waiting row instead
        const med = { id: 0, name: row.name, dose: row.dose, start_date: row.startDate, type: row.type, status: row.status, last_issued: row.lastIssued,
          as_needed: row.asNeeded };
        this.pending.push({ residentId, med, stoppedOn: row.status === 'stopped' ? (row.stoppedOn ?? this.today) : null });
        if (row.status === 'active') meds.set(key, med);
        if (this.pending.length >= MEDICINES_PER_INSERT[this.db.engine]) await this.flush();
        id = med.id;
        outcome = 'accepted';
      }
    }
    // medicines added by this import are present by definition (and waiting ones have no id yet); only older ones need marking as seen
    if (id > 0 && id <= this.maxMedicationId) this.seen.add(id);
    return outcome;
  }

  /**
   * Marks stopped every active medicine of the listed residents that the file no longer holds (only those
   * stored before this import began); returns how many.
   */
  async stopMissingMedicines(): Promise<number> {
    await this.flush();
    const now = new Date().toISOString();
    const toStop: number[] = [];
    for (const residents of chunks([...this.listed])) {
      const ids = await this.db.column<number>(`SELECT id FROM medication
          WHERE resident_id IN (${this.db.dialect.intsFromJson('?')}) AND status = 'active' AND id <= ? ORDER BY id`,
      [JSON.stringify(residents), this.maxMedicationId]);
      for (const id of ids) if (!this.seen.has(id)) toStop.push(id);
    }
    let stopped = 0;
    for (const ids of chunks(toStop)) {
      stopped += (await this.db.run(`UPDATE medication SET status = 'stopped', stopped_on = ?, source_batch_id = ?, updated_at = ?
          WHERE id IN (${this.db.dialect.intsFromJson('?')})`, [this.today, this.batchId, now, JSON.stringify(ids)])).changes;
    }
    this.medCache = null;
    return stopped;
  }

  async condition(residentId: number, row: ConditionRow): Promise<Outcome> {
    const existing = await this.db.get<{ id: number; code: string | null }>(SQL.condition, [residentId, row.name, row.onset]);
    if (existing) {
      if (row.code !== null && existing.code !== row.code) {
        await this.db.run(SQL.setConditionCode, [row.code, this.batchId, existing.id]);
        return 'accepted';
      }
      return 'unchanged';
    }
    await this.db.run(SQL.insertCondition, [residentId, row.name, row.code, row.onset, this.batchId]);
    return 'accepted';
  }

  async event(residentId: number, row: EventRow): Promise<Outcome> {
    const pathway = pathwayRecords(row);
    if (pathway) return await insertPathwayRecords(this.db, residentId, pathway, this.source, this.batchId) > 0 ? 'accepted' : 'unchanged';
    if (await this.db.get(SQL.event, [residentId, row.type, row.date, row.details ?? ''])) return 'unchanged';
    await this.db.run(SQL.insertEvent, [residentId, row.type, row.date, row.details, this.source, this.batchId]);
    return 'accepted';
  }

  async carePlan(residentId: number, row: AcpRow): Promise<Outcome> {
    const id = await addCarePlanEntryOnce(this.db, residentId, { element: row.element, value: row.value, recordedOn: row.recordedOn, reviewDue: row.reviewDue },
      this.source, this.batchId);
    return id === null ? 'unchanged' : 'accepted';
  }

  async review(residentId: number, row: ReviewRow): Promise<Outcome> {
    if (await this.db.get(SQL.review, [residentId, row.rule, row.doneOn])) return 'unchanged';
    await this.db.run(SQL.insertReview, [residentId, row.rule, row.doneOn, row.doneBy, this.source, this.batchId, new Date().toISOString()]);
    return 'accepted';
  }

  /** A laboratory result: one per resident, test and day; the same again is unchanged, a corrected value replaces it. */
  async result(residentId: number, row: ResultRow): Promise<Outcome> {
    const existing = await this.db.get<{ id: number; value: number; comparator: string | null }>(SQL.labResult, [residentId, row.test, row.date]);
    if (existing) {
      if (existing.value === row.value && existing.comparator === row.comparator) return 'unchanged';
      await this.db.run(SQL.updateLabResult, [row.value, row.comparator, row.unit, row.nameAsWritten, this.source, this.batchId, existing.id]);
      return 'accepted';
    }
    await this.db.run(SQL.insertLabResult, [residentId, row.test, row.value, row.comparator, row.unit, row.date, row.nameAsWritten, this.source,
      this.batchId, this.now]);
    return 'accepted';
  }

  async representative(residentId: number, row: RepresentativeRow): Promise<Outcome> {
    const existing = await this.db.get<{ id: number; relationship: string; phone: string | null; email: string | null; lpa: number; contact: string }>(
      SQL.representative, [residentId, row.name]);
    const lpa = row.holdsLpa ? 1 : 0;
    if (existing) {
      const phone = row.phone ?? existing.phone;
      const email = row.email ?? existing.email;
      if (existing.relationship === row.relationship && existing.phone === phone && existing.email === email && existing.lpa === lpa &&
        existing.contact === row.preferredContact) return 'unchanged';
      await this.db.run(SQL.updateRepresentative, [row.relationship, phone, email, lpa, row.preferredContact, existing.id]);
      await writeAudit(this.db, this.actor, 'update', 'representative', existing.id, `Updated ${row.relationship} ${row.name} from import ${this.batchId}`);
      return 'accepted';
    }
    const id = inserted(await this.db.insert(SQL.insertRepresentative, [residentId, row.name, row.relationship, row.phone, row.email, lpa,
      row.preferredContact]));
    await writeAudit(this.db, this.actor, 'create', 'representative', id, `Added ${row.relationship} ${row.name} from import ${this.batchId}`);
    return 'accepted';
  }
}

/** An events row that is a care and support plan or an end-of-life step, as the records it stands for; null for a clinical event. */
function pathwayRecords(row: EventRow): Pick<ResidentRecords, 'supportPlans' | 'endOfLifeSteps'> | null {
  const by = row.by ?? null;
  const notes = row.details;
  switch (row.type) {
    case 'pcsp': return { supportPlans: [{ kind: 'created', date: row.date, by, nextReview: row.nextReview ?? null }] };
    case 'pcsp-review': return { supportPlans: [{ kind: 'reviewed', date: row.date, by, nextReview: row.nextReview ?? null }] };
    case 'anticipatory-medicines': return { endOfLifeSteps: [{ step: 'anticipatory-medicines', outcome: 'done', recordedOn: row.date, by, notes }] };
    case 'anticipatory-medicines-declined': return { endOfLifeSteps: [{ step: 'anticipatory-medicines', outcome: 'declined', recordedOn: row.date, by, notes }] };
    case 'end-of-life-conversation': return { endOfLifeSteps: [{ step: 'conversation', outcome: 'done', recordedOn: row.date, by, notes }] };
    case 'end-of-life-plan-with-home': return { endOfLifeSteps: [{ step: 'plan-with-home', outcome: 'done', recordedOn: row.date, by, notes }] };
    default: return null;
  }
}
