/**
 * The store seam. Services call these functions, never better-sqlite3: each is one complete unit of
 * work in one transaction (with its audit event) and returns a Promise, so a server-backed store could
 * stand behind the same interface later.
 */
import { randomUUID } from 'node:crypto';
import type { CareHome, CareHomeFields, Practice, PracticeDetails, Representative, RepresentativeFields, Resident, ResidentDetail, ResidentFields, StaffMember } from '../../shared/domain/register';
import type { StaffRole } from '../../shared/domain/enums';
import type { NewFlag, ResidentRecords } from '../../shared/domain/clinical';
import type { ResidentSnapshot } from '../../shared/domain/snapshot';
import { formatNhsNumber } from '../../shared/rules/nhsNumber';
import { AppError } from '../../shared/errors';
import { auditChoices, countAudit, listAudit, searchAudit, writeAudit, type Actor, type AuditEntry, type AuditEvent, type AuditFilter } from './audit';
import { backupTo } from './backups';
import { loadOutcomeData } from './reports';
import type { StoredOutcomeData } from '../../shared/domain/reports';
import { closeDatabase, openDatabase, schemaVersion, type Db, type OpenOptions } from './db';
import { appendFileSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { busyMessage, isBeingRestored, listHolders, registerHolder, type Holder, type HolderHandle } from './holders';
import { findHome, getHome, insertHome, listHomes, updateHome } from './homes';
import { getPractice, insertStaff, isEmpty, listStaff, savePractice, savePracticeDetails } from './practice';
import {
  findResidentByNhsNumber, getRepresentative, getResident, insertRepresentative, insertResident, listRepresentatives,
  pageResidents, retireRepresentative, searchResidents, updateRepresentative, updateResident, type OpenFlagRow, type ResidentPageQuery, type ResidentQuery,
} from './residents';
import { loadSnapshots, type SnapshotQuery } from './snapshots';
import { countRecords, insertFlag, insertResidentRecords, type RecordCounts } from './records';
import type { ImportBatchInfo, ImportProblemInfo, ImportSummary } from '../../shared/domain/imports';
import {
  createBatch, findBatchBySha, finishBatch, getBatch, listBatches, listProblems, problemRecorder, type BatchCounts, type BatchMeta,
} from './imports';
import { RecordsWriter } from './recordsImport';
import type { FlagView } from '../../shared/domain/flags';
import type { FlagSeverity, FlagStatus } from '../../shared/domain/enums';
import type { MatchableResident } from '../../shared/rules/flagMatching';
import { canMoveTo, FLAG_LABELS, isLowering, isWaiting } from '../../shared/rules/flags';
import {
  dismissFlag, flagState, getFlag, listFlags, matchableResidents, setEscalationAction, setFlagResident,
  setFlagSeverity, setFlagStatus, storeFlag, type FlagQuery, type FlagToStore,
} from './flags';
import { loadTimelineExtras, type TimelineExtras } from './timeline';
import {
  insertRecordedReview, insertScheduleRun, listPlannedRounds, listRecordedReviews, listScheduleRuns, readReviewSettings, writeReviewSettings,
  type NewRecordedReview, type PlannedRoundRow, type RecordedReviewRow, type ScheduleRunRow,
} from './reviews';
import type { CarePlanRecord } from '../../shared/domain/clinical';
import type { CarePlanEntryView } from '../../shared/domain/carePlan';
import { insertCarePlanEntry, listCarePlanEntries } from './carePlans';
import {
  getItem, getRound, insertItem, insertOutcome, insertReviewDone, insertRound, listOutcomes, listRounds, markItemRemoved, setActionStatus,
  moveFlagsOnRound, readSettings, updateItemDetails, updateRound, writeSettings, writeSlots, type NewItem, type NewRound,
} from './rounds';
import type { AgendaItem, Attendees, ItemOutcome, OutcomeAction, Question, Round, RoundStatus, RoundSummary } from '../../shared/domain/round';
import { addMinutes, timeSlots } from '../../shared/rules/planning';
import { ruleLabel } from '../../shared/rules/ruleLabels';

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
export type { AuditEntry, AuditFilter } from './audit';
export type { OpenFlagRow, ResidentPageQuery } from './residents';
export { checkBackup, deleteBackupFile, listBackupFiles, replaceDatabaseFile, type BackupCheck, type BackupFile } from './backups';
export { backupFolderFor } from './db';
export type { SnapshotQuery } from './snapshots';
export type { FlagQuery, FlagToStore } from './flags';
export type { TimelineExtras, TimelineOutcome } from './timeline';

/** One row of a flag import, ready to store, with the line it came from. */
export interface FlagImportRow {
  line: number;
  flag: FlagToStore;
}

export interface FlagImportResult {
  batchId: number;
  /** Per row: the stored flag's id, or null when the same flag was already stored. */
  stored: { line: number; id: number | null }[];
}
export type { NewRecordedReview, PlannedRoundRow, RecordedReviewRow, ScheduleRunRow } from './reviews';
export type { NewItem, NewRound } from './rounds';
export { DatabaseOpenError } from './db';
export { describeHolder, markRestoring, type Holder } from './holders';

export interface Store {
  readonly file: string;
  schemaVersion(): number;
  /**
   * Changes whenever the database's data may have changed: any write through this store, or a commit by
   * another connection or process. For remembering computations over the whole register (main/services/remembered.ts).
   */
  dataVersion(): Promise<string>;
  close(): void;
  /** Other processes (and other stores in this one) that have this database open, live ones only. */
  otherHolders(): Promise<Holder[]>;

  practice: {
    get(): Promise<PracticeDetails & { isDemo: boolean }>;
    save(actor: Actor, practice: Practice, isDemo: boolean): Promise<void>;
    saveDetails(actor: Actor, details: Omit<PracticeDetails, 'odsCode'>): Promise<void>;
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
    /** One page of the register in a fixed order, the total that match, and the page's open flags. */
    page(query: ResidentPageQuery): Promise<{ total: number; residents: Resident[]; openFlags: OpenFlagRow[] }>;
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
    /** Flags (not dismissed unless asked), most severe first; `today` decides which are "waiting". */
    list(query: FlagQuery, today: string): Promise<FlagView[]>;
    get(id: number, today: string): Promise<FlagView>;
    /** Everyone on the register, for the matcher. */
    matchable(): Promise<MatchableResident[]>;
    /** One import: the batch row, every flag (re-imported ones skipped by natural key) and every problem, in one transaction. */
    importFile(actor: Actor, batch: BatchMeta, rows: FlagImportRow[], problems: { line: number; field: string | null; reason: string }[]): Promise<FlagImportResult>;
    /** A flag entered by hand; null when the same flag is already stored. */
    enter(actor: Actor, flag: FlagToStore): Promise<number | null>;
    /** The unmatched queue: a person confirms which resident the flag is about. */
    confirmMatch(actor: Actor, id: number, residentId: number): Promise<void>;
    /** The unmatched queue: the flag is about someone not yet on the register. */
    addResidentAndMatch(actor: Actor, id: number, resident: ResidentFields): Promise<number>;
    /** The unmatched queue: not about any resident (kept, with the reason). */
    dismiss(actor: Actor, id: number, reason: string): Promise<void>;
    setStatus(actor: Actor, id: number, status: FlagStatus, outcome: string | null): Promise<void>;
    /** Raising needs no reason; lowering needs one. */
    setSeverity(actor: Actor, id: number, severity: FlagSeverity, reason: string | null): Promise<void>;
    /** The same-day action taken for an escalate-now flag (clears its banner). */
    recordEscalation(actor: Actor, id: number, action: string, on: string): Promise<void>;
  };
  timeline: {
    /** Sources (import file or person) and every round outcome, for a resident's timeline. */
    extras(residentId: number): Promise<TimelineExtras>;
  };
  carePlans: {
    /** Records one care-plan entry; it supersedes the current entry of its element unless it is older. Returns the resident's entries. */
    add(actor: Actor, residentId: number, entry: CarePlanRecord, source: string): Promise<CarePlanEntryView[]>;
    /** Every entry for a resident, current and superseded, newest first. */
    list(residentId: number): Promise<CarePlanEntryView[]>;
  };
  snapshots: {
    /** Residents' whole records for the rules (active residents unless includeInactive). */
    load(query?: SnapshotQuery): Promise<ResidentSnapshot[]>;
  };
  audit: {
    list(filter?: { entity?: string; entityId?: number; limit?: number }): Promise<AuditEvent[]>;
    search(filter: AuditFilter): Promise<AuditEntry[]>;
    /** One page of matching events, newest first, with how many match. */
    page(filter: AuditFilter): Promise<{ total: number; entries: AuditEntry[] }>;
    choices(): Promise<{ people: string[]; actions: string[]; entities: string[] }>;
    /** Records something that is not a write, such as viewing a resident's record. */
    record(actor: Actor, action: string, entity: string, entityId: number | null, summary: string): Promise<void>;
  };
  reports: {
    /** The rows the outcome figures are counted from, for one home or (null) the practice. */
    outcomeData(homeId: number | null): Promise<StoredOutcomeData>;
  };
  backups: {
    /** Takes an online backup of the open database into file, and audits it. */
    create(actor: Actor, file: string, summary: string): Promise<void>;
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
  reviews: {
    /** Stored review settings as raw strings (key without the "reviews." prefix). */
    settings(): Promise<Record<string, string>>;
    saveSettings(actor: Actor, settings: Record<string, number>): Promise<void>;
    /** Records a review done or deferred; returns its id. */
    record(actor: Actor, review: NewRecordedReview): Promise<number>;
    recorded(query: { homeId?: number | undefined; residentId?: number | undefined; since: string; limit?: number }): Promise<RecordedReviewRow[]>;
    plannedRounds(from: string, to: string): Promise<PlannedRoundRow[]>;
    /** Records a computed schedule with its rules version and the settings in force. */
    recordRun(actor: Actor, run: { today: string; homeId: number | null; rulesVersion: string; settings: unknown; items: number; placed: number; unplaced: number }): Promise<number>;
    runs(limit?: number): Promise<ScheduleRunRow[]>;
  };
  rounds: {
    /** Saves a round and its proposed items; the items' flags go on the agenda. */
    create(actor: Actor, round: NewRound, items: NewItem[]): Promise<Round>;
    get(id: number): Promise<Round>;
    getItem(itemId: number): Promise<AgendaItem>;
    list(homeId: number | null): Promise<RoundSummary[]>;
    /** Adds (or restores) a resident's item at the end; its flags go on the agenda. */
    addItem(actor: Actor, roundId: number, item: Omit<NewItem, 'position' | 'start'>): Promise<Round>;
    /** Removes an item (with the reason, when one was asked for); its flags go back to open. */
    removeItem(actor: Actor, itemId: number, reason: string | null): Promise<Round>;
    /** Puts the round's current items in this order; slots follow from the start time. */
    reorder(actor: Actor, roundId: number, itemIds: number[]): Promise<Round>;
    setMinutes(actor: Actor, itemId: number, minutes: number): Promise<Round>;
    updateItem(actor: Actor, itemId: number, details: { attendees?: Attendees; questions?: Question[]; notes?: string | null }): Promise<AgendaItem>;
    update(actor: Actor, roundId: number, fields: { status?: RoundStatus; startTime?: string; clinicians?: string[] }): Promise<Round>;
    /** Records one item's outcome: decisions, actions, flags addressed, reviews done, care-plan entries. */
    recordOutcome(actor: Actor, outcome: ItemOutcome, on: string, by: string | null): Promise<OutcomeAction[]>;
    outcomes(roundId: number): Promise<OutcomeAction[]>;
    /** The round's time model as stored (raw strings, key without the "round." prefix). */
    timeSettings(): Promise<Record<string, string>>;
    saveTimeSettings(actor: Actor, settings: Record<string, number>): Promise<void>;
  };
}

function residentDetail(db: Db, id: number): ResidentDetail {
  return { ...getResident(db, id), representatives: listRepresentatives(db, id) };
}

function label(r: ResidentFields): string {
  return `${r.givenName} ${r.familyName} (${formatNhsNumber(r.nhsNumber)})`;
}

function isBusy(error: unknown): boolean {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/** Another process holds the write lock longer than the busy timeout; the message says what it is running. */
class DatabaseBusyError extends AppError {
  constructor(message: string) {
    super('DATABASE', message);
  }
}

/** Audit events of reads that could not be written while another process held the write lock, oldest first. */
export function auditQueueFile(databaseFile: string): string {
  return `${databaseFile}-audit-queue.jsonl`;
}

interface QueuedAudit { at: string; actor: Actor; action: string; entity: string; entityId: number | null; summary: string }

/** How long an audit event of a read waits for another process's write before it is queued instead. */
const AUDIT_WAIT_MS = 250;

export function createStore(db: Db, file: string, holder?: HolderHandle): Store {
  /** An import holds one transaction open across its file reading; other calls wait for it to end. */
  let importRunning: Promise<unknown> = Promise.resolve();
  const gate = <T>(fn: () => T): Promise<T> => importRunning.then(fn, fn);
  const queueFile = auditQueueFile(file);
  /** Takes the queued audit events (renamed away first, so two processes never write the same one twice). */
  const claimQueue = (): { claimed: string; events: QueuedAudit[] } | null => {
    if (!existsSync(queueFile)) return null;
    const claimed = `${queueFile}.${process.pid}.claimed`;
    try {
      renameSync(queueFile, claimed);
      const events = readFileSync(claimed, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as QueuedAudit);
      return { claimed, events };
    } catch {
      return null;
    }
  };
  const putBack = (claim: { claimed: string } | null) => {
    if (!claim) return;
    appendFileSync(queueFile, readFileSync(claim.claimed));
    rmSync(claim.claimed, { force: true });
  };
  /** Runs fn in one transaction, writing any queued audit events first; a busy database becomes a message saying what is running. */
  const transact = <T>(fn: () => T): T => {
    const claim = claimQueue();
    try {
      const value = db.transaction(() => {
        for (const e of claim?.events ?? []) writeAudit(db, e.actor, e.action, e.entity, e.entityId, e.summary, e.at);
        return fn();
      })();
      if (claim) rmSync(claim.claimed, { force: true });
      return value;
    } catch (error) {
      putBack(claim);
      if (isBusy(error)) throw new DatabaseBusyError(busyMessage(listHolders(file, holder?.id)));
      throw error;
    }
  };
  /** Runs a write and its audit event in one transaction; a refusal becomes a rejected Promise. */
  const write = <T>(fn: () => T): Promise<T> => gate(() => transact(fn));
  const read = <T>(fn: () => T): Promise<T> => gate(fn);
  /** An audit event of a read: written when the database is free, else queued beside it for the next write. */
  const recordRead = (actor: Actor, action: string, entity: string, entityId: number | null, summary: string): Promise<void> => gate(() => {
    const at = new Date().toISOString();
    const wait = db.pragma('busy_timeout', { simple: true }) as number;
    db.pragma(`busy_timeout = ${AUDIT_WAIT_MS}`);
    try {
      transact(() => writeAudit(db, actor, action, entity, entityId, summary, at));
    } catch (error) {
      if (!(error instanceof DatabaseBusyError)) throw error;
      appendFileSync(queueFile, `${JSON.stringify({ at, actor, action, entity, entityId, summary } satisfies QueuedAudit)}\n`);
    } finally {
      db.pragma(`busy_timeout = ${wait}`);
    }
  });
  let importing = false;
  /** Rows this connection changed (any table, temp ones too) and those that were only scratch, for dataVersion(). */
  const changesQuery = db.prepare('SELECT total_changes()').pluck();
  const totalChanges = (): number => Number(changesQuery.get());
  let scratchChanges = 0;
  /** This store's own mark in its data version: a store opened again (after a restore) never repeats an earlier one's version. */
  const instance = randomUUID();

  return {
    file,
    schemaVersion: () => schemaVersion(db),
    dataVersion: () => read(() => `${instance}:${String(db.pragma('data_version', { simple: true }))}:${totalChanges() - scratchChanges}`),
    close: () => {
      if (db.open && existsSync(queueFile)) {
        // best effort: write queued audit events now if nobody else is writing, else the next write will
        db.pragma('busy_timeout = 0');
        try {
          transact(() => undefined);
        } catch {
          // still busy: they stay queued
        }
      }
      try {
        closeDatabase(db);
      } finally {
        holder?.release();
      }
    },
    otherHolders: async () => listHolders(file, holder?.id),

    practice: {
      get: () => read(() => getPractice(db)),
      save: (actor, practice, isDemo) => write(() => {
        savePractice(db, practice, isDemo);
        writeAudit(db, actor, 'update', 'practice', 1, `Practice details set to ${practice.name}`);
      }),
      saveDetails: (actor, details) => write(() => {
        savePracticeDetails(db, details);
        writeAudit(db, actor, 'update', 'practice', 1, 'Practice contact details for letters changed');
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
      page: (query) => read(() => pageResidents(db, query)),
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
      list: (query, today) => read(() => listFlags(db, query, (f) => isWaiting(f, today))),
      get: (id, today) => read(() => getFlag(db, id, (f) => isWaiting(f, today))),
      matchable: () => read(() => matchableResidents(db)),
      importFile: (actor, batch, rows, problems) => write(() => {
        const batchId = createBatch(db, batch);
        const problem = problemRecorder(db, batchId);
        const stored = rows.map((row) => {
          const id = storeFlag(db, row.flag, 'import', batchId);
          if (id !== null) {
            writeAudit(db, actor, 'import', 'flag', id, `Flag imported from ${batch.fileName} line ${row.line} (${row.flag.category}, ${row.flag.severity})`
              + (row.flag.residentId === null ? ': to the unmatched queue' : `: resident ${row.flag.residentId}`));
            if (row.flag.unmatched) problem({ line: String(row.line), field: null, reason: row.flag.unmatched.explanation, kind: 'unmatched', nhsNumber: null });
          }
          return { line: row.line, id };
        });
        for (const p of problems) problem({ line: String(p.line), field: p.field, reason: p.reason, kind: 'rejected', nhsNumber: null });
        const accepted = stored.filter((s) => s.id !== null);
        finishBatch(db, batchId, 'flags', {
          read: rows.length + problems.length, accepted: accepted.length, unchanged: stored.length - accepted.length, rejected: problems.length,
          unmatched: rows.filter((r, i) => r.flag.residentId === null && stored[i]?.id !== null).length,
        }, {});
        writeAudit(db, actor, 'import', 'import_batch', batchId, `Imported flags from ${batch.fileName}: ${accepted.length} new, ${problems.length} rejected`);
        return { batchId, stored };
      }),
      enter: (actor, flag) => write(() => {
        const id = storeFlag(db, flag, 'entered', null);
        if (id !== null) writeAudit(db, actor, 'create', 'flag', id, `Flag entered by hand (${flag.category}, ${flag.severity}) for resident ${flag.residentId ?? 'not matched'}`);
        return id;
      }),
      confirmMatch: (actor, id, residentId) => write(() => {
        const flag = flagState(db, id);
        if (flag.resident_id !== null) throw new AppError('CONFLICT', `Flag ${id} is already matched to a resident`);
        if (flag.dismissed_at !== null) throw new AppError('CONFLICT', `Flag ${id} was dismissed; it cannot be matched`);
        const resident = getResident(db, residentId);
        if (resident.homeId !== flag.home_id) {
          throw new AppError('CONFLICT', `${resident.givenName} ${resident.familyName} lives at ${resident.homeName}, not the home that raised this flag. Check the resident, or move them first.`);
        }
        setFlagResident(db, id, residentId, 'confirmed');
        writeAudit(db, actor, 'match', 'flag', id, `Flag matched by a person to ${label(resident)}`);
      }),
      addResidentAndMatch: (actor, id, resident) => write(() => {
        const flag = flagState(db, id);
        if (flag.resident_id !== null) throw new AppError('CONFLICT', `Flag ${id} is already matched to a resident`);
        if (flag.dismissed_at !== null) throw new AppError('CONFLICT', `Flag ${id} was dismissed; it cannot be matched`);
        if (resident.homeId !== flag.home_id) throw new AppError('INVALID_INPUT', 'A new resident from a flag belongs to the home that raised it');
        const residentId = insertResident(db, resident);
        writeAudit(db, actor, 'create', 'resident', residentId, `Added resident ${label(resident)} from unmatched flag ${id}`);
        setFlagResident(db, id, residentId, 'confirmed');
        writeAudit(db, actor, 'match', 'flag', id, `Flag matched by a person to new resident ${label(resident)}`);
        return residentId;
      }),
      dismiss: (actor, id, reason) => write(() => {
        const flag = flagState(db, id);
        if (flag.resident_id !== null) throw new AppError('CONFLICT', `Flag ${id} is matched to a resident: close it instead of dismissing it`);
        if (flag.dismissed_at !== null) throw new AppError('CONFLICT', `Flag ${id} is already dismissed`);
        dismissFlag(db, id, reason);
        writeAudit(db, actor, 'dismiss', 'flag', id, `Unmatched flag dismissed: ${reason}`);
      }),
      setStatus: (actor, id, status, outcome) => write(() => {
        const flag = flagState(db, id);
        if (flag.resident_id === null) throw new AppError('CONFLICT', 'Match this flag to a resident before moving it on');
        if (!canMoveTo(flag.status, status)) {
          throw new AppError('CONFLICT', `A flag that is ${FLAG_LABELS.status[flag.status].toLowerCase()} cannot become ${FLAG_LABELS.status[status].toLowerCase()}`);
        }
        if (status === 'addressed' && !outcome) throw new AppError('INVALID_INPUT', 'Enter the outcome', [{ field: 'outcome', message: 'Enter what was done about this flag' }]);
        setFlagStatus(db, id, status, outcome);
        writeAudit(db, actor, 'status', 'flag', id, `Flag ${FLAG_LABELS.status[flag.status].toLowerCase()} → ${FLAG_LABELS.status[status].toLowerCase()}${outcome ? `: ${outcome}` : ''}`);
      }),
      setSeverity: (actor, id, severity, reason) => write(() => {
        const flag = flagState(db, id);
        if (flag.severity === severity) return;
        if (isLowering(flag.severity, severity) && !reason) {
          throw new AppError('INVALID_INPUT', `Give a reason for lowering a flag from ${FLAG_LABELS.severity[flag.severity].toLowerCase()}`,
            [{ field: 'reason', message: 'Enter why the severity is being lowered' }]);
        }
        const why = reason ?? 'Raised by a person';
        setFlagSeverity(db, id, severity, why);
        writeAudit(db, actor, 'severity', 'flag', id, `Severity ${FLAG_LABELS.severity[flag.severity].toLowerCase()} → ${FLAG_LABELS.severity[severity].toLowerCase()}: ${why}`);
      }),
      recordEscalation: (actor, id, action, on) => write(() => {
        const flag = flagState(db, id);
        if (flag.severity !== 'escalate-now') throw new AppError('CONFLICT', 'Only an escalate-now flag needs a same-day action recorded');
        setEscalationAction(db, id, action, on);
        writeAudit(db, actor, 'escalation-action', 'flag', id, `Same-day action recorded on ${on}: ${action}`);
      }),
    },
    timeline: {
      extras: (residentId) => read(() => loadTimelineExtras(db, residentId)),
    },

    carePlans: {
      add: (actor, residentId, entry, source) => write(() => {
        const resident = getResident(db, residentId);
        const known = new Set(listRepresentatives(db, residentId).map((r) => r.id));
        const named = [...(entry.participants?.representativeIds ?? []), ...(typeof entry.details?.representativeId === 'number' ? [entry.details.representativeId] : [])];
        if (named.some((repId) => !known.has(repId))) {
          throw new AppError('INVALID_INPUT', `Choose a representative of ${resident.givenName} ${resident.familyName}`, [{ field: 'participants', message: 'Choose one of this resident’s representatives' }]);
        }
        const id = insertCarePlanEntry(db, residentId, entry, source, null);
        writeAudit(db, actor, 'create', 'advance_care_plan', id, `Recorded ${entry.element} (${source}) for resident ${residentId}`);
        return listCarePlanEntries(db, residentId);
      }),
      list: (residentId) => read(() => {
        getResident(db, residentId);
        return listCarePlanEntries(db, residentId);
      }),
    },

    snapshots: {
      load: (query) => read(() => {
        // The resident ids go through a temp table: those rows are scratch, not a change to the data.
        const before = totalChanges();
        try {
          return loadSnapshots(db, query);
        } finally {
          scratchChanges += totalChanges() - before;
        }
      }),
    },

    audit: {
      list: (filter) => read(() => listAudit(db, filter)),
      search: (filter) => read(() => searchAudit(db, filter)),
      page: (filter) => read(() => ({ total: countAudit(db, filter), entries: searchAudit(db, filter) })),
      choices: () => read(() => auditChoices(db)),
      record: recordRead,
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

    imports: {
      run: (actor, meta, options, work) => {
        if (importing) return Promise.reject(new AppError('CONFLICT', 'Another import is running. Wait for it to finish, then try again.'));
        importing = true;
        const running = importRunning.then(async () => {
          holder?.setActivity('an import', meta.fileName);
          try {
            db.exec('BEGIN IMMEDIATE');
          } catch (error) {
            holder?.setActivity(null);
            importing = false;
            if (isBusy(error)) throw new DatabaseBusyError(busyMessage(listHolders(file, holder?.id)));
            throw error;
          }
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
            holder?.setActivity(null);
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
    reviews: {
      settings: () => read(() => readReviewSettings(db)),
      saveSettings: (actor, settings) => write(() => {
        writeReviewSettings(db, settings);
        writeAudit(db, actor, 'update', 'setting', null, `Medication review settings changed: ${Object.entries(settings).map(([k, v]) => `${k}=${v}`).join(', ')}`);
      }),
      record: (actor, review) => write(() => {
        const id = insertRecordedReview(db, review);
        writeAudit(db, actor, 'create', 'medication_review', id, review.status === 'done'
          ? `${ruleLabel(review.rule)} recorded as done on ${review.doneOn ?? ''} for resident ${review.residentId}`
          : `${ruleLabel(review.rule)} deferred until ${review.deferredUntil ?? ''} for resident ${review.residentId}`);
        return id;
      }),
      recorded: (query) => read(() => listRecordedReviews(db, query)),
      plannedRounds: (from, to) => read(() => listPlannedRounds(db, from, to)),
      recordRun: (actor, run) => write(() => {
        const id = insertScheduleRun(db, run);
        writeAudit(db, actor, 'compute', 'review_schedule_run', id, `Review schedule computed for ${run.today} (${run.items} items, rules ${run.rulesVersion})`);
        return id;
      }),
      runs: (limit) => read(() => listScheduleRuns(db, limit)),
    },
    rounds: {
      create: (actor, round, items) => write(() => {
        const id = insertRound(db, round);
        for (const item of items) insertItem(db, id, item);
        moveFlagsOnRound(db, items.flatMap(flagIdsOf), 'on-agenda', ['open']);
        writeAudit(db, actor, 'create', 'round', id, `Planned a round on ${round.date} for home ${round.homeId} with ${items.length} residents`);
        return getRound(db, id);
      }),
      get: (id) => read(() => getRound(db, id)),
      getItem: (itemId) => read(() => getItem(db, itemId)),
      list: (homeId) => read(() => listRounds(db, homeId)),
      addItem: (actor, roundId, item) => write(() => {
        const round = getRound(db, roundId);
        const itemId = insertItem(db, roundId, { ...item, position: round.items.length + 1, start: round.startTime });
        moveFlagsOnRound(db, flagIdsOf(item), 'on-agenda', ['open']);
        reslot(roundId, [...round.items.map((i) => i.id), itemId]);
        writeAudit(db, actor, 'update', 'round', roundId, `Added resident ${item.residentId} to the round`);
        return getRound(db, roundId);
      }),
      removeItem: (actor, itemId, reason) => write(() => {
        const item = getItem(db, itemId);
        markItemRemoved(db, itemId, reason);
        moveFlagsOnRound(db, flagIdsOf(item), 'open', ['on-agenda']);
        const round = getRound(db, item.roundId);
        reslot(round.id, round.items.map((i) => i.id));
        writeAudit(db, actor, 'update', 'round', item.roundId, `Removed resident ${item.residentId} from the round${reason ? `: ${reason}` : ''}`);
        return getRound(db, item.roundId);
      }),
      reorder: (actor, roundId, itemIds) => write(() => {
        reslot(roundId, itemIds);
        writeAudit(db, actor, 'update', 'round', roundId, 'Reordered the round');
        return getRound(db, roundId);
      }),
      setMinutes: (actor, itemId, minutes) => write(() => {
        const item = getItem(db, itemId);
        const round = getRound(db, item.roundId);
        reslot(round.id, round.items.map((i) => i.id), new Map([[itemId, minutes]]));
        writeAudit(db, actor, 'update', 'round', round.id, `Set resident ${item.residentId}'s time to ${minutes} minutes`);
        return getRound(db, round.id);
      }),
      updateItem: (actor, itemId, details) => write(() => {
        updateItemDetails(db, itemId, details);
        const item = getItem(db, itemId);
        writeAudit(db, actor, 'update', 'agenda_item', itemId, `Updated attendees, questions or notes for resident ${item.residentId}`);
        return item;
      }),
      update: (actor, roundId, fields) => write(() => {
        updateRound(db, roundId, fields);
        const round = getRound(db, roundId);
        if (fields.startTime) reslot(roundId, round.items.map((i) => i.id));
        writeAudit(db, actor, 'update', 'round', roundId, `Updated the round${fields.status ? `: status ${fields.status}` : ''}`);
        return getRound(db, roundId);
      }),
      recordOutcome: (actor, outcome, on, by) => write(() => {
        const item = getItem(db, outcome.itemId);
        const base = { agendaItemId: item.id, residentId: item.residentId };
        if (outcome.decisions) insertOutcome(db, { ...base, decision: outcome.decisions, action: null, owner: null, dueDate: null, status: 'done' });
        for (const a of outcome.actions) insertOutcome(db, { ...base, decision: null, action: a.action, owner: a.owner, dueDate: a.dueDate, status: 'open' });
        moveFlagsOnRound(db, outcome.flagsAddressed, 'addressed', ['open', 'on-agenda']);
        setActionStatus(db, outcome.actionsDone, item.residentId, 'done');
        for (const rule of outcome.reviewsDone) {
          insertReviewDone(db, { residentId: item.residentId, rule, roundId: item.roundId, doneOn: on, doneBy: by, outcome: outcome.reviewOutcome || null,
            reasons: item.reasons.filter((r) => r.rule === rule) });
        }
        if (outcome.carePlans.length > 0) {
          insertResidentRecords(db, item.residentId, { carePlans: outcome.carePlans.map((p) => ({ element: p.element, value: p.value, recordedOn: on,
            reviewDue: p.reviewDue, participants: { clinician: by } })) }, `round ${item.roundId}`, null);
        }
        writeAudit(db, actor, 'create', 'outcome', item.id, `Recorded the round outcome for resident ${item.residentId}: ${outcome.actions.length} actions, `
          + `${outcome.reviewsDone.length} reviews done, ${outcome.carePlans.length} care-plan entries`);
        return listOutcomes(db, item.roundId).filter((o) => o.agendaItemId === item.id);
      }),
      outcomes: (roundId) => read(() => listOutcomes(db, roundId)),
      timeSettings: () => read(() => readSettings(db, 'round.')),
      saveTimeSettings: (actor, settings) => write(() => {
        writeSettings(db, 'round.', settings);
        writeAudit(db, actor, 'update', 'setting', null, `Round time settings changed: ${Object.entries(settings).map(([k, v]) => `${k}=${v}`).join(', ')}`);
      }),
    },
  };

  /** Positions and time slots of a round's items, in the given order, from the round's start time. */
  function reslot(roundId: number, itemIds: number[], minutesOverride = new Map<number, number>()): void {
    const round = getRound(db, roundId);
    const current = new Map(round.items.map((i) => [i.id, i]));
    const ids = [...new Set(itemIds)].filter((id) => current.has(id));
    if (ids.length !== current.size) throw new AppError('INVALID_INPUT', 'The new order must list every resident on the round once.');
    const minutes = ids.map((id) => minutesOverride.get(id) ?? current.get(id)?.minutes ?? 0);
    const starts = timeSlots(addMinutes(round.startTime, round.plan.huddleMinutes ?? 0), minutes);
    writeSlots(db, ids.map((id, i) => ({ id, position: i + 1, start: starts[i] ?? round.startTime, minutes: minutes[i] ?? 0 })));
  }
}

function flagIdsOf(item: { reasons: { flagIds?: number[] }[] }): number[] {
  return item.reasons.flatMap((r) => r.flagIds ?? []);
}

export interface StoreOptions extends OpenOptions {
  /** Who is opening it, in words, for others to see ("the command line (homes)", "the desktop app"). */
  program?: string;
}

/**
 * Opens the store and registers this process as holding the database (main/store/holders.ts), so a
 * restore elsewhere can see it; close() releases it.
 */
export async function openStore(file: string, options: StoreOptions = {}): Promise<Store> {
  const resolved = path.resolve(file);
  const holder = !options.mustExist || existsSync(resolved) ? registerHolder(resolved, options.program ?? 'Roundtable') : undefined;
  try {
    if (isBeingRestored(resolved)) {
      throw new AppError('DATABASE', `${resolved} is being restored from a backup right now; try again in a minute. Nothing was changed.`);
    }
    const db = await openDatabase(resolved, options);
    return createStore(db, file, holder);
  } catch (error) {
    holder?.release();
    throw error;
  }
}
