/**
 * The store seam. Services call these functions, never better-sqlite3: each is one complete unit of
 * work in one transaction (with its audit event) and returns a Promise, so a server-backed store could
 * stand behind the same interface later.
 */
import type { CareHome, CareHomeFields, Practice, Representative, RepresentativeFields, Resident, ResidentDetail, ResidentFields, StaffMember } from '../../shared/domain/register';
import type { StaffRole } from '../../shared/domain/enums';
import type { NewFlag, ResidentRecords } from '../../shared/domain/clinical';
import type { ResidentSnapshot } from '../../shared/domain/snapshot';
import { formatNhsNumber } from '../../shared/rules/nhsNumber';
import { listAudit, writeAudit, type Actor, type AuditEvent } from './audit';
import { closeDatabase, openDatabase, schemaVersion, type Db, type OpenOptions } from './db';
import { findHome, getHome, insertHome, listHomes, updateHome } from './homes';
import { getPractice, insertStaff, isEmpty, listStaff, savePractice } from './practice';
import {
  findResidentByNhsNumber, getRepresentative, getResident, insertRepresentative, insertResident, listRepresentatives,
  retireRepresentative, searchResidents, updateRepresentative, updateResident, type ResidentQuery,
} from './residents';
import { loadSnapshots, type SnapshotQuery } from './snapshots';
import { countRecords, insertFlag, insertResidentRecords, type RecordCounts } from './records';
import type { ImportBatchInfo, ImportProblemInfo, ImportSummary } from '../../shared/domain/imports';
import { AppError } from '../../shared/errors';
import {
  createBatch, findBatchBySha, finishBatch, getBatch, listBatches, listProblems, problemRecorder, type BatchCounts, type BatchMeta,
} from './imports';
import { RecordsWriter } from './recordsImport';

export type { Actor, AuditEvent } from './audit';
export type { RecordCounts } from './records';
export type { BatchCounts, BatchMeta } from './imports';
export type { RecordsWriter } from './recordsImport';

/** What an import's work function writes through, inside the import's one transaction. */
export interface ImportSession {
  readonly batchId: number;
  readonly writer: RecordsWriter;
  problem(problem: ImportProblemInfo): void;
  /** Marks the present state; the returned function undoes everything written since (a savepoint). */
  mark(): () => void;
  /** Sets the batch's final kind, counts and summary (and writes its audit event). */
  finish(kind: string, counts: BatchCounts, summary: ImportSummary): void;
}
export type { SnapshotQuery } from './snapshots';
export { DatabaseOpenError } from './db';

export interface Store {
  readonly file: string;
  schemaVersion(): number;
  close(): void;

  practice: {
    get(): Promise<Practice & { isDemo: boolean }>;
    save(actor: Actor, practice: Practice, isDemo: boolean): Promise<void>;
    listStaff(): Promise<StaffMember[]>;
    addStaff(actor: Actor, name: string, role: StaffRole): Promise<number>;
    isEmpty(): Promise<boolean>;
  };
  homes: {
    list(): Promise<CareHome[]>;
    get(id: number): Promise<CareHome>;
    find(nameOrId: string): Promise<CareHome | null>;
    create(actor: Actor, home: CareHomeFields): Promise<CareHome>;
    update(actor: Actor, id: number, home: CareHomeFields): Promise<CareHome>;
  };
  residents: {
    search(query: ResidentQuery): Promise<Resident[]>;
    get(id: number): Promise<ResidentDetail>;
    findByNhsNumber(nhsNumber: string): Promise<Resident | null>;
    create(actor: Actor, resident: ResidentFields, representatives?: RepresentativeFields[]): Promise<ResidentDetail>;
    update(actor: Actor, id: number, resident: ResidentFields): Promise<ResidentDetail>;
  };
  representatives: {
    add(actor: Actor, residentId: number, representative: RepresentativeFields): Promise<Representative>;
    update(actor: Actor, id: number, representative: RepresentativeFields): Promise<Representative>;
    remove(actor: Actor, id: number): Promise<void>;
  };
  records: {
    /** Adds medicines, conditions, events, care-plan entries and reviews for one resident. */
    add(actor: Actor, residentId: number, records: ResidentRecords, source: string): Promise<number>;
    counts(): Promise<RecordCounts>;
  };
  flags: {
    /** Returns the new flag's id, or null when the same flag is already stored. */
    add(actor: Actor, flag: NewFlag, source: string): Promise<number | null>;
  };
  snapshots: {
    /** Residents' whole records for the rules (active residents unless includeInactive). */
    load(query?: SnapshotQuery): Promise<ResidentSnapshot[]>;
  };
  audit: {
    list(filter?: { entity?: string; entityId?: number; limit?: number }): Promise<AuditEvent[]>;
  };
  imports: {
    /**
     * Runs one import as one transaction and one ImportBatch. work streams the file and writes through the
     * session; the transaction commits only if work resolves with keep true (a dry run or a --strict
     * refusal resolves with keep false) and rolls back if it throws. Other store calls wait until it ends.
     */
    run<T>(actor: Actor, meta: BatchMeta, options: { today: string; source: string },
      work: (session: ImportSession) => Promise<{ value: T; keep: boolean }>): Promise<T>;
    findBySha(sha256: string): Promise<ImportBatchInfo | null>;
    list(limit?: number): Promise<ImportBatchInfo[]>;
    get(id: number): Promise<ImportBatchInfo>;
    problems(batchId: number, limit?: number): Promise<ImportProblemInfo[]>;
  };
}

