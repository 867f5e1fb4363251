/**
 * The store contract (see docs/architecture.md, "The store and its two engines"): what services may ask of
 * the database. Two implementations stand behind it — SQLite (main/store/db.ts) and PostgreSQL
 * (main/store/postgres.ts) — sharing one set of queries (main/store/*.ts over main/store/sql) and one list
 * of migrations, and one store test suite runs against both.
 */
import type { CareHome, CareHomeFields, Practice, PracticeDetails, Representative, RepresentativeFields, Resident, ResidentDetail, ResidentFields, StaffMember } from '../../shared/domain/register';
import type { StaffRole } from '../../shared/domain/enums';
import type { CarePlanRecord, NewFlag, ResidentRecords } from '../../shared/domain/clinical';
import type { ResidentSnapshot } from '../../shared/domain/snapshot';
import type { StoredOutcomeData } from '../../shared/domain/reports';
import type { ImportBatchInfo, ImportProblemInfo, ImportSummary } from '../../shared/domain/imports';
import type { FlagView } from '../../shared/domain/flags';
import type { MatchableResident } from '../../shared/rules/flagMatching';
import type { CarePlanEntryView } from '../../shared/domain/carePlan';
import type { AgendaItem, Attendees, ItemOutcome, OutcomeAction, Question, Round, RoundStatus, RoundSummary } from '../../shared/domain/round';
import type { Actor, AuditEntry, AuditEvent, AuditFilter } from './audit';
import type { Holder } from './holders';
import type { OpenFlagRow, ResidentPageQuery, ResidentQuery } from './residents';
import type { SnapshotQuery } from './snapshots';
import type { RecordCounts } from './records';
import type { BatchCounts, BatchMeta } from './imports';
import type { RecordsWriter } from './recordsImport';
import type { FlagChange, FlagQuery, FlagToStore } from './flags';
import type { TimelineExtras } from './timeline';
import type { NewRecordedReview, PlannedRoundRow, RecordedReviewRow, ScheduleRunRow } from './reviews';
import type { NewItem, NewRound } from './rounds';
import type { Engine } from './sql/types';
import type { ArrangeItems } from '../../shared/rules/planning';
import type { TableName } from './tables';

/** What an import's work function writes through, inside the import's one transaction. */
export interface ImportSession {
  readonly batchId: number;
  readonly writer: RecordsWriter;
  problem(problem: ImportProblemInfo): Promise<void>;
  /** Marks the present state; the returned function undoes everything written since (a savepoint). */
  mark(): Promise<() => Promise<void>>;
  /** Sets the batch's final kind, counts and summary (and writes its audit event). */
  finish(kind: string, counts: BatchCounts, summary: ImportSummary): Promise<void>;
}
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
/**
 * The store contract: everything services may ask of the database, whichever engine holds it. Every member
 * is async and speaks the domain's camelCase types; each write is one complete unit of work in one
 * transaction with its audit event. Rules about what is allowed live in shared/rules and the services; the
 * store enforces only what the schema itself guarantees (UNIQUE, CHECK, foreign keys, version columns).
 */
export interface Store {
  /** Which engine holds the data: the embedded SQLite file, or a shared PostgreSQL database. */
  readonly engine: Engine;
  /** Where the data is, for people: the file path, or "PostgreSQL host:port/database" (never a password). */
  readonly location: string;
  /** The SQLite file; null on PostgreSQL, where there is no file on this computer. */
  readonly file: string | null;
  /** A shared database's host[:port]/database (never a password); null for the SQLite file. */
  readonly server: string | null;
  schemaVersion(): number;
  /**
   * Changes whenever the database's data may have changed: any write through this store, or a commit by
   * another connection or process. For remembering computations over the whole register (main/services/remembered.ts).
   */
  dataVersion(): Promise<string>;
  close(): Promise<void>;
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
    /**
     * Changes a flag (match, move on, severity, same-day action, dismissal) if it is still at `version`,
     * raising its version, with its audit event; a flag changed elsewhere since is refused (CONFLICT).
     * Whether the change is allowed is the services' decision (shared/rules/flags).
     */
    update(actor: Actor, id: number, version: number, change: FlagChange, audit: { action: string; summary: string }): Promise<void>;
    /** The unmatched queue: the flag is about someone not yet on the register; adds them and matches the flag (if still at version). */
    addResidentAndMatch(actor: Actor, id: number, version: number, resident: ResidentFields): Promise<number>;
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
  maintenance: {
    /**
     * Backs the open database up into file, and audits it: SQLite's online backup; on PostgreSQL, pg_dump's
     * custom format when pg_dump is installed (a refusal saying backups are the server's otherwise).
     */
    backup(actor: Actor, file: string, summary: string): Promise<void>;
    /** The engine's own consistency check: "ok", or what it found. */
    check(): Promise<string>;
    /** Deletes every row of every table (replacing a demo on a shared database, which cannot be deleted as a file can). */
    eraseAll(): Promise<void>;
    /** Rows in each table, for checking a copy (copy --from … --to …). */
    tableCounts(): Promise<Record<string, number>>;
    /** A page of one table's rows as stored, in key order after `after` (null: from the start), for a copy. */
    readTable(table: TableName, after: number | string | null, limit: number): Promise<Record<string, unknown>[]>;
    /** Copies everything from source into this (empty) database in one transaction, checked by counts per table; returns the counts. */
    copyFrom(actor: Actor, source: Store): Promise<Record<string, number>>;
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
    /** Adds (or restores) a resident's item at the end; its flags go on the agenda. `arrange` (shared/rules/planning) slots the items. */
    addItem(actor: Actor, roundId: number, item: Omit<NewItem, 'position' | 'start'>, arrange: ArrangeItems): Promise<Round>;
    /** Removes an item (with the reason, when one was asked for); its flags go back to open. */
    removeItem(actor: Actor, itemId: number, reason: string | null, arrange: ArrangeItems): Promise<Round>;
    /** Puts the round's current items in this order; slots follow from the start time. */
    reorder(actor: Actor, roundId: number, itemIds: number[], arrange: ArrangeItems): Promise<Round>;
    setMinutes(actor: Actor, itemId: number, minutes: number, arrange: ArrangeItems): Promise<Round>;
    /** Sets attendees, questions or notes if the item is still at `version` (else CONFLICT: changed elsewhere). */
    updateItem(actor: Actor, itemId: number, version: number, details: { attendees?: Attendees; questions?: Question[]; notes?: string | null }): Promise<AgendaItem>;
    update(actor: Actor, roundId: number, fields: { status?: RoundStatus; startTime?: string; clinicians?: string[] }, arrange: ArrangeItems): Promise<Round>;
    /** Records one item's outcome: decisions, actions, flags addressed, reviews done, care-plan entries. */
    recordOutcome(actor: Actor, outcome: ItemOutcome, on: string, by: string | null): Promise<OutcomeAction[]>;
    outcomes(roundId: number): Promise<OutcomeAction[]>;
    /** The round's time model as stored (raw strings, key without the "round." prefix). */
    timeSettings(): Promise<Record<string, string>>;
    saveTimeSettings(actor: Actor, settings: Record<string, number>): Promise<void>;
  };
}

