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
import { auditChoices, listAudit, searchAudit, writeAudit, type Actor, type AuditEntry, type AuditEvent, type AuditFilter } from './audit';
import { backupTo } from './backups';
import { loadOutcomeData } from './reports';
import type { OutcomeData } from '../../shared/domain/reports';
import { closeDatabase, openDatabase, schemaVersion, type Db, type OpenOptions } from './db';
import { findHome, getHome, insertHome, listHomes, updateHome } from './homes';
import { getPractice, insertStaff, isEmpty, listStaff, savePractice } from './practice';
import {
  findResidentByNhsNumber, getRepresentative, getResident, insertRepresentative, insertResident, listRepresentatives,
  retireRepresentative, searchResidents, updateRepresentative, updateResident, type ResidentQuery,
} from './residents';
import { loadSnapshots, type SnapshotQuery } from './snapshots';
import { countRecords, insertFlag, insertResidentRecords, type RecordCounts } from './records';

export type { Actor, AuditEvent } from './audit';
export type { RecordCounts } from './records';
export type { AuditEntry, AuditFilter } from './audit';
export { checkBackup, deleteBackupFile, listBackupFiles, replaceDatabaseFile, type BackupCheck, type BackupFile } from './backups';
export { backupFolderFor } from './db';
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
    search(filter: AuditFilter): Promise<AuditEntry[]>;
    choices(): Promise<{ people: string[]; actions: string[]; entities: string[] }>;
    /** Records something that is not a write, such as viewing a resident's record. */
    record(actor: Actor, action: string, entity: string, entityId: number | null, summary: string): Promise<void>;
  };
  reports: {
    /** The rows the outcome figures are counted from, for one home or (null) the practice. */
    outcomeData(homeId: number | null): Promise<OutcomeData>;
  };
  backups: {
    /** Takes an online backup of the open database into file, and audits it. */
    create(actor: Actor, file: string, summary: string): Promise<void>;
  };
}

function residentDetail(db: Db, id: number): ResidentDetail {
  return { ...getResident(db, id), representatives: listRepresentatives(db, id) };
}

function label(r: ResidentFields): string {
  return `${r.givenName} ${r.familyName} (${formatNhsNumber(r.nhsNumber)})`;
}

export function createStore(db: Db, file: string): Store {
  /** Runs a write and its audit event in one transaction; a refusal becomes a rejected Promise. */
  const write = <T>(fn: () => T): Promise<T> => new Promise((resolve) => resolve(db.transaction(fn)()));
  const read = <T>(fn: () => T): Promise<T> => new Promise((resolve) => resolve(fn()));

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
      search: (filter) => read(() => searchAudit(db, filter)),
      choices: () => read(() => auditChoices(db)),
      record: (actor, action, entity, entityId, summary) => write(() => writeAudit(db, actor, action, entity, entityId, summary)),
    },

    reports: {
      outcomeData: (homeId) => read(() => loadOutcomeData(db, homeId)),
    },

    backups: {
      create: async (actor, file, summary) => {
        await backupTo(db, file);
        await write(() => writeAudit(db, actor, 'backup', 'database', null, summary));
      },
    },
  };
}

export async function openStore(file: string, options?: OpenOptions): Promise<Store> {
  const db = await openDatabase(file, options);
  return createStore(db, file);
}