function residentDetail(db: Db, id: number): ResidentDetail {
  return { ...getResident(db, id), representatives: listRepresentatives(db, id) };
}

function label(r: ResidentFields): string {
  return `${r.givenName} ${r.familyName} (${formatNhsNumber(r.nhsNumber)})`;
}

export function createStore(db: Db, file: string): Store {
  /** An import holds one transaction open across its file reading; other calls wait for it to end. */
  let importRunning: Promise<unknown> = Promise.resolve();
  const gate = <T>(fn: () => T): Promise<T> => importRunning.then(fn, fn);
  /** Runs a write and its audit event in one transaction; a refusal becomes a rejected Promise. */
  const write = <T>(fn: () => T): Promise<T> => gate(() => db.transaction(fn)());
  const read = <T>(fn: () => T): Promise<T> => gate(fn);
  let importing = false;

  return {
    file,
    schemaVersion: () => schemaVersion(db),
    close: () => closeDatabase(db),

    practice: {
      get: () => read(() => getPractice(db)),
      save: (actor, practice, isDemo) => write(() => {
        savePractice(db, practice, isDemo);
        writeAudit(db, actor, 'update', 'practice', 1, `Practice details set to ${practice.name}`);
      }),
      listStaff: () => read(() => listStaff(db)),
      addStaff: (actor, name, role) => write(() => {
        const id = insertStaff(db, name, role);
        writeAudit(db, actor, 'create', 'staff', id, `Added staff member ${name} (${role})`);
        return id;
      }),
      isEmpty: () => read(() => isEmpty(db)),
    },

    homes: {
      list: () => read(() => listHomes(db)),
      get: (id) => read(() => getHome(db, id)),
      find: (nameOrId) => read(() => findHome(db, nameOrId)),
      create: (actor, home) => write(() => {
        const id = insertHome(db, home);
        writeAudit(db, actor, 'create', 'care_home', id, `Added care home ${home.name}`);
        return getHome(db, id);
      }),
      update: (actor, id, home) => write(() => {
        updateHome(db, id, home);
        writeAudit(db, actor, 'update', 'care_home', id, `Updated care home ${home.name}`);
        return getHome(db, id);
      }),
    },

    residents: {
      search: (query) => read(() => searchResidents(db, query)),
      get: (id) => read(() => residentDetail(db, id)),
      findByNhsNumber: (nhsNumber) => read(() => findResidentByNhsNumber(db, nhsNumber)),
      create: (actor, resident, representatives = []) => write(() => {
        const id = insertResident(db, resident);
        writeAudit(db, actor, 'create', 'resident', id, `Added resident ${label(resident)}`);
        for (const rep of representatives) {
          const repId = insertRepresentative(db, id, rep);
          writeAudit(db, actor, 'create', 'representative', repId, `Added ${rep.relationship} ${rep.name} for ${label(resident)}`);
        }
        return residentDetail(db, id);
      }),
      update: (actor, id, resident) => write(() => {
        updateResident(db, id, resident);
        writeAudit(db, actor, 'update', 'resident', id, `Updated resident ${label(resident)}`);
        return residentDetail(db, id);
      }),
    },

    representatives: {
      add: (actor, residentId, rep) => write(() => {
        const id = insertRepresentative(db, residentId, rep);
        writeAudit(db, actor, 'create', 'representative', id, `Added ${rep.relationship} ${rep.name} for resident ${residentId}`);
        return getRepresentative(db, id);
      }),
      update: (actor, id, rep) => write(() => {
        updateRepresentative(db, id, rep);
        writeAudit(db, actor, 'update', 'representative', id, `Updated ${rep.relationship} ${rep.name}`);
        return getRepresentative(db, id);
      }),
      remove: (actor, id) => write(() => {
        const rep = getRepresentative(db, id);
        retireRepresentative(db, id);
        writeAudit(db, actor, 'retire', 'representative', id, `Removed ${rep.relationship} ${rep.name} from resident ${rep.residentId}`);
      }),
    },

    records: {
      add: (actor, residentId, records, source) => write(() => {
        const count = insertResidentRecords(db, residentId, records, source, null);
        writeAudit(db, actor, 'create', 'resident_records', residentId, `Added ${count} clinical records (${source}) for resident ${residentId}`);
        return count;
      }),
      counts: () => read(() => countRecords(db)),
    },

    flags: {
      add: (actor, flag, source) => write(() => {
        const id = insertFlag(db, flag, source, null);
        if (id !== null) writeAudit(db, actor, 'create', 'flag', id, `Flag raised (${flag.category}, ${flag.severity}) at home ${flag.homeId}`);
        return id;
      }),
    },

    snapshots: {
      load: (query) => read(() => loadSnapshots(db, query)),
    },

    audit: {
      list: (filter) => read(() => listAudit(db, filter)),
    },

    imports: {
      run: (actor, meta, options, work) => {
        if (importing) return Promise.reject(new AppError('CONFLICT', 'Another import is running. Wait for it to finish, then try again.'));
        importing = true;
        const running = importRunning.then(async () => {
          db.exec('BEGIN IMMEDIATE');
          try {
            const batchId = createBatch(db, meta);
            const record = problemRecorder(db, batchId);
            const writer = new RecordsWriter(db, batchId, actor, options.today, options.source);
            const session: ImportSession = {
              batchId,
              writer,
              problem: record,
              mark: () => {
                db.exec('SAVEPOINT import_pass');
                return () => {
                  db.exec('ROLLBACK TO import_pass');
                  writer.reset();
                };
              },
              finish: (kind, counts, summary) => {
                finishBatch(db, batchId, kind, counts, summary);
                writeAudit(db, actor, 'import', 'import_batch', batchId, `Imported ${kind} from ${meta.fileName}: ${counts.read} read, ` +
                  `${counts.accepted} accepted, ${counts.unchanged} unchanged, ${counts.rejected} rejected, ${counts.unmatched} unmatched`);
              },
            };
            const { value, keep } = await work(session);
            db.exec(keep ? 'COMMIT' : 'ROLLBACK');
            return value;
          } catch (error) {
            if (db.inTransaction) db.exec('ROLLBACK');
            throw error;
          } finally {
            importing = false;
          }
        });
        importRunning = running.catch(() => undefined);
        return running;
      },
      findBySha: (sha256) => read(() => findBatchBySha(db, sha256)),
      list: (limit) => read(() => listBatches(db, limit)),
      get: (id) => read(() => getBatch(db, id)),
      problems: (batchId, limit) => read(() => listProblems(db, batchId, limit)),
    },
  };
}

export async function openStore(file: string, options?: OpenOptions): Promise<Store> {
  const db = await openDatabase(file, options);
  return createStore(db, file);
}
