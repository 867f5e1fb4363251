/**
 * Writing imported practice records: upserts and de-duplication on natural keys, so importing the same
 * data twice leaves the database as it was after the first import. Every call runs inside the import's
 * one transaction (opened by the store's imports.run); nothing here commits.
 */
import type { CareHomeFields, ResidentFields } from '../../shared/domain/register';
import type { Actor } from './audit';
import { writeAudit } from './audit';
import type { Db } from './db';
import { findHome, insertHome } from './homes';
import { addCarePlanEntryOnce, insertPathwayRecords } from './records';
import type { ResidentRecords } from '../../shared/domain/clinical';
import { getResident, insertResident, updateResident } from './residents';
import type {
  AcpRow, ConditionRow, EventRow, MedicationRow, PatientRow, RepresentativeRow, ResultRow, ReviewRow,
} from '../imports/records/kinds';

export type Outcome = 'accepted' | 'unchanged';
export type PatientOutcome = { ok: true; outcome: Outcome; residentAdded: boolean; homeCreated: string | null } | { ok: false; field: string; reason: string };

interface MedRow { id: number; dose: string | null; start_date: string | null; type: string; status: string; last_issued: string | null; as_needed: string | null }

/** One import's writer: prepared statements, a cache of NHS number -> resident id, the medicines seen. */
export class RecordsWriter {
  private readonly residents = new Map<string, number | null>();
  private readonly homes = new Map<string, number | null>();
  private readonly s;
  /** Residents whose medication list this file gives (a medications file is the current list). */
  private readonly listed = new Set<number>();
  /** Medicines stored before this import began have ids up to this; only those can be "no longer present". */
  private readonly maxMedicationId: number;
  /** The active medicines of the resident last written, by lower-case name (files usually come grouped by patient). */
  private medCache: { residentId: number; byName: Map<string, MedRow & { name: string }> } | null = null;
  /** The import's timestamp for updated_at: one instant for the whole batch. */
  private readonly now = new Date().toISOString();

  constructor(private readonly db: Db, private readonly batchId: number, private readonly actor: Actor, private readonly today: string,
    private readonly source: string) {
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS import_seen_medication (id INTEGER PRIMARY KEY);
             DELETE FROM temp.import_seen_medication;`);
    this.maxMedicationId = (db.prepare('SELECT coalesce(max(id), 0) FROM medication').pluck().get() as number);
    this.s = {
      resident: db.prepare('SELECT id FROM resident WHERE nhs_number = ?').pluck(),
      activeMeds: db.prepare(`SELECT id, name, dose, start_date, type, status, last_issued, as_needed FROM medication
          WHERE resident_id = ? AND status = 'active' ORDER BY id`),
      anyMed: db.prepare(`SELECT id, dose, start_date, type, status, last_issued, as_needed FROM medication
          WHERE resident_id = ? AND name = ? COLLATE NOCASE ORDER BY id DESC LIMIT 1`),
      insertMed: db.prepare(`INSERT INTO medication (resident_id, name, dose, start_date, type, status, stopped_on, last_issued, as_needed, source_batch_id, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      updateMed: db.prepare(`UPDATE medication SET dose = ?, start_date = ?, type = ?, last_issued = ?, as_needed = ?, source_batch_id = ?, updated_at = ? WHERE id = ?`),
      stopMed: db.prepare(`UPDATE medication SET status = 'stopped', stopped_on = ?, source_batch_id = ?, updated_at = ? WHERE id = ?`),
      seen: db.prepare('INSERT OR IGNORE INTO temp.import_seen_medication (id) VALUES (?)'),

      condition: db.prepare(`SELECT id, code FROM condition WHERE resident_id = ? AND name = ? COLLATE NOCASE AND onset IS ? LIMIT 1`),
      insertCondition: db.prepare('INSERT INTO condition (resident_id, name, code, onset, source_batch_id) VALUES (?, ?, ?, ?, ?)'),
      setConditionCode: db.prepare('UPDATE condition SET code = ?, source_batch_id = ? WHERE id = ?'),
      event: db.prepare('SELECT 1 FROM clinical_event WHERE resident_id = ? AND type = ? AND date = ? AND coalesce(details, \'\') = ? LIMIT 1'),
      insertEvent: db.prepare('INSERT INTO clinical_event (resident_id, type, date, details, source, source_batch_id) VALUES (?, ?, ?, ?, ?, ?)'),
      review: db.prepare(`SELECT 1 FROM medication_review WHERE resident_id = ? AND rule = ? AND status = 'done' AND done_on = ? LIMIT 1`),
      insertReview: db.prepare(`INSERT INTO medication_review (resident_id, rule, status, done_on, done_by, source, source_batch_id, created_at)
          VALUES (?, ?, 'done', ?, ?, ?, ?, ?)`),
      representative: db.prepare(`SELECT id, relationship, phone, email, holds_lpa_health_welfare AS lpa, preferred_contact AS contact
          FROM representative WHERE resident_id = ? AND name = ? COLLATE NOCASE AND retired_at IS NULL ORDER BY id LIMIT 1`),
      insertRepresentative: db.prepare(`INSERT INTO representative (resident_id, name, relationship, phone, email, holds_lpa_health_welfare, preferred_contact)
          VALUES (?, ?, ?, ?, ?, ?, ?)`),
      updateRepresentative: db.prepare(`UPDATE representative SET relationship = ?, phone = ?, email = ?, holds_lpa_health_welfare = ?, preferred_contact = ?
          WHERE id = ?`),
      labResult: db.prepare('SELECT id, value, comparator FROM lab_result WHERE resident_id = ? AND test = ? AND date = ?'),
      insertLabResult: db.prepare(`INSERT INTO lab_result (resident_id, test, value, comparator, unit, date, name_as_written, source, source_batch_id, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      updateLabResult: db.prepare('UPDATE lab_result SET value = ?, comparator = ?, unit = ?, name_as_written = ?, source = ?, source_batch_id = ? WHERE id = ?'),
      activeMedsToStop: db.prepare(`SELECT id FROM medication WHERE resident_id = ? AND status = 'active' AND id <= ?
          AND id NOT IN (SELECT id FROM temp.import_seen_medication)`).pluck(),
    };
  }

  /** The care home a patients row names (by id, name or CQC location id, as findHome), or null. */
  private homeId(nameOrId: string): number | null {
    const key = nameOrId.toLowerCase();
    let id = this.homes.get(key);
    if (id === undefined) {
      id = findHome(this.db, nameOrId)?.id ?? null;
      this.homes.set(key, id);
    }
    return id;
  }

  /** Forgets what it cached, after a rollback to a savepoint. */
  reset(): void {
    this.homes.clear();
    this.residents.clear();
    this.listed.clear();
    this.medCache = null;
  }

  /** The register's resident with this NHS number, or null. */
  residentId(nhsNumber: string): number | null {
    let id = this.residents.get(nhsNumber);
    if (id === undefined) {
      id = (this.s.resident.get(nhsNumber) as number | undefined) ?? null;
      if (this.residents.size < 200_000) this.residents.set(nhsNumber, id);
    }
    return id;
  }

  patient(row: PatientRow): PatientOutcome {
    let homeCreated: string | null = null;
    let homeId = this.homeId(row.careHome);
    if (homeId === null) {
      if (/^1-\d{6,12}$/.test(row.careHome) || /^\d+$/.test(row.careHome)) {
        return { ok: false, field: 'care_home', reason: `no registered care home has the CQC location ID or number “${row.careHome}”` };
      }
      const fields: CareHomeFields = {
        name: row.careHome, type: /nursing/i.test(row.careHome) ? 'nursing' : 'residential', cqcLocationId: null, address: null, phone: null,
        manager: null, roundDay: null, roundStartTime: null, roundCapacityMinutes: null,
      };
      homeId = insertHome(this.db, fields);
      writeAudit(this.db, this.actor, 'create', 'care_home', homeId, `Added care home ${row.careHome} from import ${this.batchId}`);
      this.homes.set(row.careHome.toLowerCase(), homeId);
      homeCreated = row.careHome;
    }
    const home = { id: homeId };
    const existingId = this.residentId(row.nhsNumber);
    if (existingId === null) {
      const fields: ResidentFields = {
        nhsNumber: row.nhsNumber, familyName: row.familyName, givenName: row.givenName, preferredName: null, dateOfBirth: row.dateOfBirth,
        sex: row.sex, homeId: home.id, room: row.room, admissionDate: row.admissionDate, status: row.status, statusDate: row.statusDate,
        frailty: null, dementia: false, communicationNeeds: null, capacityNotes: null, whatMatters: null,
      };
      const id = insertResident(this.db, fields);
      this.residents.set(row.nhsNumber, id);
      writeAudit(this.db, this.actor, 'create', 'resident', id, `Added resident ${row.givenName} ${row.familyName} from import ${this.batchId}`);
      return { ok: true, outcome: 'accepted', residentAdded: true, homeCreated };
    }
    const current = getResident(this.db, existingId);
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
    updateResident(this.db, existingId, next);
    writeAudit(this.db, this.actor, 'update', 'resident', existingId,
      `Updated resident ${row.givenName} ${row.familyName} from import ${this.batchId} (${changed.join(', ')})`);
    return { ok: true, outcome: 'accepted', residentAdded: false, homeCreated };
  }

  private activeMedicines(residentId: number): Map<string, MedRow & { name: string }> {
    if (this.medCache?.residentId !== residentId) {
      const rows = this.s.activeMeds.all(residentId) as (MedRow & { name: string })[];
      this.medCache = { residentId, byName: new Map(rows.map((r) => [r.name.toLowerCase(), r])) };
    }
    return this.medCache.byName;
  }

  /** Upserts a medicine; with asCurrentList the resident's list is completed by stopMissingMedicines. */
  medication(residentId: number, row: MedicationRow, asCurrentList: boolean): Outcome {
    const now = this.now;
    if (asCurrentList) this.listed.add(residentId);
    const meds = this.activeMedicines(residentId);
    const key = row.name.toLowerCase();
    const active = meds.get(key);
    let outcome: Outcome = 'unchanged';
    let id: number;
    if (active) {
      id = active.id;
      if (row.status === 'stopped') {
        this.s.stopMed.run(row.stoppedOn ?? this.today, this.batchId, now, id);
        meds.delete(key);
        outcome = 'accepted';
      } else {
        const startDate = row.startDate ?? active.start_date;
        const lastIssued = row.lastIssued ?? active.last_issued;
        if (active.dose !== row.dose || active.start_date !== startDate || active.type !== row.type || active.last_issued !== lastIssued
          || active.as_needed !== row.asNeeded) {
          this.s.updateMed.run(row.dose, startDate, row.type, lastIssued, row.asNeeded, this.batchId, now, id);
          Object.assign(active, { dose: row.dose, start_date: startDate, type: row.type, last_issued: lastIssued, as_needed: row.asNeeded });
          outcome = 'accepted';
        }
      }
    } else {
      const stopped = row.status === 'stopped' ? this.s.anyMed.get(residentId, row.name) as MedRow | undefined : undefined;
      if (stopped) {
        id = stopped.id;
      } else {
        id = Number(this.s.insertMed.run(residentId, row.name, row.dose, row.startDate, row.type, row.status,
          row.status === 'stopped' ? (row.stoppedOn ?? this.today) : null, row.lastIssued, row.asNeeded, this.batchId, now).lastInsertRowid);
        if (row.status === 'active') {
          meds.set(key, { id, name: row.name, dose: row.dose, start_date: row.startDate, type: row.type, status: 'active', last_issued: row.lastIssued,
            as_needed: row.asNeeded });
        }
        outcome = 'accepted';
      }
    }
    // medicines added by this import are present by definition; only older ones need marking as seen
    if (id <= this.maxMedicationId) this.s.seen.run(id);
    return outcome;
  }

  /** Marks stopped every active medicine of the listed residents that the file no longer holds; returns how many. */
  stopMissingMedicines(): number {
    const now = new Date().toISOString();
    let stopped = 0;
    for (const residentId of this.listed) {
      for (const id of this.s.activeMedsToStop.all(residentId, this.maxMedicationId) as number[]) {
        this.s.stopMed.run(this.today, this.batchId, now, id);
        stopped++;
      }
    }
    this.medCache = null;
    return stopped;
  }

  condition(residentId: number, row: ConditionRow): Outcome {
    const existing = this.s.condition.get(residentId, row.name, row.onset) as { id: number; code: string | null } | undefined;
    if (existing) {
      if (row.code !== null && existing.code !== row.code) {
        this.s.setConditionCode.run(row.code, this.batchId, existing.id);
        return 'accepted';
      }
      return 'unchanged';
    }
    this.s.insertCondition.run(residentId, row.name, row.code, row.onset, this.batchId);
    return 'accepted';
  }

  event(residentId: number, row: EventRow): Outcome {
    const pathway = pathwayRecords(row);
    if (pathway) return insertPathwayRecords(this.db, residentId, pathway, this.source, this.batchId) > 0 ? 'accepted' : 'unchanged';
    if (this.s.event.get(residentId, row.type, row.date, row.details ?? '')) return 'unchanged';
    this.s.insertEvent.run(residentId, row.type, row.date, row.details, this.source, this.batchId);
    return 'accepted';
  }

  carePlan(residentId: number, row: AcpRow): Outcome {
    const id = addCarePlanEntryOnce(this.db, residentId, { element: row.element, value: row.value, recordedOn: row.recordedOn, reviewDue: row.reviewDue },
      this.source, this.batchId);
    return id === null ? 'unchanged' : 'accepted';
  }

  review(residentId: number, row: ReviewRow): Outcome {
    if (this.s.review.get(residentId, row.rule, row.doneOn)) return 'unchanged';
    this.s.insertReview.run(residentId, row.rule, row.doneOn, row.doneBy, this.source, this.batchId, new Date().toISOString());
    return 'accepted';
  }

  /** A laboratory result: one per resident, test and day; the same again is unchanged, a corrected value replaces it. */
  result(residentId: number, row: ResultRow): Outcome {
    const existing = this.s.labResult.get(residentId, row.test, row.date) as { id: number; value: number; comparator: string | null } | undefined;
    if (existing) {
      if (existing.value === row.value && existing.comparator === row.comparator) return 'unchanged';
      this.s.updateLabResult.run(row.value, row.comparator, row.unit, row.nameAsWritten, this.source, this.batchId, existing.id);
      return 'accepted';
    }
    this.s.insertLabResult.run(residentId, row.test, row.value, row.comparator, row.unit, row.date, row.nameAsWritten, this.source, this.batchId, this.now);
    return 'accepted';
  }

  representative(residentId: number, row: RepresentativeRow): Outcome {
    const existing = this.s.representative.get(residentId, row.name) as
      { id: number; relationship: string; phone: string | null; email: string | null; lpa: number; contact: string } | undefined;
    const lpa = row.holdsLpa ? 1 : 0;
    if (existing) {
      const phone = row.phone ?? existing.phone;
      const email = row.email ?? existing.email;
      if (existing.relationship === row.relationship && existing.phone === phone && existing.email === email && existing.lpa === lpa &&
        existing.contact === row.preferredContact) return 'unchanged';
      this.s.updateRepresentative.run(row.relationship, phone, email, lpa, row.preferredContact, existing.id);
      writeAudit(this.db, this.actor, 'update', 'representative', existing.id, `Updated ${row.relationship} ${row.name} from import ${this.batchId}`);
      return 'accepted';
    }
    const id = Number(this.s.insertRepresentative.run(residentId, row.name, row.relationship, row.phone, row.email, lpa, row.preferredContact).lastInsertRowid);
    writeAudit(this.db, this.actor, 'create', 'representative', id, `Added ${row.relationship} ${row.name} from import ${this.batchId}`);
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
